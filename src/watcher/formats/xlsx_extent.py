"""How big a worksheet is, found from its XML before any cell is read, against a caller's caps.

Why this exists: calamine builds a dense grid from A1 to the last cell it saw, so one cell at
XFD1048576 in a 5 KB workbook asks for 17 billion cells and the allocation failure aborts the
process (no exception to catch). The sheet's declared extent (``<dimension ref>``) and its
actual one (the cell references, counted without reading a value) are checked here first.

The common case costs a few scans in C: when every cell carries a reference in Excel's form,
patterns find any reference past the caps without building a string per cell. Any other
markup (no references, other attribute order, lower case) is walked cell by cell, once the
cell count is known to be within the cap.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from watcher.errors import ParseError


@dataclass(frozen=True)
class SheetCaps:
    """The largest sheet a caller accepts.

    ``area`` bounds rows x columns of the dense range from A1 that the cell reader allocates;
    ``cells`` bounds the cell elements in the XML, empty ones included.
    """

    rows: int
    cols: int
    cells: int
    area: int
    what: str = "a spreadsheet"


# County spreadsheets: budgets and agendas run to thousands of rows and a few hundred columns.
# 2,000,000 cells of dense range is about 100 MB in calamine and Python together.
DOCUMENT_CAPS = SheetCaps(
    rows=200_000, cols=702, cells=1_000_000, area=2_000_000, what="a document's spreadsheet"
)

_DIMENSION = re.compile(r'<(?:\w+:)?dimension\b[^>]*?\sref="([^"]*)"')
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_TAG = re.compile(r"<(?:\w+:)?(row|c)(?=[\s/>])([^>]*+)>")
_ATTR_R = re.compile(r'(?<![\w:])r="([^"]*)"')


def column_name(index: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    name = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _split(ref: str) -> tuple[int, int]:
    """(row, column), both 1-based, of a reference such as B7 or $B$7."""
    m = _REF.match(ref)
    if m is None:
        raise ParseError(f"malformed workbook: bad cell reference {ref[:40]!r}")
    return int(m.group(2)), _column_number(m.group(1))


def check_extent(sheet: str, start: int, end: int, prefix: str, caps: SheetCaps) -> None:
    """Refuse a sheet whose declared or actual extent exceeds ``caps``.

    ``sheet[start:end]`` is the sheetData section; ``prefix`` the worksheet's namespace prefix
    (``""`` or ``"x:"``). Raises :class:`ParseError` naming the extent and the cap.
    """
    declared = _DIMENSION.search(sheet, 0, start)
    if declared is not None:
        first, _, last = declared.group(1).partition(":")
        try:
            rows, cols = _split(last or first)
        except ParseError:
            pass  # calamine does not size anything from a dimension it cannot read
        else:
            _check(rows, cols, caps, f"declares the range {declared.group(1)[:40]}")
    tag = f"<{prefix}c"
    # A section too short to hold more tags than the cap needs no count (ICE's lists: 0.5 MB,
    # a third of their check).
    cells = 0 if (end - start) // len(tag) <= caps.cells else sheet.count(tag, start, end)
    if cells > caps.cells:  # an upper bound: <color> counts too
        raise ParseError(
            f"sheet too large: it has {cells:,} cell elements, over the cap of "
            f"{caps.cells:,} for {caps.what}; refused before reading any cell"
        )
    odd, walk = _unusual(prefix, caps)
    if walk or odd.search(sheet, start, end) is not None:
        rows, cols = _walk(sheet, start, end)
        _check(rows, cols, caps, f"has cells spanning A1:{column_name(cols)}{rows}")


def _check(rows: int, cols: int, caps: SheetCaps, what: str) -> None:
    if rows > caps.rows or cols > caps.cols or rows * cols > caps.area:
        raise ParseError(
            f"sheet too large: it {what} ({rows:,} rows x {cols:,} columns), over the cap of "
            f"{caps.rows:,} rows, {caps.cols:,} columns and {caps.area:,} cells of range for "
            f"{caps.what}; refused before reading any cell"
        )


@functools.lru_cache(maxsize=8)
def _unusual(prefix: str, caps: SheetCaps) -> tuple[re.Pattern[str], bool]:
    """A pattern for any cell not plainly within the caps, and whether to walk regardless.

    Plainly within: Excel's ``<c r="B7"`` with at most as many letters as every column of
    which is allowed and as many digits as every row of which is allowed. When no cell needs
    a closer look (ICE's lists: A..Z, under 10,000 rows) one scan in C suffices; otherwise
    the cells are walked and measured exactly.
    """
    letters = 0
    while _column_number("Z" * (letters + 1)) <= caps.cols:
        letters += 1
    digits = 0
    while 10 ** (digits + 1) - 1 <= caps.rows:
        digits += 1
    p = re.escape(prefix)
    if not letters or not digits:
        return re.compile(rf"<{p}c(?=[\s/>])"), True
    plain = rf'(?! r="[A-Z]{{1,{letters}}}[0-9]{{1,{digits}}}")'
    walk = (10**digits - 1) * _column_number("Z" * letters) > caps.area
    return re.compile(rf"<{p}c(?=[\s/>]){plain}"), walk


def _walk(sheet: str, start: int, end: int) -> tuple[int, int]:
    """(last row, last column) of the cells, placing those without a reference by position."""
    row = col = last_row = last_col = 0
    for m in _TAG.finditer(sheet, start, end):
        tag, attrs = m.group(1), m.group(2)
        ref = _ATTR_R.search(attrs)
        if tag == "row":
            row = int(ref.group(1)) if ref and ref.group(1).isdigit() else row + 1
            col = 0
            continue
        if ref is not None:
            row, col = _split(ref.group(1))
        else:
            col += 1
        last_row, last_col = max(last_row, row), max(last_col, col)
    return last_row, last_col
