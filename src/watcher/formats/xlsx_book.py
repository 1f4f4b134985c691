"""Every worksheet of a county's XLSX document, for its text: budgets keep revenues, positions
and each department on sheets of their own, so reading only the first misses most of them.

The same checks as :mod:`watcher.formats.xlsx` (zip members, each sheet's extent against the
caller's caps, before calamine sees it), plus a bound on the whole workbook: at most
``MAX_SHEETS`` worksheets, and the caps' cells and range over all of them together. Sheets
are handed over one at a time, so a caller that renders each to text holds one sheet's cells
at once. Values only: a document's hyperlinks are not read.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from typing import Any
from zipfile import ZipFile

from python_calamine import CalamineError, CalamineWorkbook

from watcher.errors import ParseError
from watcher.formats.xlsx import (
    _NS,
    _NS_R,
    CellValue,
    _check_members,
    _open_zip,
    _read_member,
    _rels,
    _resolve,
    _sheet_data,
    _sheet_text,
    _values,
    _xml,
)
from watcher.formats.xlsx_extent import SheetCaps, check_extent

__all__ = ["MAX_SHEETS", "read_sheets"]

MAX_SHEETS = 32


def read_sheets(
    data: bytes, caps: SheetCaps, notes: list[str]
) -> Iterator[tuple[str, list[list[CellValue]]]]:
    """(name, rows) of each worksheet in the workbook's order, one at a time; chart sheets are
    skipped. What is left out, and why, is appended to ``notes``. Raises ParseError when the
    workbook is broken or its first sheet is over the caps; a later sheet past the bounds ends
    the reading with a note."""
    with _open_zip(data) as zf:
        _check_members(zf)
        names = {n.lower(): n for n in zf.namelist()}
        listed = _worksheets(_xml(zf, names, "xl/workbook.xml"), zf, names)
        if not listed:
            raise ParseError("not an xlsx workbook: xl/workbook.xml lists no worksheet")
        try:
            calamine = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except (CalamineError, ValueError, IndexError, KeyError, OSError) as exc:
            raise ParseError(f"malformed workbook: the cell reader refused it: {exc}") from exc
        cells_left, area_left, read = caps.cells, caps.area, 0
        for name, path in listed:
            if read == MAX_SHEETS:
                notes.append(f"only the first {MAX_SHEETS} of {len(listed)} sheets read")
                return
            real = names.get(path.lower())
            if real is None:
                notes.append(f"sheet {name!r} skipped: its part {path} is missing")
                continue
            sheet = _sheet_text(_read_member(zf, real))
            start, end, prefix = _sheet_data(sheet)
            # The caps bound the whole workbook: what earlier sheets used is no longer free.
            left = SheetCaps(caps.rows, caps.cols, cells_left, area_left, caps.what)
            try:
                check_extent(sheet, start, end, prefix, left)
            except ParseError as exc:
                if not read:
                    raise
                notes.append(f"reading stopped at sheet {name!r}: {exc}")
                return
            rows = _values(functools.partial(calamine.get_sheet_by_name, name))
            cells_left -= sheet.count(f"<{prefix}c", start, end)
            area_left -= len(rows) * max((len(row) for row in rows), default=0)
            read += 1
            yield name, rows


def _worksheets(workbook: Any, zf: ZipFile, names: dict[str, str]) -> list[tuple[str, str]]:
    """(name, part path) of each worksheet listed in workbook.xml (chart sheets left out)."""
    rels = _rels(zf, names, "xl/_rels/workbook.xml.rels")
    found = []
    for sheet in workbook.iterfind(f"{_NS}sheets/{_NS}sheet"):
        kind, target = rels.get(sheet.get(_NS_R + "id", ""), ("", ""))
        if kind == "worksheet" and target:
            found.append((sheet.get("name", ""), _resolve("xl", target)))
    return found
