"""Parsers for ICE's 287(g) lists: the workbooks (Feb 2025 on) and the HTML tables before.

Columns are found by header name, never by position; participating vs pending is decided by
the headers (a SIGNED column means participating), never by the file name. Layout names:
``xlsx-participating-6col``/``-7col``/``-8col``, ``xlsx-pending-4col``/``-5col``/``-6col``,
``xlsx-derived-5col`` (archivers' tables derived from the HTML era: no TYPE column),
``html-table``. The count is the number of recognised columns.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from watcher.errors import ParseError
from watcher.formats.xlsx import read_first_sheet
from watcher.ice.models import AgreementRow, ListKind, ParsedList
from watcher.ice.parse import normalize as nz
from watcher.ice.parse.headers import ICE_BASE, Links, header_fields
from watcher.ice.parse.page import page_tables

HEADER_SCAN_ROWS = 10
NO_HEADER = "no recognisable header: expected STATE and LAW ENFORCEMENT AGENCY in the first rows"


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = header_fields(row)
        if fields is not None:
            return i, fields
    raise ParseError(NO_HEADER)


FIELDS = ("state", "agency", "type", "county", "support", "signed", "moa", "addendum")
Converted = tuple[str | None, tuple[AgreementRow, ...]]  # (skip reason, rows)


@functools.lru_cache(maxsize=16384)
def _convert(
    values: tuple[Any, ...], links: tuple[Links, Links, Links], max_year: int, date1904: bool
) -> Converted:
    """One raw row -> AgreementRows, one per model.

    Memoised on the raw cells: consecutive lists repeat nearly every row, and a replay of a
    year of lists then costs little more than reading the workbooks.
    """
    state_raw, agency_raw, type_raw, county_raw, support, signed_raw, moa_text, add_text = values
    state, state_flag = nz.state_code(_text_of(state_raw))
    agency = nz.clean_agency(_text_of(agency_raw))
    if state is None or not agency:
        return (state_flag or "state_unknown") if state is None else "no agency name", ()
    base = (state_flag,) if state_flag else ()
    signed = nz.Signed(None, None, ())
    if signed_raw is not _ABSENT:
        signed = nz.parse_signed(signed_raw, max_year=max_year, date1904=date1904)
    moa, addendum = _links(moa_text, add_text, links)
    agency_type = None if type_raw is None else nz.agency_type(_text_of(type_raw))
    county = None if county_raw is None else nz.clean_county(_text_of(county_raw))
    key = nz.agency_key(agency)
    out: list[AgreementRow] = []
    for raw_model in nz.split_models(_text_of(support)):
        model, model_flag = nz.support_model(raw_model)
        flags = base + signed.flags + ((model_flag,) if model_flag else ())
        out.append(
            AgreementRow(state, agency, key, model, agency_type, county, signed.date, signed.raw,
                         moa, addendum, flags)
        )  # fmt: skip
    return None, tuple(out)


_ABSENT: Any = object()  # the list has no such column (SIGNED in a pending list ...)
_NO_LINKS: tuple[Links, Links, Links] = ((), (), ())


def _links(
    moa_text: object, add_text: object, links: tuple[Links, Links, Links]
) -> tuple[str | None, str | None]:
    moa_links, add_links, agency_links = links
    if moa_text is _ABSENT and not moa_links:
        moa_links = agency_links  # MOA NAME era: the agency name is the link
    main = [href for text, href in moa_links if "addendum" not in text.lower()]
    extra = [href for text, href in moa_links if "addendum" in text.lower()]
    moa = nz.clean_url(main[0] if main else None, _str(moa_text))
    add_target = add_links[0][1] if add_links else (extra[0] if extra else None)
    return moa, nz.clean_url(add_target, _str(add_text))


def _text_of(value: object) -> str:
    if value is None or value is _ABSENT:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class _Builder:
    """Turns raw rows into AgreementRows: skips, de-duplicates and tallies warnings."""

    max_year: int
    date1904: bool = False
    rows: list[AgreementRow] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    notes: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))

    def note(self, kind: str, row: int, detail: str) -> None:
        self.notes[kind].append((row, detail))

    def add(
        self, row_number: int, values: tuple[Any, ...], links: tuple[Links, Links, Links]
    ) -> None:
        """``values`` in FIELDS order; a column the list lacks is _ABSENT, an empty cell None."""
        skip, converted = _convert(values, links, self.max_year, self.date1904)
        if skip is not None:
            self.note("row_skipped", row_number, skip)
        seen = self.seen
        # Runs for every row of every list: no further calls for the common clean row.
        for row in converted:
            for flag in row.flags:
                kind, _, detail = flag.partition(":")
                self.note(kind, row_number, detail)
            key = row.key
            first = seen.get(key)
            if first is not None:
                self.note("duplicate_dropped", row_number, f"repeats row {first}")
                continue
            seen[key] = row_number
            self.rows.append(row)

    def warnings(self) -> list[str]:
        out = []
        for kind, items in self.notes.items():
            shown = "; ".join(f"row {r}: {d}" if d else f"row {r}" for r, d in items[:3])
            more = f"; +{len(items) - 3} more" if len(items) > 3 else ""
            out.append(f"{kind}: {len(items)} row(s) ({shown}{more})")
        return out


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _is_blank(row: Iterable[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not nz.clean_text(v)) for v in row)


def _max_year(as_of: dt.date | None) -> int:
    return (as_of or dt.date.today()).year + 1


def _kind(fields: dict[str, int]) -> ListKind:
    return "participating" if "signed" in fields else "pending"


def parse_ice_workbook(data: bytes, *, as_of: dt.date | None = None) -> ParsedList:
    """Parse an ICE participating or pending workbook (any era's layout)."""
    sheet = read_first_sheet(data)
    rows = sheet.rows
    header_at, fields = _find_header(rows)
    kind = _kind(fields)
    derived = kind == "participating" and "type" not in fields
    layout = f"xlsx-{'derived' if derived else kind}-{len(fields)}col"
    builder = _Builder(max_year=_max_year(as_of), date1904=sheet.date1904)
    state_col = fields["state"]
    width = max(fields.values()) + 1
    # Absent columns read the _ABSENT sentinel appended after the padding.
    pick = operator.itemgetter(*(fields.get(f, width) for f in FIELDS))
    link_cols = (fields.get("moa", -1), fields.get("addendum", -1), fields["agency"])
    links_of = sheet.hyperlinks
    linked_rows = {r for r, _ in links_of}
    for i in range(header_at + 1, len(rows)):
        cells = rows[i]
        n = len(cells)
        state = cells[state_col] if state_col < n else None
        if state is None or (state.__class__ is str and not nz.clean_text(state)):
            if _is_blank(cells):
                continue  # ICE leaves blank formatted rows, even mid-list
            rest = sum(1 for r in rows[i + 1 :] if not _is_blank(r))
            builder.note("table_ended", i + 1, f"empty STATE; {rest} non-blank row(s) ignored")
            break
        values = pick(cells[:width] + [None] * (width - n) + [_ABSENT])
        links = _NO_LINKS
        if i in linked_rows:
            moa_c, add_c, agency_c = link_cols
            links = (
                _cell_links(cells, moa_c, links_of.get((i, moa_c))),
                _cell_links(cells, add_c, links_of.get((i, add_c))),
                _cell_links(cells, agency_c, links_of.get((i, agency_c))),
            )
        builder.add(i + 1, values, links)
    return _result(kind, layout, builder)


def _cell_links(cells: list[Any], col: int, target: str | None) -> Links:
    if not target:
        return ()
    text = cells[col] if col < len(cells) else None
    return ((text if isinstance(text, str) else "", target),)


def _result(kind: ListKind, layout: str, builder: _Builder) -> ParsedList:
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

    builder = _Builder(max_year=_max_year(as_of))
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
    grid: list[list[tuple[str, Links]]], fields: dict[str, int], builder: _Builder, number: int
) -> int:
    last_state = ""
    for row in grid:
        number += 1
        texts = [text for text, _ in row]
        if _is_blank(texts):
            continue
        values = [
            _ABSENT if f not in fields else texts[fields[f]] if fields[f] < len(row) else None
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
