"""One raw row of an ICE list -> AgreementRows, and the builder that skips, de-duplicates and
tallies warnings; with the workbook fast path, which converts each distinct raw row once.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from watcher.ice.models import AgreementRow
from watcher.ice.parse import normalize as nz
from watcher.ice.parse.headers import Links

FIELDS = ("state", "agency", "type", "county", "support", "signed", "moa", "addendum")
Converted = tuple[str | None, tuple[AgreementRow, ...]]  # (skip reason, rows)


@functools.lru_cache(maxsize=16384)
def convert(
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
    if signed_raw is not ABSENT:
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


ABSENT: Any = object()  # the list has no such column (SIGNED in a pending list ...)
_NO_LINKS: tuple[Links, Links, Links] = ((), (), ())


def _links(
    moa_text: object, add_text: object, links: tuple[Links, Links, Links]
) -> tuple[str | None, str | None]:
    moa_links, add_links, agency_links = links
    if moa_text is ABSENT and not moa_links:
        moa_links = agency_links  # MOA NAME era: the agency name is the link
    main = [href for text, href in moa_links if "addendum" not in text.lower()]
    extra = [href for text, href in moa_links if "addendum" in text.lower()]
    moa = nz.clean_url(main[0] if main else None, _str(moa_text))
    add_target = add_links[0][1] if add_links else (extra[0] if extra else None)
    return moa, nz.clean_url(add_target, _str(add_text))


def _text_of(value: object) -> str:
    if value is None or value is ABSENT:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class Builder:
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
        """``values`` in FIELDS order; a column the list lacks is ABSENT, an empty cell None."""
        skip, converted = convert(values, links, self.max_year, self.date1904)
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


def is_blank(row: Iterable[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not nz.clean_text(v)) for v in row)


def add_sheet_rows(
    builder: Builder,
    rows: list[list[Any]],
    header_at: int,
    fields: dict[str, int],
    hyperlinks: dict[tuple[int, int], str],
) -> None:
    """The data rows under the header, each converted once per distinct raw row.

    The hot loop of a replay (every row of every list), so the per-row steps run as ``map``
    over the whole list: a row equal to one seen before (same cells, same link targets) costs
    one memo lookup and hands back the very same AgreementRow objects, whose key and content
    hash are then already computed.
    """
    present = tuple(f for f in FIELDS if f in fields)
    width = max(fields.values()) + 1
    body = rows[header_at + 1 :]
    if min(map(len, body), default=width) < width:
        body = [r + [""] * (width - len(r)) for r in body]
    numbers, body, ended = _table_rows(body, fields["state"], header_at + 2)
    targets_of = _row_targets(
        hyperlinks, (fields.get("moa", -1), fields.get("addendum", -1), fields["agency"])
    )
    results, noted = _converted(
        list(map(operator.itemgetter(*(fields[f] for f in present)), body)),
        list(map(targets_of.get, [n - 1 for n in numbers], itertools.repeat(_NO_TARGETS))),
        (present, builder.max_year, builder.date1904),
    )
    if not _take_all(builder, numbers, results, noted):
        _take_each(builder, numbers, results)
    if ended is not None:
        builder.note("table_ended", *ended)


def _take_all(
    builder: Builder, numbers: list[int], results: list[Converted], noted: set[int]
) -> bool:
    """Keep every converted row at once when no key repeats (the usual list); notes come from
    the few rows that carry one, in row order. False when a key repeats: each row, then."""
    per_row = list(map(operator.itemgetter(1), results))
    rows: list[AgreementRow] = list(itertools.chain.from_iterable(per_row))
    keys = list(map(operator.attrgetter("key"), rows))
    if len(set(keys)) != len(keys) or builder.seen:
        return False
    with_notes = map(noted.__contains__, map(id, results))
    for number, (skip, converted) in itertools.compress(
        zip(numbers, results, strict=True), with_notes
    ):
        if skip is not None:
            builder.note("row_skipped", number, skip)
        for row in converted:
            for flag in row.flags:
                kind, _, detail = flag.partition(":")
                builder.note(kind, number, detail)
    row_numbers = itertools.chain.from_iterable(map(itertools.repeat, numbers, map(len, per_row)))
    builder.seen.update(zip(keys, row_numbers, strict=True))
    builder.rows.extend(rows)
    return True


def _take_each(builder: Builder, numbers: list[int], results: list[Converted]) -> None:
    seen, kept, note = builder.seen, builder.rows, builder.note
    for number, (skip, converted) in zip(numbers, results, strict=True):
        if skip is not None:
            note("row_skipped", number, skip)
        for row in converted:  # as Builder.add, without a call per row
            for flag in row.flags:
                kind, _, detail = flag.partition(":")
                note(kind, number, detail)
            first = seen.get(row.key)
            if first is not None:
                note("duplicate_dropped", number, f"repeats row {first}")
                continue
            seen[row.key] = number
            kept.append(row)


def _table_rows(
    body: list[list[Any]], state_col: int, first_number: int
) -> tuple[list[int], list[list[Any]], tuple[int, str] | None]:
    """(sheet row numbers, rows) of the table, and the table_ended note if it ends early.

    A row with an empty STATE ends the table unless the whole row is blank (ICE leaves blank
    formatted rows, even mid-list). Only the distinct STATE values are looked at one by one.
    """
    states = list(map(operator.itemgetter(state_col), body))
    blank_states = {
        s for s in set(states) if s is None or (s.__class__ is str and not nz.clean_text(s))
    }
    numbers = list(range(first_number, first_number + len(body)))
    if not blank_states:
        return numbers, body, None
    keep = [True] * len(body)
    for k in itertools.compress(range(len(body)), map(blank_states.__contains__, states)):
        if not is_blank(body[k]):
            rest = sum(1 for r in body[k + 1 :] if not is_blank(r))
            ended = (k + first_number, f"empty STATE; {rest} non-blank row(s) ignored")
            return _kept(numbers[:k], keep), _kept(body[:k], keep), ended
        keep[k] = False
    return _kept(numbers, keep), _kept(body, keep), None


def _kept(items: list[Any], keep: list[bool]) -> list[Any]:
    return list(itertools.compress(items, keep))


_NO_TARGETS: tuple[str | None, str | None, str | None] = (None, None, None)
_LINK_FIELDS = ("moa", "addendum", "agency")


Context = tuple[tuple[str, ...], int, bool]  # present fields, max_year, date1904
# Per context: (the present fields' cells, the link targets) -> Converted, and the ids of the
# Converted values that carry a note (a skip or a flag; the memo holds them, so ids stay
# theirs). Cleared when it outgrows a few years of lists, so memory stays bounded.
_MEMO: dict[Context, tuple[dict[tuple[Any, Any], Converted], set[int]]] = {}
_MEMO_ROWS = 20_000


def _converted(
    values: list[tuple[Any, ...]], targets: list[tuple[str | None, ...]], context: Context
) -> tuple[list[Converted], set[int]]:
    """Each raw row converted, the known ones by one dict lookup in C, the rest in Python."""
    entry = _MEMO.get(context)
    if entry is None or len(entry[0]) > _MEMO_ROWS:
        if len(_MEMO) >= 4:
            _MEMO.pop(next(iter(_MEMO)))
        entry = _MEMO[context] = ({}, set())
    memo, noted = entry
    keys = list(zip(values, targets, strict=True))
    found: list[Converted | None] = list(map(memo.get, keys))
    if None in found:
        present, max_year, date1904 = context
        missing = map(operator.is_, found, itertools.repeat(None))
        for i in list(itertools.compress(range(len(found)), missing)):
            row_values, row_targets = keys[i]
            done = found[i] = memo[keys[i]] = _convert_cells(
                row_values, row_targets, present, max_year, date1904
            )
            if done[0] is not None or any(row.flags for row in done[1]):
                noted.add(id(done))
    return found, noted  # type: ignore[return-value]  # no None is left


def _convert_cells(
    values: tuple[Any, ...],
    targets: tuple[str | None, ...],
    present: tuple[str, ...],
    max_year: int,
    date1904: bool,
) -> Converted:
    """A workbook row (the present fields' cells, the MOA/ADDENDUM/agency link targets)."""
    cells = dict(zip(present, values, strict=True))
    full = tuple(None if v == "" else v for v in (cells.get(f, ABSENT) for f in FIELDS))
    links = tuple(
        _cell_links(cells.get(f), target) for f, target in zip(_LINK_FIELDS, targets, strict=True)
    )
    return convert(full, links, max_year, date1904)


# id(hyperlinks) -> (hyperlinks, cols, row targets); holding the dict keeps its id unique.
_ROW_TARGETS: dict[int, tuple[object, tuple[int, ...], dict[int, tuple[str | None, ...]]]] = {}


def _row_targets(
    hyperlinks: dict[tuple[int, int], str], cols: tuple[int, int, int]
) -> dict[int, tuple[str | None, ...]]:
    """Row -> link targets of the (MOA, ADDENDUM, agency) columns.

    The reader hands lists with the same links the very same dict: build this once for it,
    not once per list.
    """
    found = _ROW_TARGETS.get(id(hyperlinks))
    if found is not None and found[1] == cols:
        return found[2]
    out: dict[int, list[str | None]] = {}
    for (r, c), target in hyperlinks.items():
        if c in cols:
            out.setdefault(r, [None, None, None])[cols.index(c)] = target
    targets = {r: tuple(t) for r, t in out.items()}
    if len(_ROW_TARGETS) >= 8:  # participating and pending lists alternate: keep a few
        _ROW_TARGETS.pop(next(iter(_ROW_TARGETS)))
    _ROW_TARGETS[id(hyperlinks)] = (hyperlinks, cols, targets)
    return targets


def _cell_links(text: object, target: str | None) -> Links:
    if not target:
        return ()
    return ((text if isinstance(text, str) else "", target),)
