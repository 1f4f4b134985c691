"""Text extraction from PDF, HTML, text, CSV and XLSX, including broken and hostile input."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import time
import zipfile

import pytest

from conftest import shared_path
from pdf_factory import filler_lines, make_pdf
from watcher.errors import ParseError
from watcher.formats.text import extract_text, sniff_format

CROW_WING = "crow_wing_mn_287g_TFM_MOA_2025-03-19_CONTROL_no_amount.pdf"


def test_pdf_pages_are_one_item_per_page_in_order() -> None:
    data = make_pdf([["first page"], ["287(g) Task Force revenue $302,500"], ["third page"]])
    text = extract_text(data, content_type="application/pdf", url="https://x.gov/a.pdf")
    assert text.format == "pdf"
    assert len(text.pages) == 3
    assert "$302,500" in text.pages[1]
    assert "third page" in text.pages[2]
    assert text.notes == []
    assert text.scanned is False


def test_pdf_title_and_date_come_from_metadata_when_the_text_has_none() -> None:
    data = make_pdf([["no dates here"]], title="Agenda packet", creation_date="D:20260216090000")
    text = extract_text(data, content_type=None, url="u")
    assert text.title == "Agenda packet"
    assert text.date == dt.date(2026, 2, 16)


def test_a_labelled_date_in_the_text_beats_the_pdf_metadata() -> None:
    data = make_pdf([["Meeting Date: March 2, 2026", "Item 7"]], creation_date="D:20260101000000")
    assert extract_text(data, content_type=None, url="u").date == dt.date(2026, 3, 2)


def test_scanned_pdf_is_recorded_as_scanned_not_as_empty() -> None:
    text = extract_text(make_pdf([[], [], []]), content_type=None, url="u.pdf")
    assert text.scanned is True
    assert text.pages_without_text == [1, 2, 3]
    assert text.notes[0].startswith("scanned PDF: no text layer on 3 of 3 pages")


def test_partly_scanned_pdf_names_the_pages_without_text() -> None:
    text = extract_text(make_pdf([["typed cover"], [], ["typed"], []]), content_type=None, url="u")
    assert text.scanned is False
    assert text.pages_without_text == [2, 4]
    assert "partly scanned PDF: no text layer on 2 of 4 pages (2, 4)" in text.notes[0]


def test_encrypted_pdf_raises_a_clear_parse_error() -> None:
    with pytest.raises(ParseError, match="encrypted PDF"):
        extract_text(make_pdf([["secret"]], encrypted=True), content_type=None, url="u")


def test_truncated_pdf_raises_a_clear_parse_error() -> None:
    data = make_pdf([filler_lines(i) for i in range(5)])
    with pytest.raises(ParseError, match="truncated PDF"):
        extract_text(data[: len(data) // 2], content_type="application/pdf", url="u")


def test_corrupt_pdf_raises_a_clear_parse_error() -> None:
    with pytest.raises(ParseError, match="corrupt PDF"):
        extract_text(b"%PDF-1.7\nnot really a pdf\n%%EOF\n", content_type=None, url="u")


def test_an_html_error_page_where_a_pdf_was_expected_is_a_failure() -> None:
    # Read as HTML it was "no 287(g) mention": the document itself was never seen (issue 15).
    body = b"<html><body><p>Service unavailable</p></body></html>"
    for ctype, url in (("application/pdf", "https://x.gov/budget"), (None, "https://x.gov/b.pdf")):
        with pytest.raises(ParseError, match=r"expected a PDF .* got an HTML page"):
            extract_text(body, content_type=ctype, url=url)
    text = extract_text(body, content_type="text/html", url="https://x.gov/budget.html")
    assert text.pages == ["Service unavailable"]


def test_control_characters_are_stripped_from_document_text() -> None:
    body = "Sheriff\x1b[31m 287(g)\u202e costs\x9b $5\r\nnext\tline".encode()
    text = extract_text(body, content_type="text/plain", url="https://x.gov/a.txt")
    assert text.pages == ["Sheriff[31m 287(g) costs $5\nnext\tline"]


def test_pdf_label_on_non_pdf_bytes_raises() -> None:
    with pytest.raises(ParseError, match="no %PDF header"):
        extract_text(b"Error 404", content_type="application/pdf", url="u.pdf")


def test_too_many_pages_are_cut_with_a_note() -> None:
    data = make_pdf([[f"page {i}"] for i in range(60)])
    text = extract_text(data, content_type=None, url="u", max_pages=50)
    assert len(text.pages) == 50
    assert "truncated to the first 50 of 60 pages" in text.notes


def test_the_time_budget_stops_reading_between_pages() -> None:
    data = make_pdf([[f"page {i}"] for i in range(5)])
    text = extract_text(data, content_type=None, url="u", time_budget=0.0)
    assert text.pages == []
    assert text.notes == ["stopped after 0 of 5 pages: 0s budget"]


def test_a_page_holding_megabytes_of_text_is_cut_at_max_chars(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pdfium reads every character on the page, even those drawn outside its box; pdftotext
    # (the fast path when installed) keeps only what shows. Pin pdfium: it is the worst case.
    monkeypatch.setattr("watcher.formats.text.shutil.which", lambda _name: None)
    huge_page = ["287(g) overtime line for the sheriff's office"] * 40_000
    data = make_pdf([huge_page, ["never read"]], compress=True)
    started = time.monotonic()
    text = extract_text(data, content_type=None, url="u", max_chars=100_000)
    assert time.monotonic() - started < 30
    assert len(text.pages) == 1
    assert len(text.pages[0]) <= 100_000
    assert "stopped at page 1 of 2: 100,000 chars" in text.notes


def test_one_character_per_line_text_is_rejoined() -> None:
    # Laserfiche WebLink pages: one character per line, an empty line between words.
    phrase = "287(g) Task Force revenue of $302,500 was certified"
    body = "\n".join(ch if ch != " " else "" for ch in phrase).encode()
    text = extract_text(body, content_type="text/plain", url="u")
    assert text.pages == [phrase]


def test_real_crow_wing_moa_reads_fourteen_pages_of_text() -> None:
    data = shared_path("budget_docs", CROW_WING).read_bytes()
    text = extract_text(data, content_type="application/pdf", url="https://ice.gov/moa.pdf")
    assert len(text.pages) == 14
    assert text.title == "287(g) MOA TF - Crow Wing County"
    assert "COSTS AND EXPENDITURES" in "".join(text.pages)
    assert text.notes == []
    assert text.pages_without_text == []


def test_html_drops_scripts_and_styles_and_keeps_blocks_apart() -> None:
    body = (
        b"<html><head><title>Agenda</title><meta name='date' content='2026-02-16'>"
        b"<style>p{color:red}</style></head><body><script>var x = '$9,999';</script>"
        b"<h1>Commissioners Court</h1><p>Item 1: 287(g) revenue $302,500</p>"
        b"<table><tr><td>Fund</td><td>$1,000</td></tr></table></body></html>"
    )
    text = extract_text(body, content_type="text/html", url="https://x.gov/agenda")
    assert text.format == "html"
    assert text.title == "Agenda"
    assert text.date == dt.date(2026, 2, 16)
    assert "$9,999" not in text.pages[0]
    assert "color" not in text.pages[0]
    assert text.pages[0].splitlines() == [
        "Commissioners Court",
        "Item 1: 287(g) revenue $302,500",
        "Fund | $1,000",
    ]


def test_fifty_megabyte_html_is_capped_before_parsing() -> None:
    chunk = b"<p>Routine item about road maintenance and park benches.</p>\n"
    body = b"<html><body>" + chunk * (50_000_000 // len(chunk)) + b"</body></html>"
    started = time.monotonic()
    text = extract_text(body, content_type="text/html", url="u", max_markup_bytes=2_000_000)
    assert time.monotonic() - started < 30
    assert text.notes[0].startswith("truncated to the first 2,000,000 of ")
    assert len(text.pages[0]) < 2_000_000


def test_windows_1252_text_is_decoded() -> None:
    body = "Sheriff’s 287(g) budget – $5,000".encode("cp1252")
    text = extract_text(body, content_type="text/plain", url="u.txt")
    assert text.pages == ["Sheriff’s 287(g) budget – $5,000"]


def test_csv_rows_carry_their_column_headers() -> None:
    body = b"Program,FY 2025-26 Adopted,FY 2026-27 Proposed\n287(g) Task Force,302500,310000\n"
    text = extract_text(body, content_type="text/csv", url="u")
    assert text.format == "csv"
    assert text.pages[0].splitlines() == [
        "Program | FY 2025-26 Adopted | FY 2026-27 Proposed",
        "287(g) Task Force | FY 2025-26 Adopted: 302500 | FY 2026-27 Proposed: 310000",
    ]


def _xlsx(sheet_xml: str | list[str], strings: list[str], extra_sheets: int = 0) -> bytes:
    sheet_xmls = sheet_xml if isinstance(sheet_xml, list) else [sheet_xml] * (1 + extra_sheets)
    extra_sheets = len(sheet_xmls) - 1
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    pkg = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    sheets = "".join(
        f'<sheet name="S{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i in range(1 + extra_sheets)
    )
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{rel_type}worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>'
        for i in range(1 + extra_sheets)
    )
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        # The package relationships every real workbook carries (the reader needs them).
        zf.writestr(
            "_rels/.rels",
            f'<Relationships {pkg}><Relationship Id="rId1" Type="{rel_type}officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr("xl/workbook.xml", f"<workbook {ns} {rns}><sheets>{sheets}</sheets></workbook>")
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships {pkg}>{rels}<Relationship Id="rIdS" Type="{rel_type}sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        zf.writestr("xl/sharedStrings.xml", f"<sst {ns}>{sst}</sst>")
        for i, xml in enumerate(sheet_xmls):
            zf.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)
    return buf.getvalue()


XLSX_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><f>B3+B4</f><v>152500</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>100000</v></c></row>'
    '</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>'
)


def test_xlsx_uses_cached_formula_values_and_tolerates_merged_cells() -> None:
    strings = ["Line item", "FY2026 Budget", "287(g) Task Force total", "Vehicle"]
    data = _xlsx(XLSX_SHEET, strings, extra_sheets=1)
    text = extract_text(data, content_type=None, url="https://x.gov/budget.xlsx")
    assert text.format == "xlsx"
    assert text.pages[0].splitlines() == [
        "Line item | FY2026 Budget",
        "287(g) Task Force total | FY2026 Budget: 152500",
        "Vehicle | FY2026 Budget: 100000",
    ]
    assert text.pages[1] == text.pages[0]  # the second sheet is read too: page 2
    assert text.notes == [] and text.title == "S1"


def _sheet(*rows: tuple[int, int]) -> str:
    """A worksheet headed by shared strings 0 and 1, whose row r holds shared string s in A and
    100,500 times s in B."""
    head = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    cells = head + "".join(
        f'<row r="{r}"><c r="A{r}" t="s"><v>{s}</v></c><c r="B{r}"><v>{s * 100500}</v></c></row>'
        for r, s in rows
    )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return f'<worksheet xmlns="{ns}"><sheetData>{cells}</sheetData></worksheet>'


def test_every_sheet_of_a_budget_workbook_is_read_as_its_own_page() -> None:
    from watcher.costs import find_cost_figures

    strings = ["Line item", "FY2026 Budget", "Sheriff total", "Detention officers",
               "ICE 287(g) Task Force reimbursement", "SCAAP"]  # fmt: skip
    data = _xlsx([_sheet((2, 2)), _sheet((2, 3)), _sheet((2, 4), (3, 5))], strings)
    text = extract_text(data, content_type=None, url="https://x.gov/budget.xlsx")
    assert len(text.pages) == 3 and text.notes == []
    assert "ICE 287(g) Task Force reimbursement" in text.pages[2]
    figures = find_cost_figures(text, url="https://x.gov/budget.xlsx", doc_date=None)
    assert [(f.amount, f.page) for f in figures] == [(402000, 3)]


def test_a_workbook_of_many_sheets_is_read_within_bounds() -> None:
    from watcher.formats.xlsx_book import MAX_SHEETS

    data = _xlsx([_sheet((2, 0))] * (MAX_SHEETS + 8), ["Line", "Budget"])
    text = extract_text(data, content_type=None, url="u.xlsx")
    assert len(text.pages) == MAX_SHEETS
    assert text.notes == [f"only the first {MAX_SHEETS} of {MAX_SHEETS + 8} sheets read"]


def test_sheets_share_one_budget_of_cells_then_reading_stops_with_a_note() -> None:
    from watcher.formats.xlsx_book import read_sheets
    from watcher.formats.xlsx_extent import SheetCaps

    # Each sheet spans A1:B3000 (6,000 cells of range); together the first two fill the cap.
    tall = _sheet(*((r, 0) for r in range(2, 3001)))
    caps = SheetCaps(rows=10_000, cols=10, cells=1_000_000, area=12_000, what="a test")
    notes: list[str] = []
    names = [name for name, _ in read_sheets(_xlsx([tall] * 4, ["x", "y"]), caps, notes)]
    assert names == ["S1", "S2"]
    assert notes and notes[0].startswith("reading stopped at sheet 'S3': sheet too large")


def test_a_zip_that_is_not_a_workbook_raises() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ParseError, match="not an XLSX workbook"):
        extract_text(buf.getvalue(), content_type=None, url="u.docx")


def test_truncated_xlsx_raises() -> None:
    data = _xlsx(XLSX_SHEET, ["a", "b", "c", "d"])
    with pytest.raises(ParseError):
        extract_text(data[: len(data) - 30], content_type=None, url="u.xlsx")


def test_legacy_ole_documents_raise() -> None:
    with pytest.raises(ParseError, match="legacy OLE"):
        extract_text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, content_type=None, url="u")


@pytest.mark.parametrize(
    ("head", "ctype", "url", "expected"),
    [
        (b"%PDF-1.4", "text/html", "a.html", "pdf"),
        (b"\xef\xbb\xbf  <!DOCTYPE html>", None, "a.pdf?x=1", "html"),
        (b"a,b\n1,2", "text/csv; charset=utf-8", "a", "csv"),
        (b"a,b\n1,2", None, "https://x.gov/data.CSV", "csv"),
        (b"Agenda", "text/plain", "a.txt", "text"),
        (b"Agenda", None, "https://x.gov/item.aspx", "html"),
    ],
)
def test_sniff_order_is_bytes_then_content_type_then_url(
    head: bytes, ctype: str | None, url: str, expected: str
) -> None:
    assert sniff_format(head, content_type=ctype, url=url) == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils' pdftotext absent")
def test_pdftotext_and_pdfium_read_the_same_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_pdf([["Budget book"], ["287(g) Task Force overtime: $48,000 in FY2026"], []])
    fast = extract_text(data, content_type=None, url="u")
    monkeypatch.setattr("watcher.formats.text.shutil.which", lambda _name: None)
    slow = extract_text(data, content_type=None, url="u")
    assert [p.strip() for p in fast.pages] == [p.strip() for p in slow.pages]
    assert fast.pages_without_text == slow.pages_without_text == [3]
    assert "$48,000" in fast.pages[1]


def test_html_nested_beyond_the_parser_limit_is_an_error_not_silence() -> None:
    deep = "<html><body>" + "<div>" * 5000 + "287(g) $5" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(ParseError, match="Excessive depth"):
        extract_text(deep.encode(), content_type="text/html", url="https://x.gov/a.html")


def test_a_workbook_the_cell_reader_refuses_is_a_parse_error() -> None:
    good = _xlsx([_sheet((2, 0)), _sheet((2, 1))], ["Line", "Budget"])
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as out:
        for name in source.namelist():
            body = source.read(name)
            out.writestr(
                name, b"<sst><si><t>cut off" if name.endswith("sharedStrings.xml") else body
            )
    with pytest.raises(ParseError, match="malformed workbook: the cell reader refused"):
        extract_text(broken.getvalue(), content_type=None, url="u.xlsx")
