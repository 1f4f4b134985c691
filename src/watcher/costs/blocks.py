"""A page cut into blocks and each block into units: sentences, table rows, line items, bullets.

A blank line, a numbered or labelled agenda item and the end of a table start a new block.
Prose units are sentences; a table row (columns apart by runs of spaces as ``pdftotext
-layout`` prints them, tabs or " | "), a budget line item ("Overtime - 287(g) unit 412,000",
no closing period) and a bullet are units of their own. A row keeps the heading it sits
under (a title above the table, across blank lines and REVENUES / EXPENDITURES sections, or
a lead-in "... as follows:"), its section, and each figure the fiscal year of its column.
Plain ``pdftotext`` tables are first rewritten as layout rows (``watcher.costs.lines``).
Imports only ``watcher.costs.amounts``, ``fiscal`` and ``lines`` (pure text helpers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from watcher.costs.amounts import find_amounts
from watcher.costs.fiscal import fiscal_mentions
from watcher.costs.lines import rejoin_plain_tables, sentences

__all__ = ["ITEM_START", "TITLE_LABEL", "Section", "Unit", "blocks"]

Section = Literal["cost", "revenue"]
_I = re.I

ITEM_START = re.compile(
    r"^(?:\d{1,3}[.)]\s|[A-Z][.)]\s|[A-Z]-\d{1,3}\.?\s|\(\w{1,3}\)\s|(?:agenda\s+)?item\s+\d"
    r"|[A-Z][\w /&'-]{0,40}:\s)",
    _I,
)
_BULLET = re.compile(r"^(?:[•▪●◦■□➢►*]|-|–)\s+")
_ROW = re.compile(r" \| |\t|\S {3,}\S")
_CELL_SPLIT = re.compile(r"\s{2,}|\t|\s\|\s")
# A budget line item: a short label, then one or more figures, and no sentence after them.
_LINE_ITEM = re.compile(
    r"^(?P<label>[A-Za-z0-9(][^.!?]{0,90}?[A-Za-z)%:])\s+"
    r"(?P<nums>(?:[-(]?\$?\s?\d[\d,]*(?:\.\d+)?\)?\s*){1,6})$"
)
_SECTION = re.compile(
    r"^(?:(?P<rev>revenues?|sources(?:\s+of\s+funds)?|receipts|estimated\s+revenues?)"
    r"|(?P<cost>expenditures?|expenses|appropriations|uses(?:\s+of\s+funds)?"
    r"|personnel\s+services|operating\s+expenses))\s*:?$",
    _I,
)
MAX_BLOCK_UNITS = 2000


@dataclass
class Unit:
    """A sentence or a row. ``heading`` is the line a row sits under; ``section`` says
    whether the page's table section is revenues or expenditures."""

    text: str
    row: bool
    heading: str | None = None
    section: Section | None = None


TITLE_LABEL = re.compile(r"^(?:subject|title|re|in\s+re|staff\s+report|agenda\s+item|item)\b", _I)


class _Builder:
    """Lines in, blocks out. Every method that can finish a block is a generator, so a
    caller that stops early (a search cap) never pays for the rest of a hostile page."""

    def __init__(self) -> None:
        self.block: list[Unit] = []
        self.prose: list[str] = []
        self.section: Section | None = None
        self.carried: str | None = None  # a title line standing alone above a table
        self.columns: list[tuple[int, int, str]] = []  # header years: (start, end, words)

    def flush_prose(self) -> Iterator[list[Unit]]:
        if self.prose:
            text = " ".join(self.prose)
            self.prose.clear()
            for sentence in sentences(text):
                self.block.append(Unit(sentence, False, section=self.section))
                if len(self.block) >= MAX_BLOCK_UNITS:  # no real paragraph is this long
                    yield self.block
                    self.block = []

    def close(self) -> Iterator[list[Unit]]:
        yield from self.flush_prose()
        if self.block:
            self._carry(self.block)
            yield self.block
        self.block = []

    def _carry(self, block: list[Unit]) -> None:
        """A title (a line or two, or title rows of a form, without figures) heads the tables
        below it, across blank lines and REVENUES / EXPENDITURES sections, until the next
        title or a paragraph of prose; a row of column years is a header, not a title."""
        no_figures = not any(find_amounts(u.text, row=u.row) for u in block)
        last = block[-1].text.rstrip()
        if not block[-1].row and last.endswith(":"):
            self.carried = " ".join(u.text for u in block)[-400:]  # "... as follows:"
            return
        titled = block[-1].row or not last.endswith(".") or bool(TITLE_LABEL.match(block[0].text))
        if len(block) <= 3 and no_figures and titled and all(len(u.text) <= 160 for u in block):
            # Beside a header row of years, other rows are more header ("Actual  Adopted").
            header = any(u.row and fiscal_mentions(u.text) for u in block)
            title = " ".join(u.text for u in block if not (header and u.row))
            if title:
                self.carried = title
                self.columns = self.columns if header else []
            return
        prose = [u for u in block if not u.row and not _SECTION.match(u.text)]
        if prose:
            self.carried = None
            self.columns = []

    def add_row(self, text: str) -> Iterator[list[Unit]]:
        yield from self.flush_prose()
        heading = None
        if self.block and not self.block[-1].row:
            # The prose above the first row: a lead-in ("... as follows:") or a title.
            head = " ".join(u.text for u in self.block)[-400:]
            if not find_amounts(head) or head.endswith(":"):
                heading = head
            if _SECTION.match(head) and self.carried:
                heading = f"{self.carried} | {head}"  # "REVENUES" under the page's title
        elif not self.block:
            heading = self.carried
        else:
            heading = self.block[-1].heading
        self.block.append(Unit(text, True, heading, self.section))


_LEADER = re.compile(r"[ \t]*(?:\.[ \t]?){4,}[ \t]*")


def blocks(page_text: str) -> Iterator[list[Unit]]:
    """Paragraphs as lists of units, one at a time; see the module docstring."""
    page_text = rejoin_plain_tables(page_text.replace("**", "").replace("__", ""))
    b = _Builder()
    bullet: list[str] = []
    for raw_line in page_text.split("\n"):
        if ".." in raw_line:
            raw_line = _LEADER.sub("    ", raw_line)  # "Office ........ $148,200": two columns
        line = raw_line.strip().lstrip(">").strip()
        if bullet and (not line or _BULLET.match(line) or ITEM_START.match(line)):
            yield from b.add_row(" ".join(bullet))
            bullet = []
        section = _SECTION.match(_CELL_SPLIT.split(line, maxsplit=1)[0])
        if section:
            b.section = "revenue" if section.group("rev") else "cost"
            if b.prose and _SECTION.match(line):
                yield from b.close()  # the title above stays a title, not "TITLE Expenditures"
        shape = _shape(line, b.prose, bool(bullet))
        in_table = bool(b.block) and b.block[-1].row and not b.prose and not bullet
        if shape == "blank" or (shape == "prose" and (in_table or ITEM_START.match(line))):
            yield from b.close()
        if shape == "blank":
            continue
        if shape == "bullet":
            yield from b.flush_prose()
            bullet = [_BULLET.sub("", line)]
        elif bullet:
            bullet.append(line)  # a bullet's text wrapped onto the next line
        elif shape == "layout":
            yield from b.add_row(_row_text(raw_line, b))
        elif shape == "item" and (item := _LINE_ITEM.match(line)):
            yield from b.add_row(" | ".join([item.group("label"), *item.group("nums").split()]))
        elif b.prose and b.prose[-1].endswith("-") and line[:1].islower():
            b.prose[-1] = b.prose[-1][:-1] + line  # a word hyphenated across lines
        else:
            b.prose.append(line)
    if bullet:
        yield from b.add_row(" ".join(bullet))
    yield from b.close()


def _shape(line: str, prose: list[str], in_bullet: bool) -> str:
    if not line:
        return "blank"
    if _BULLET.match(line):
        return "bullet"
    if in_bullet:
        return "prose"
    if len(line) < 2000 and _ROW.search(line):  # no table row is longer
        return "layout"
    item = _LINE_ITEM.match(line)
    if item and not (prose and len(prose[-1]) >= 50 and not prose[-1].endswith((".", ":"))):
        # A prose line wrapped just after a figure is not a line item: labels are short.
        words = len(item.group("label").split())
        money = re.search(r"\$|\d,\d{3}|\d{5}|\.\d\d\b", item.group("nums"))
        if money and words <= (6 if "$" in item.group("nums") else 12):
            return "item"  # not "... on January 5, 2026": a line item's figure is money
    return "prose"


def _row_text(raw_line: str, b: _Builder) -> str:
    """A layout row as " | "-joined cells. A header row's fiscal years (or, without years, its
    kinds: "Program Cost", "ICE Reimbursement") are remembered by column, and each later
    figure is labelled with the header above it ("FY 2025-26: 561,200", "ICE Reimbursement:
    $288,900") so it keeps its year or kind once cut out of the table."""
    line = raw_line.rstrip().replace("\t", "    ")
    if " | " in line:  # an HTML or CSV table: columns by position in the row
        parts = [" ".join(p.split()) for p in line.split(" | ")]
        cells = [(i * 1000, i * 1000 + 1, p) for i, p in enumerate(parts)]
    else:
        cells = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]
    years = [
        (s + y.start, s + y.end, y.written) if " | " not in line else (s, e, y.written)
        for s, e, t in cells
        for y in fiscal_mentions(t)
    ]
    no_figures = not any(find_amounts(t, row=True) for _, _, t in cells)
    kinds = [(s, e, t) for s, e, t in cells if _KIND_HEADER.search(t)] if no_figures else []
    if no_figures and (years or len(kinds) >= 2):
        # A header of years ("FY 2025-26"), or of kinds ("Program Cost", "ICE Reimbursement").
        b.columns = years or kinds
        return " | ".join(t for _, _, t in cells)
    out = []
    for start, end, cell in cells:
        label = _column_year(b.columns, start, end) if find_amounts(cell, row=True) else None
        out.append(f"{label}: {cell}" if label and not fiscal_mentions(cell) else cell)
    return " | ".join(out)


_KIND_HEADER = re.compile(
    r"\b(?:costs?|reimburs\w*|revenues?|grants?|net|expend\w*|per[\s-]diem|awards?)\b", re.I
)


def _column_year(columns: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    # Figures sit right-aligned under their header: overlap first, else the nearest right edge.
    best: tuple[int, str] | None = None
    for c_start, c_end, words in columns:
        gap = 0 if c_start < end and start < c_end else min(abs(c_end - end), abs(c_start - start))
        if gap <= 12 and (best is None or gap < best[0]):
            best = (gap, words)
    return best[1] if best else None
