"""The lines of a page as the passage builder reads them.

Plain ``pdftotext`` (without ``-layout``) prints a table in one of two shapes: row by row, each
cell on its own line between blank lines ("Jail Medical Services", "1,402,118", "1,455,000",
...), or column by column, the labels first and then each column's figures as a run of lines
(split where a REVENUES / EXPENDITURES section starts). Both are rewritten here as the rows
``pdftotext -layout`` would print, cells right-aligned under their column headers, so a figure
keeps its label, its section and its column's fiscal year. A shape that does not add up (more
figures than labels, runs of unequal length) is left as it is: no figure gets a label it may not
have. Also sentence cutting, with a cap on sentence length. Pure functions on text; imports
only ``watcher.costs.fiscal``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from watcher.costs.fiscal import fiscal_mentions

__all__ = ["cap", "rejoin_plain_tables", "sentences"]

_CELL = re.compile(r"^[-(]?\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d\d)?\)?$|^[-–—]+$")
_SECTION = re.compile(
    r"^(?:revenues?|sources(?:\s+of\s+funds)?|receipts|estimated\s+revenues?|expenditures?"
    r"|expenses|appropriations|uses(?:\s+of\s+funds)?|personnel\s+services|operating\s+expenses)"
    r"\s*:?$",
    re.I,
)
_LABEL_WIDTH = 64
_CELL_WIDTH = 18
MAX_RUN = 400  # labels of one table; a longer run of short lines is not one
MAX_CELLS = 24  # columns of one table
_MONEY_CELL = re.compile(r"[$,.]|\d{5}")
_LONE_FIGURE = re.compile(r"(?m)^[ \t]*[-(]?\$?\d[\d,]*(?:\.\d\d)?\)?[ \t]*$")

_ABBREV = re.compile(
    r"(?:\b(?:U\.S|Mr|Mrs|Ms|Dr|No|Nos|Inc|Co|Corp|Ltd|St|Pct|Dept|Sec|Art|vs|approx|est|Jan|Feb"
    r"|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z]"
    r"|\b(?:[Ii]tem|ITEM|[Ss]ection|[Pp]art|[Aa]rticle)\s+[\w-]{1,5})\.$",
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")


def _is_cell(line: str) -> bool:
    return len(line) <= 20 and bool(_CELL.match(line))


def _is_header(line: str) -> bool:
    """A column header cell: "FY 2025 Budget", "2024 Actual"."""
    return len(line) <= 30 and bool(fiscal_mentions(line)) and not _is_cell(line)


def _is_label(line: str) -> bool:
    return 0 < len(line) <= 90 and not _is_cell(line) and not line.endswith((".", ","))


def _row(label: str, cells: list[str]) -> str:
    return label.ljust(max(_LABEL_WIDTH, len(label) + 4)) + "".join(
        c.rjust(_CELL_WIDTH) for c in cells
    )


class _Segment:
    """A run of non-blank lines, with what it can be in a table worked out once."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    @cached_property
    def cell(self) -> bool:
        return len(self.lines) == 1 and _is_cell(self.lines[0])

    @cached_property
    def header(self) -> bool:
        return len(self.lines) == 1 and _is_header(self.lines[0])

    @cached_property
    def label(self) -> bool:
        """Its last line can label a row."""
        return _is_label(self.lines[-1])

    @cached_property
    def labels(self) -> bool:
        return 1 <= len(self.lines) <= MAX_RUN and all(map(_is_label, self.lines))

    @cached_property
    def cells(self) -> bool:
        return all(map(_is_cell, self.lines))


def rejoin_plain_tables(page: str) -> str:
    """The page with plain-``pdftotext`` tables rewritten as layout rows (see the module
    docstring); a page without such runs comes back unchanged. Linear in the page: each
    segment is classified once, and a row or a column is looked for at most ``MAX_CELLS``
    segments ahead."""
    if "\n\n" not in page or not _LONE_FIGURE.search(page):
        return page
    segments = _segments(page.split("\n"))
    out: list[str] = []
    i = 0
    while i < len(segments):
        used = _columns(segments, i, out) or _rows(segments, i, out) or _stacked(segments, i, out)
        if not used:
            out.extend(segments[i].lines)
            out.append("")
            used = 1
        i += used
    return "\n".join(out)


def _segments(lines: list[str]) -> list[_Segment]:
    """Runs of non-blank lines."""
    segments: list[_Segment] = []
    current: list[str] = []
    for line in lines:
        text = line.strip()
        if text:
            current.append(text)
        elif current:
            segments.append(_Segment(current))
            current = []
    if current:
        segments.append(_Segment(current))
    return segments


def _rows(segments: list[_Segment], i: int, out: list[str]) -> int:
    """Row by row: a label line, then one cell per segment. Needs two rows with money in them
    ("1,402,118", "$96"), so a paragraph above a page number stays prose. Returns the
    segments used, or 0."""
    rows: list[tuple[str, list[str]]] = []
    j = i
    while j < len(segments) and segments[j].label and (j == i or len(segments[j].lines) == 1):
        cells: list[str] = []
        k = j + 1
        while k < len(segments) and len(cells) < MAX_CELLS:
            if not (segments[k].cell or (not rows and segments[k].header)):
                break
            cells.append(segments[k].lines[0])
            k += 1
        if not cells:
            break
        rows.append((segments[j].lines[-1], cells))
        j = k  # only the first row may hold header cells: a failed try costs two rows
    if sum(1 for _, cells in rows if any(_MONEY_CELL.search(c) for c in cells)) < 2:
        return 0
    out.extend(segments[i].lines[:-1])
    out.extend(_row(label, cells) for label, cells in rows)
    out.append("")
    return j - i


def _stacked(segments: list[_Segment], i: int, out: list[str]) -> int:
    """Row by row with the cells under their label and a blank line between rows: "Patrol",
    "$7,015,900", "$7,240,300"; the first such segment may be the header ("Program", "2025
    Budget", "2026 Adopted"). Needs two rows with money in them. Returns the segments used."""
    rows: list[str] = []
    j = i
    while j < len(segments) and 2 <= len(segments[j].lines) <= MAX_CELLS + 1:
        label, *cells = segments[j].lines
        if not _is_label(label) or _is_cell(label):
            break
        if all(map(_is_cell, cells)) and any(_MONEY_CELL.search(c) for c in cells):
            rows.append(_row(label, cells))
        elif not rows and all(map(_is_header, cells)):
            rows.append(_row(label, cells))  # the header
        else:
            break
        j += 1
    if sum(1 for row in rows if _LONE_FIGURE.search(row.rsplit("  ", 1)[-1])) < 2:
        return 0
    out.extend(rows)
    out.append("")
    return j - i


def _columns(segments: list[_Segment], i: int, out: list[str]) -> int:
    """Column by column: a segment of labels, header cells one per segment (or the headers
    first, then the labels), then runs of figures, one run per column and section. Returns
    the segments used, or 0."""
    if len(segments[i].lines) < 2 or not segments[i].labels:
        return 0
    labels = segments[i].lines
    j = i + 1
    headers: list[str] = []
    while j < len(segments) and len(headers) < MAX_CELLS and segments[j].header:
        headers.append(segments[j].lines[0])
        j += 1
    above: list[str] = []
    nxt = segments[j] if j + 1 < len(segments) else None
    if headers and nxt and len(nxt.lines) >= 2 and nxt.labels and segments[j + 1].cells:
        # The headers printed before the labels: what came first is the table's title.
        above, labels = labels, nxt.lines
        j += 1
    runs: list[list[str]] = []
    while j < len(segments) and len(runs) < MAX_CELLS * 8 and segments[j].cells:
        runs.append(segments[j].lines)
        j += 1
    table = _sections(labels, len(runs[0]) if runs else 0, bool(headers))
    if table is None or not runs or len(runs) % len(table[1]):
        return 0
    title, sections = table
    ncols = len(runs) // len(sections)
    if headers and len(headers) != ncols:
        return 0
    for s, (_, rows) in enumerate(sections):
        if any(len(run) != len(rows) for run in runs[s * ncols : (s + 1) * ncols]):
            return 0
    out.extend(above + title)
    if headers:
        out.append(_row("", headers))
    for s, (name, rows) in enumerate(sections):
        if name:
            out.append(name)
        cols = runs[s * ncols : (s + 1) * ncols]
        out.extend(_row(label, [col[r] for col in cols]) for r, label in enumerate(rows))
    out.append("")
    return j - i


def _sections(
    labels: list[str], first_run: int, headed: bool
) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """The table's title lines and its labels by section ("REVENUES", ...). Without sections,
    the rows are the last ``first_run`` labels and the (at most two) lines above them the
    title, and only under column headers: without them, a label line too many may be a row
    whose figures are elsewhere."""
    marks = [k for k, x in enumerate(labels) if _SECTION.match(x)]
    if not marks:
        extra = len(labels) - first_run
        if first_run <= 0 or extra < 0 or extra > (2 if headed else 0):
            return None
        return labels[: len(labels) - first_run], [("", labels[len(labels) - first_run :])]
    ends = [*marks[1:], len(labels)]
    sections = [(labels[k], labels[k + 1 : end]) for k, end in zip(marks, ends, strict=True)]
    return labels[: marks[0]], sections


def sentences(text: str) -> Iterator[str]:
    """The sentences of a paragraph, each at most a capped length."""
    text = " ".join(text.split())
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # Only the last few characters decide; slicing from ``start`` is quadratic on a
        # 5 MB page with no sentence breaks.
        if match.start() - start < 4 or _ABBREV.search(
            text[max(start, match.start() - 12) : match.start() + 1]
        ):
            continue  # "5.", "A." and "Item 14." number an item; "U.S." is no sentence end
        yield from cap(text[start : match.start() + 1])
        start = match.end()
    if start < len(text):
        yield from cap(text[start:])


def cap(sentence: str, limit: int = 1500) -> list[str]:
    """Text with no sentence breaks (a flattened table, a hostile page) in pieces of at most
    ``limit`` characters cut at spaces, so the work per figure stays bounded."""
    pieces = []
    start = 0
    while len(sentence) - start > limit:
        cut = sentence.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > 0 else start + limit
        pieces.append(sentence[start:cut])
        start = cut + 1 if sentence[cut : cut + 1] == " " else cut
    return [*pieces, sentence[start:]]
