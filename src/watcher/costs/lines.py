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


def rejoin_plain_tables(page: str) -> str:
    """The page with plain-``pdftotext`` tables rewritten as layout rows (see the module
    docstring); a page without such runs comes back unchanged. Linear in the page: a row or a
    column is looked for at most ``MAX_CELLS`` segments ahead."""
    if "\n\n" not in page or not _LONE_FIGURE.search(page):
        return page
    segments = _segments(page.split("\n"))
    out: list[str] = []
    i = 0
    while i < len(segments):
        used = _columns(segments, i, out) or _rows(segments, i, out)
        if not used:
            out.extend(segments[i])
            out.append("")
            used = 1
        i += used
    return "\n".join(out)


def _segments(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    segments: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        text = line.strip()
        if text:
            current.append(text)
        elif current:
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def _rows(segments: list[list[str]], i: int, out: list[str]) -> int:
    """Row by row: a label line, then one cell per segment. Needs two such rows in a row, so
    a lone "Total" above a lone figure stays prose. Returns the segments used, or 0."""
    rows: list[tuple[str, list[str]]] = []
    j = i
    while j < len(segments) and _is_label(segments[j][-1]) and (j == i or len(segments[j]) == 1):
        cells: list[str] = []
        k = j + 1
        while k < len(segments) and len(segments[k]) == 1 and len(cells) < MAX_CELLS:
            cell = segments[k][0]
            if not (_is_cell(cell) or (not rows and _is_header(cell))):
                break
            cells.append(cell)
            k += 1
        if not cells:
            break
        rows.append((segments[j][-1], cells))
        j = k  # only the first row may hold header cells: a failed try costs two rows
    if sum(1 for _, cells in rows if any(_is_cell(c) for c in cells)) < 2:
        return 0
    out.extend(segments[i][:-1])
    out.extend(_row(label, cells) for label, cells in rows)
    out.append("")
    return j - i


def _columns(segments: list[list[str]], i: int, out: list[str]) -> int:
    """Column by column: a segment of labels, header cells one per segment (or the headers
    first, then the labels), then runs of figures, one run per column and section. Returns
    the segments used, or 0."""
    labels = segments[i]
    if not 2 <= len(labels) <= MAX_RUN or not all(_is_label(x) for x in labels):
        return 0
    j = i + 1
    headers = []
    while j < len(segments) and len(headers) < MAX_CELLS and len(segments[j]) == 1:
        if not _is_header(segments[j][0]):
            break
        headers.append(segments[j][0])
        j += 1
    above: list[str] = []
    if headers and j + 1 < len(segments) and all(_is_label(x) for x in segments[j][:MAX_RUN]):
        # The headers printed before the labels: what came first is the table's title.
        above, labels = labels, segments[j]
        j += 1
    runs = []
    while j < len(segments) and len(runs) < MAX_CELLS * 8 and all(map(_is_cell, segments[j])):
        runs.append(segments[j])
        j += 1
    table = _sections(labels, len(runs[0]) if runs else 0)
    if table is None or not runs or len(runs) % len(table[1]):
        return 0
    title, sections = table
    title = above + title
    ncols = len(runs) // len(sections)
    if headers and len(headers) != ncols:
        return 0
    for s, (_, rows) in enumerate(sections):
        if any(len(run) != len(rows) for run in runs[s * ncols : (s + 1) * ncols]):
            return 0
    out.extend(title)
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
    labels: list[str], first_run: int
) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """The table's title lines and its labels by section ("REVENUES", ...). Without sections,
    the rows are the last ``first_run`` labels and the lines above them the title."""
    marks = [k for k, x in enumerate(labels) if _SECTION.match(x)]
    if not marks:
        if not 0 < first_run <= len(labels):
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
