"""The one XLSX reader (calamine for values, a scan for hyperlinks): values as calamine gives
them, hyperlinks (ranges too), odd producers' markup, and refusal of junk, always as ParseError.

Hostile sizes and extents are in test_formats_xlsx_bounds.py.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from conftest import shared_path
from ice_workbooks import MOA_BASE, make_workbook, sample_rows
from watcher.errors import ParseError
from watcher.formats import xlsx
from watcher.formats.xlsx import read_first_sheet
from watcher.ice.parse.workbook import parse_ice_workbook
from xlsx_factory import book, link_rel, text_cell


def _rewrite(data: bytes, edits: dict[str, bytes | None]) -> bytes:
    """Copy a workbook, replacing (or dropping, with None) some members."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in edits:
                if edits[info.filename] is not None:
                    out.writestr(info.filename, edits[info.filename] or b"")
            else:
                out.writestr(info, src.read(info.filename))
        for name, body in edits.items():
            if body is not None and name not in src.namelist():
                out.writestr(name, body)
    return buf.getvalue()


def test_reads_values_dates_and_hyperlinks() -> None:
    sheet = read_first_sheet(make_workbook(sample_rows()))
    assert sheet.name == "Sheet1"
    assert sheet.rows[0][:3] == ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE"]
    assert sheet.rows[1][1] == "Etowah County Sheriff’s Office"
    assert sheet.rows[1][5] == dt.date(2020, 6, 9)  # a date-formatted cell comes back a date
    assert sheet.rows[2][5] == 45_922.0  # a bare serial stays a number for the caller
    assert sheet.rows[3][5] == "05/082025"
    assert sheet.rows[4][5] == dt.date(2025, 7, 7)
    assert sheet.hyperlinks[(1, 6)] == MOA_BASE + "287gJEM_EtowahCoAL.pdf"
    assert (3, 6) not in sheet.hyperlinks  # "link pending": no hyperlink
    assert sheet.date1904 is False
    assert len(sheet.rows) == 5  # the formatted blank rows below hold no value: not read


def test_hyperlink_range_covers_every_cell_and_location_links_are_ignored() -> None:
    data = make_workbook(sample_rows())
    src = zipfile.ZipFile(io.BytesIO(data))
    sheet_xml = src.read("xl/worksheets/sheet1.xml").decode()
    rels = src.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    block = (
        '<hyperlinks><hyperlink ref="G2:G3" r:id="rIdX"/>'
        '<hyperlink ref="B2" location="Sheet1!A1" display="top"/></hyperlinks>'
    )
    start, end = sheet_xml.index("<hyperlinks>"), sheet_xml.index("</hyperlinks>") + 13
    sheet_xml = sheet_xml[:start] + block + sheet_xml[end:]
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="https://example.org/a.pdf" TargetMode="External"/>'
        "</Relationships>",
    )
    edited = _rewrite(
        data,
        {"xl/worksheets/sheet1.xml": sheet_xml.encode(),
         "xl/worksheets/_rels/sheet1.xml.rels": rels.encode()},
    )  # fmt: skip
    links = read_first_sheet(edited).hyperlinks
    assert links == {(1, 6): "https://example.org/a.pdf", (2, 6): "https://example.org/a.pdf"}


def test_rich_text_inline_strings_booleans_and_date1904() -> None:
    data = make_workbook(sample_rows())
    src = zipfile.ZipFile(io.BytesIO(data))
    sheet_xml = src.read("xl/worksheets/sheet1.xml").decode()
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    strings = (
        f'<?xml version="1.0"?><sst {ns} count="2" uniqueCount="2">'
        '<si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>Text&amp;Co</t></r>'
        '<rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>plain_x000D_</t></si></sst>'
    )
    rows = (
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="b"><v>1</v></c>'
        '<c r="E1" t="e"><v>#N/A</v></c><c r="F1"><v>1.5</v></c></row>'
        '<row r="3"><c s="2" t="str" r="B3"><f>A1</f><v>formula</v></c></row></sheetData>'
    )
    start, end = sheet_xml.index("<sheetData>"), sheet_xml.index("</sheetData>") + 12
    wb_xml = (
        src.read("xl/workbook.xml").decode().replace("<workbookPr/>", '<workbookPr date1904="1"/>')
    )
    edited = _rewrite(
        data,
        {"xl/worksheets/sheet1.xml": (sheet_xml[:start] + rows + sheet_xml[end:]).encode(),
         "xl/sharedStrings.xml": strings.encode(), "xl/workbook.xml": wb_xml.encode()},
    )  # fmt: skip
    sheet = read_first_sheet(edited)
    # Error cells (#N/A) read as empty; _x000D_ escapes are decoded; phonetic runs dropped.
    assert sheet.rows[0] == ["Rich Text&Co", "plain\r", "inline", True, "", 1.5]
    assert sheet.rows[1] == [""] * 6  # rows are as wide as the used range; empty cells ''
    assert sheet.rows[2] == ["", "formula", "", "", "", ""]
    assert sheet.date1904 is True


def test_other_producers_attribute_order_prefixes_and_missing_refs() -> None:
    data = make_workbook(sample_rows())
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<x:worksheet xmlns:x="{ns}"><x:sheetData>'
        '<x:row r="1"><x:c t="inlineStr" r="B1"><x:is><x:t>b1</x:t></x:is></x:c>'
        '<x:c t="n" s="1" r="C1"><x:v>2</x:v></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>a2</x:t></x:is></x:c><x:c/>'
        "<x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>"
    )
    rows = read_first_sheet(_rewrite(data, {"xl/worksheets/sheet1.xml": sheet.encode()})).rows
    assert rows == [["", "b1", 2.0], ["a2", "", 3.0]]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"<!DOCTYPE html><html><body>Access Denied</body></html>", "'<!DOCTYPE html"),
        (bytes(range(256)) * 4, "not an xlsx workbook"),
        (b"PK\x03\x04" + b"\x00" * 100, "truncated workbook"),
    ],
)
def test_junk_is_a_parse_error_with_a_clear_message(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_first_sheet(body)


def test_truncated_workbook() -> None:
    data = make_workbook(sample_rows())
    for cut in (len(data) // 2, len(data) - 30, 200):
        with pytest.raises(ParseError, match="truncated workbook"):
            read_first_sheet(data[:cut])


def test_missing_sheet_and_non_workbook_zip() -> None:
    data = make_workbook(sample_rows())
    with pytest.raises(ParseError, match=r"worksheet xl/worksheets/sheet1.xml is missing"):
        read_first_sheet(_rewrite(data, {"xl/worksheets/sheet1.xml": None}))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with pytest.raises(ParseError, match=r"xl/workbook.xml is missing"):
        read_first_sheet(buf.getvalue())


def test_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_MEMBER_BYTES", 1_000_000)
    data = make_workbook(sample_rows())
    bomb = b"<worksheet>" + b" " * 5_000_000 + b"</worksheet>"
    with pytest.raises(ParseError, match=r"declares 5000023 bytes.*zip bomb"):
        read_first_sheet(_rewrite(data, {"xl/worksheets/sheet1.xml": bomb}))


def test_zip_bomb_with_a_lying_header_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_MEMBER_BYTES", 1_000_000)
    data = _rewrite(make_workbook(sample_rows()), {"xl/worksheets/sheet1.xml": b" " * 3_000_000})
    # Patch the declared size in both headers down to 10 bytes: zipfile stops at the declared
    # size and the CRC check fails, and the chunked read caps the rest; either way a ParseError.
    raw = bytearray(data)
    name = b"xl/worksheets/sheet1.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := raw.find(sig, pos)) >= 0:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(name)] == name:
                raw[pos + size_at : pos + size_at + 4] = (10).to_bytes(4, "little")
            pos += 4
    with pytest.raises(ParseError, match=r"zip bomb|Bad CRC"):
        read_first_sheet(bytes(raw))


def test_entities_are_not_expanded() -> None:
    data = make_workbook(sample_rows())
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData/></worksheet>"
    )
    with pytest.raises(ParseError, match="DTD"):
        read_first_sheet(_rewrite(data, {"xl/worksheets/sheet1.xml": evil}))


def test_real_biggest_workbook() -> None:
    path = shared_path("ice_data", "2025-12-31am_participatingAgencies12312025am.xlsx")
    sheet = read_first_sheet(path.read_bytes())
    assert sheet.rows[0][:8] == [
        "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA",
        "ADDENDUM",
    ]  # fmt: skip
    assert sheet.rows[1][:2] == ["ALABAMA", "Autauga County Sheriff's Office "]
    assert sheet.rows[1][5] == dt.date(2025, 9, 22)
    assert len(sheet.hyperlinks) == 1313


def test_merged_cells_keep_their_value_in_the_first_cell_only() -> None:
    data = book(
        '<row r="1">' + text_cell("A1", "287(g) Task Force") + '<c r="C1"><v>302500</v></c></row>',
        after_data='<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
    )
    assert read_first_sheet(data).rows == [["287(g) Task Force", "", 302_500.0]]


def test_shared_strings_and_hyperlinks_of_a_minimal_workbook() -> None:
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>'
    )
    data = book(
        rows,
        strings=["STATE", "MOA", "TEXAS", "link"],
        after_data='<hyperlinks><hyperlink ref="B2" r:id="rId7"/></hyperlinks>',
        sheet_rels=link_rel("rId7", "https://www.ice.gov/doclib/287gMOA/a.pdf?x=1&y=2"),
    )
    sheet = read_first_sheet(data)
    assert sheet.rows == [["STATE", "MOA"], ["TEXAS", "link"]]
    assert sheet.hyperlinks == {(1, 1): "https://www.ice.gov/doclib/287gMOA/a.pdf?x=1&y=2"}


def test_a_workbook_the_cell_reader_cannot_open_is_a_parse_error() -> None:
    data = book('<row r="1">' + text_cell("A1", "x") + "</row>")
    # Without the package relationships no reader can tell this zip is a workbook.
    with pytest.raises(ParseError, match="malformed workbook: the cell reader refused it"):
        read_first_sheet(_rewrite(data, {"_rels/.rels": None}))


def test_signed_dates_of_a_built_list_and_junk_through_the_ice_parser() -> None:
    parsed = parse_ice_workbook(make_workbook(sample_rows()), as_of=dt.date(2026, 11, 28))
    assert [r.signed for r in parsed.rows] == [
        dt.date(2020, 6, 9), dt.date(2025, 9, 22), dt.date(2025, 5, 8), dt.date(2025, 7, 7),
    ]  # fmt: skip
    good = make_workbook(sample_rows())
    for body, message in (
        (good[: len(good) // 2], "truncated workbook"),
        (b"PK\x03\x04" + b"\0" * 100, "truncated workbook"),
        (b"", "not an xlsx workbook: the body is empty"),
    ):
        with pytest.raises(ParseError, match=message):
            parse_ice_workbook(body)
