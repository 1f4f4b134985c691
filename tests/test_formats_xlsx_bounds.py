"""Hostile sheets: the extent is checked before any cell is read, and nothing aborts the process.

The dangerous cases run in a child process with its address space capped at 1 GB: before the
caps, calamine's allocation failure aborted Python (exit 134), which would kill pytest itself
instead of failing one test.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page
from watcher.errors import ParseError
from watcher.formats.text import extract_text
from watcher.formats.xlsx import read_first_sheet
from watcher.formats.xlsx_extent import DOCUMENT_CAPS, SheetCaps
from watcher.ice.parse.workbook import ICE_CAPS, parse_ice_workbook
from watcher.store.archive import open_archive
from xlsx_factory import book, text_cell

HEADER = (
    '<row r="1">' + text_cell("A1", "STATE") + text_cell("B1", "LAW ENFORCEMENT AGENCY")
    + text_cell("C1", "SUPPORT TYPE") + "</row>"
    '<row r="2">' + text_cell("A2", "TEXAS") + text_cell("B2", "Harris County Sheriff")
    + text_cell("C2", "Task Force Model") + "</row>"
)  # fmt: skip

CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from watcher.errors import ParseError
from watcher.formats.text import extract_text
from watcher.ice.parse.workbook import parse_ice_workbook
data = open(sys.argv[1], "rb").read()
out = {}
for name, read in (("ice", parse_ice_workbook),
                   ("document", lambda d: extract_text(d, content_type=None, url="b.xlsx"))):
    try:
        read(data)
        out[name] = "read"
    except ParseError as exc:
        out[name] = str(exc)
# VmHWM, not ru_maxrss: Linux carries the forking parent's (pytest's) peak into ru_maxrss.
status = open("/proc/self/status").read()
out["peak_mb"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps(out))
"""


def in_child(data: bytes, tmp_path: Path) -> dict[str, object]:
    """Both readers (an ICE list, a county document) on ``data`` in a capped child process."""
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"the reader died (exit {done.returncode}): {done.stderr[-800:]}"
    return dict(json.loads(done.stdout))


def test_one_cell_at_the_last_address_is_refused_not_an_abort(tmp_path: Path) -> None:
    data = book(HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert len(data) < 5_000
    out = in_child(data, tmp_path)
    assert str(out["ice"]).startswith("sheet too large: it has cells spanning A1:XFD1048576")
    assert "(1,048,576 rows x 16,384 columns)" in str(out["ice"])
    assert "for an ICE list; refused before reading any cell" in str(out["ice"])
    assert "for a document's spreadsheet" in str(out["document"])
    assert float(out["peak_mb"]) < 200  # type: ignore[arg-type]


def test_thousands_of_rows_with_one_cell_in_the_last_column_stay_small(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>{r}</v></c></row>' for r in range(3, 3003))
    out = in_child(book(HEADER + rows), tmp_path)
    assert "has cells spanning A1:XFD3002 (3,002 rows x 16,384 columns)" in str(out["ice"])
    assert "has cells spanning A1:XFD3002" in str(out["document"])
    assert float(out["peak_mb"]) < 200  # type: ignore[arg-type]


def test_a_declared_range_past_the_caps_is_refused(tmp_path: Path) -> None:
    out = in_child(book(HEADER, dimension="A1:XFD1048576"), tmp_path)
    assert str(out["ice"]).startswith(
        "sheet too large: it declares the range A1:XFD1048576 (1,048,576 rows x 16,384 columns)"
    )
    assert "declares the range A1:XFD1048576" in str(out["document"])


def test_cells_without_references_are_placed_and_measured(tmp_path: Path) -> None:
    # No r= attributes: the reader places cells by position, so 800 of them reach column ADT.
    row = "<row>" + "<c><v>1</v></c>" * 800 + "</row>"
    out = in_child(book(HEADER + row), tmp_path)
    assert "has cells spanning A1:ADT3 (3 rows x 800 columns)" in str(out["ice"])
    assert "over the cap of 200,000 rows, 702 columns" in str(out["document"])


@pytest.mark.parametrize(
    ("cells", "extent"),
    [
        ('<c r="aa2"><v>1</v></c>', "AA2"),  # lower case: not Excel's form, walked
        ('<c r="$AA$2"><v>1</v></c>', "AA2"),
        ('<c s="1" r="AA2"><v>1</v></c>', "AA2"),  # other attribute order
        ('<c r="A10000"><v>1</v></c><c r="B50001"><v>1</v></c>', "C50001"),
    ],
)
def test_unusual_references_are_walked_exactly(cells: str, extent: str) -> None:
    data = book(HEADER + f'<row r="3">{cells}</row>')
    with pytest.raises(ParseError, match=f"has cells spanning A1:{extent} "):
        read_first_sheet(data, ICE_CAPS)


def test_the_biggest_sheet_within_the_ice_caps_is_read() -> None:
    # Column Z, row 50,000: the far corner of what an ICE list may be, read and not refused.
    corner = '<row r="50000">' + text_cell("Z50000", "corner") + "</row>"
    sheet = read_first_sheet(book(HEADER + corner), ICE_CAPS)
    assert len(sheet.rows) == 50_000
    assert sheet.rows[49_999][25] == "corner"
    assert sheet.rows[1][:3] == ["TEXAS", "Harris County Sheriff", "Task Force Model"]


def test_cell_count_and_area_caps() -> None:
    caps = SheetCaps(rows=100, cols=10, cells=20, area=50, what="a test sheet")
    many = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 22))
    with pytest.raises(ParseError, match="has 21 cell elements, over the cap of 20 for a test"):
        read_first_sheet(book(many), caps)
    corner = '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="J9"><v>1</v></c></row>'
    with pytest.raises(
        ParseError, match=r"spanning A1:J9 \(9 rows x 10 columns\).*50 cells of range"
    ):
        read_first_sheet(book(corner), caps)
    sheet = read_first_sheet(book(corner.replace("J9", "E9")), caps)
    assert sheet.rows[8] == ["", "", "", "", 1.0]


def test_the_prefetched_read_is_checked_too() -> None:
    from watcher.formats.xlsx import prefetch

    data = book(HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    prefetch(data, ICE_CAPS)
    with pytest.raises(ParseError, match="sheet too large"):
        parse_ice_workbook(data)


def test_a_member_that_inflates_too_far_is_refused_before_reading() -> None:
    zeros = b"<x>" + b"0" * 4_000_000 + b"</x>"
    data = book(HEADER, extra={"xl/styles.xml": zeros})
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/styles.xml")
    assert info.file_size > 400 * info.compress_size
    with pytest.raises(ParseError, match=r"xl/styles.xml inflates 4000007 bytes .* 400:1 cap"):
        read_first_sheet(data)
    with pytest.raises(ParseError, match="400:1 cap"):
        extract_text(data, content_type=None, url="b.xlsx")


def test_document_caps_are_wider_than_ice_caps() -> None:
    row = '<row r="3">' + text_cell("AB3", "FY2026") + "</row>"
    data = book(HEADER + row)
    with pytest.raises(ParseError, match="for an ICE list"):
        parse_ice_workbook(data)
    assert read_first_sheet(data, DOCUMENT_CAPS).rows[2][27] == "FY2026"


RUN_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from watcher.cli import cli
cli(sys.argv[1:])
"""


def test_watcher_run_records_the_failures_and_goes_on(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    """The 5 KB workbook served to an ICE source and to a document source, then a good
    document: exit 1, both failures recorded with the reason, the good one processed."""
    hostile = book(HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    http_server.route("/p.xlsx", Answer(body=hostile))
    page = http_server.route(
        "/287g", Answer(body=make_ice_page({"Participating Agencies": "/p.xlsx"}).encode())
    )
    budget = http_server.route("/budget.xlsx", Answer(body=hostile))
    good = http_server.route(
        "/minutes.txt",
        Answer(
            body=b"The 287(g) Task Force agreement brings revenue of $302,500 in FY2026.\n",
            headers={"Content-Type": "text/plain"},
        ),
    )
    (tmp_path / "sources.yaml").write_text(
        "contact: tests@example.org\nfetch: {retries: 0, backoff: 0, timeout: 5}\nsources:\n"
        f"  - {{name: ice, kind: ice_287g, url: '{page}'}}\n"
        f"  - {{name: budget, kind: document, url: '{budget}', jurisdiction: {{state: TX}}}}\n"
        f"  - {{name: minutes, kind: document, url: '{good}', jurisdiction: {{state: TX}}}}\n"
    )
    args = ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), "run"]
    done = subprocess.run(
        [sys.executable, "-c", RUN_CHILD, *args], capture_output=True, text=True, timeout=300
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # not 134: nothing aborted
    assert "ice: FAILED" in output and "budget: FAILED" in output
    db = open_archive(tmp_path / "w.db")
    reasons = dict(db.execute("SELECT name, last_error FROM sources").fetchall())
    assert "sheet too large" in reasons["ice"] and "for an ICE list" in reasons["ice"]
    assert "sheet too large" in reasons["budget"] and "document's spreadsheet" in reasons["budget"]
    rejected = db.execute("SELECT status, reason FROM publications").fetchall()
    assert [status for status, _ in rejected] == ["rejected"]
    assert "XFD1048576" in rejected[0][1]
    assert db.execute("SELECT COUNT(*) FROM agreements").fetchone() == (0,)
    assert reasons["minutes"] is None
    figures = db.execute(
        "SELECT d.source, f.amount FROM cost_figures f JOIN documents d ON d.id = f.document_id"
    ).fetchall()
    assert figures == [("minutes", 302_500.0)]
