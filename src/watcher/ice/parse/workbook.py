"""Parsers for ICE's 287(g) lists: the workbooks (Feb 2025 on) and the HTML tables before.

Columns are found by header name, never by position; participating vs pending is decided by
the headers (a SIGNED column means participating), never by the file name. Layout names:
``xlsx-participating-6col``/``-7col``/``-8col``, ``xlsx-pending-4col``/``-5col``/``-6col``,
``xlsx-derived-5col`` (archivers' tables derived from the HTML era: no TYPE column),
``html-table``. The count is the number of recognised columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from watcher.errors import ParseError
from watcher.formats.xlsx import read_first_sheet
from watcher.formats.xlsx_extent import SheetCaps
from watcher.ice.models import ListKind, ParsedList
from watcher.ice.parse import normalize as nz
from watcher.ice.parse.headers import ICE_BASE, Links, header_fields
from watcher.ice.parse.page import page_tables
from watcher.ice.parse.rows import ABSENT, FIELDS, Builder, add_sheet_rows, is_blank

HEADER_SCAN_ROWS = 10
# ICE's lists: 1,285 rows and columns A..M at most in 2025; a list 40 times the biggest is
# not a list. Checked before any cell is read (a huge range would abort the reader).
ICE_CAPS = SheetCaps(rows=50_000, cols=26, cells=500_000, area=50_000 * 26, what="an ICE list")
NO_HEADER = "no recognisable header: expected STATE and LAW ENFORCEMENT AGENCY in the first rows"


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = header_fields(row)
        if fields is not None:
            return i, fields
    raise ParseError(NO_HEADER)


def _max_year(as_of: dt.date | None) -> int:
    return (as_of or dt.date.today()).year + 1


def _kind(fields: dict[str, int]) -> ListKind:
    return "participating" if "signed" in fields else "pending"


def parse_ice_workbook(data: bytes, *, as_of: dt.date | None = None) -> ParsedList:
    """Parse an ICE participating or pending workbook (any era's layout)."""
    sheet = read_first_sheet(data, ICE_CAPS)
    header_at, fields = _find_header(sheet.rows)
    kind = _kind(fields)
    derived = kind == "participating" and "type" not in fields
    layout = f"xlsx-{'derived' if derived else kind}-{len(fields)}col"
    builder = Builder(max_year=_max_year(as_of), date1904=sheet.date1904)
    add_sheet_rows(builder, sheet.rows, header_at, fields, sheet.hyperlinks)
    return _result(kind, layout, builder)


def _result(kind: ListKind, layout: str, builder: Builder) -> ParsedList:
    # An empty pending list is real (nothing pending: seven such lists in Nov 2025); an empty
    # participating list never has been, so it is a broken publication.
    if not builder.rows and kind == "participating":
        raise ParseError(f"no data rows: the {layout} table has a header but no agreements")
    return ParsedList(
        kind=kind,
        layout=layout,
        rows=builder.rows,
        warnings=builder.warnings(),
        row_numbers=builder.seen,
    )


def parse_ice_html(
    html: str | bytes, *, base_url: str = ICE_BASE, as_of: dt.date | None = None
) -> ParsedList:
    """Parse the pre-2025 page (or fact sheet): every agreement table on it, concatenated."""

    builder = Builder(max_year=_max_year(as_of))
    kinds: set[ListKind] = set()
    fields: dict[str, int] | None = None
    number = 0
    for grid in page_tables(html, base_url):
        start = 0
        texts = [[text for text, _ in row] for row in grid[:HEADER_SCAN_ROWS]]
        for i, row_texts in enumerate(texts):
            found = header_fields(row_texts)
            if found is not None:
                fields, start = found, i + 1
                break
        else:
            if fields is None or not grid or len(grid[0]) <= max(fields.values()):
                number += len(grid)
                continue  # a layout table, or a continuation we cannot map
        number += start
        kinds.add(_kind(fields))
        number = _html_rows(grid[start:], fields, builder, number)
    if fields is None:
        raise ParseError(NO_HEADER)
    kind: ListKind = "participating" if "participating" in kinds else "pending"
    return _result(kind, "html-table", builder)


def _html_rows(
    grid: list[list[tuple[str, Links]]], fields: dict[str, int], builder: Builder, number: int
) -> int:
    last_state = ""
    for row in grid:
        number += 1
        texts = [text for text, _ in row]
        if is_blank(texts):
            continue
        values = [
            ABSENT if f not in fields else texts[fields[f]] if fields[f] < len(row) else None
            for f in FIELDS
        ]
        # Tables group rows under a state written once; carry it down.
        if not nz.clean_text(values[0] or "") and values[1]:
            values[0] = last_state
        last_state = values[0] or ""
        links = tuple(
            row[fields[f]][1] if f in fields and fields[f] < len(row) else ()
            for f in ("moa", "addendum", "agency")
        )
        builder.add(number, tuple(values), links)  # type: ignore[arg-type]
    return number


def parse_ice_document(
    data: bytes, content_type: str | None = None, *, as_of: dt.date | None = None
) -> ParsedList:
    """Sniff the body: a zip is a workbook, markup is the HTML table page."""
    if not data:
        raise ParseError("empty body: expected an xlsx workbook or an HTML page")
    if data.startswith(b"PK"):
        return parse_ice_workbook(data, as_of=as_of)
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return parse_ice_html(data, as_of=as_of)
    ctype = f" (content type {content_type})" if content_type else ""
    raise ParseError(
        f"not an ICE list{ctype}: body starts with {data[:15].decode('utf-8', 'replace')!r}"
    )
