"""Hostile workbooks through the real CLI: a few KB that declare (or use) the whole sheet must
fail their own source, recorded, while the next source still runs (issue 15, items 1 and 8).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from faults import ice_site, rows, source_health, watcher, write_config
from http_server import Answer, ScriptedServer

HEADERS = ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA")

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
        'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
        'workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
        'sheet1.xml"/></Relationships>'
    ),
}


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def hostile_workbook(*, far_rows: int) -> bytes:
    """ICE's headers in row 1, then ``far_rows`` rows with one cell each in the sheet's last
    column, the last of them in its last row (XFD1048576); the dimension claims it all."""
    header = "".join(_cell(f"{chr(65 + i)}1", name) for i, name in enumerate(HEADERS))
    body = [f'<row r="1">{header}</row>']
    numbers = [*range(2, far_rows + 1), 1048576] if far_rows > 1 else [1048576]
    body += [f'<row r="{n}">{_cell(f"XFD{n}", "x")}</row>' for n in numbers]
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>'
        + "".join(body)
        + "</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in {**_PARTS, "xl/worksheets/sheet1.xml": sheet}.items():
            book.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("far_rows", [1, 3000], ids=["one-cell-at-XFD1048576", "3000-far-rows"])
def test_hostile_workbook_fails_its_source_and_the_next_runs(
    tmp_path: Path, http_server: ScriptedServer, far_rows: int
) -> None:
    book = hostile_workbook(far_rows=far_rows)
    assert len(book) < 200_000
    ice_url = http_server.route("/bomb/p.xlsx", Answer(body=book))
    doc_url = http_server.route("/bomb/budget.xlsx", Answer(body=book))
    good = ice_site(http_server, rows(3), prefix="/good")
    where = "jurisdiction: {state: TX, county: Hays}"
    write_config(tmp_path, [
        f"{{name: ice-bomb, kind: ice_287g, url: '{ice_url}'}}",
        f"{{name: doc-bomb, kind: document, url: '{doc_url}', {where}}}",
        f"{{name: good, kind: ice_287g, url: '{good}'}}",
    ])  # fmt: skip
    done = watcher(tmp_path, "run", timeout=180)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "ice-bomb: FAILED" in done.stdout and "doc-bomb: FAILED" in done.stdout
    assert "good: ok" in done.stdout
    for name in ("ice-bomb", "doc-bomb"):
        failures, error, _ = source_health(tmp_path / "w.db", name)
        assert failures == 1 and error
    assert source_health(tmp_path / "w.db", "good")[0] == 0
