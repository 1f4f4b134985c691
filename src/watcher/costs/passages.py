"""The units of a page that are about 287(g): sentences, table rows, line items and bullets.

A page is cut into blocks (a blank line, a numbered or labelled agenda item, the end of a table
starts a new one) and each block into units. Prose units are sentences; a table row (columns
apart by runs of spaces, tabs or " | "), a budget line item ("Overtime - 287(g) unit 412,000"
with no closing period) and a bullet are units of their own that count only when their own
text names the program or they sit under a heading that does, so neighbouring line items,
department totals and other programs' lines never join a 287(g) passage. Inside a document
that names 287(g) or an ICE agreement, "the ICE program", "the federal program", "the
immigration enforcement unit" and "designated immigration officers" name it too.
Plain ``pdftotext`` tables are first rewritten as layout rows (``watcher.costs.lines``).
Imports only ``watcher.costs.amounts``, ``fiscal`` and ``lines`` (pure text helpers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from watcher.costs.amounts import find_amounts
from watcher.costs.fiscal import fiscal_mentions
from watcher.costs.lines import rejoin_plain_tables, sentences

__all__ = [
    "ANY_MENTION",
    "Above",
    "Basis",
    "Unit",
    "blocks",
    "continues_item",
    "footnotes",
    "in_scope",
    "names_program",
    "page_basis",
    "title_of",
]

Basis = Literal["287(g)", "model", "ice-agreement"]
Section = Literal["cost", "revenue"]

_I = re.I
R287G = re.compile(r"\b287\s*(?:\(\s*g\s*\)|-\s*g\b|g\b)", _I)
MODEL = re.compile(
    r"\b(?:jail\s+enforcement\s+model|task\s+force\s+model|warrant\s+service\s+officers?)\b", _I
)
# "ICE" counts only in capitals and not as the start of a name ("ICE MILLER LLP" in a heading).
ICE = re.compile(
    r"\bICE\b(?!\s+(?i:miller|house|plant|rink|arena|storm|machine|cream|skating))"
    r"|(?i:immigration\s+and\s+customs\s+enforcement)",
)
IMMIGRATION_ENF = re.compile(r"\bimmigration\s+(?:law\s+)?enforcement\b", _I)
AGREEMENT = re.compile(
    r"\bagreements?\b|\bMOA\b|memorandum|\bpartner\w*|task\s+force|delegat\w+", _I
)
# Names of the program that only count in a document that names 287(g) or an ICE agreement.
INDIRECT = re.compile(
    r"\b(?:the|this|that|its|their|our|county's|sheriff's|jail's)\s+(?:ICE|federal|immigration"
    r"(?:\s+enforcement)?|deportation)\s+(?:program|partnership|agreement|unit|initiative"
    r"|task\s+force|duties)\b"
    r"|\bdesignated\s+immigration\s+officers?\b"
    r"|\bimmigration\s+(?:enforcement\s+)?(?:unit|officers?|deputies|positions|task\s+force)\b"
    r"|\bICE\s+(?:program|agreement|partnership|unit|task\s+force|officers?|duties)\b",
    _I,
)
OTHER_PROGRAM = re.compile(
    r"\bSCAAP\b|state\s+criminal\s+alien\s+assistance|\bmarshals\b|\bU\.?\s?S\.?\s+marshal\b|\bUSMS\b"
    r"|marshals?\s+service|bureau\s+of\s+prisons|\bIGSA\b|intergovernmental\s+service\s+agreement",
    _I,
)
FISCAL_SECTION = re.compile(
    r"(?:(?:fiscal|budget|financial|funding|cost)\s+(?:impact|note|information|sources?|summary)"
    r"|budget\s+ordinance\s+impact|funding|costs?)\s*:",
    _I,
)
# A row under a program heading that names another division or fund is that one's line.
OTHER_UNIT = re.compile(
    r"\b(?:general|county|local)\s+funds?\b|\b(?!Immigration|Enforcement)[A-Z][a-z]+\s+(?:Division|Bureau)\b"
)
FALSE_FRIEND = re.compile(r"\bice\s+(?:miller|house\s+r(?:oa)?d|plant)\b|\bde-?icing\b", _I)
ANY_MENTION = re.compile(f"{R287G.pattern}|{MODEL.pattern}|{ICE.pattern}", _I)
# Words that tie a sentence near a mention back to the program ("They would staff ...",
# "ICE reimbursed ..."); a sentence near one without any is about something else.
TOPIC_LINK = re.compile(
    r"\b(?:program|unit|agreement|partnership|task\s+force|initiative|model|positions?"
    r"|deput(?:y|ies)|officers?|personnel|salar\w+|overtime|reimburs\w*|stipends?|ICE"
    r"|federal|immigra\w+|detain\w*|deport\w*|per[\s-]diem|transfers?|net|impact|they|them"
    r"|it\s+(?:would|will|could|costs?|has|had|is|was)|received|receives"
    r"|(?:that|this|the|each|those|these)\s+(?:check|payment|installment|award)s?|arrangement"
    r"|(?:ending|ended|end|dropping|leaving|keeping|joining)\s+it)\b"
    r"|^(?:that|this)\s+(?:is|was|means|leaves|left|amounts|comes|adds)\b",
    _I,
)

_ITEM_START = re.compile(
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


def names_program(text: str) -> Basis | None:
    """Whether a document names the program directly (so indirect names count)."""
    if R287G.search(text):
        return "287(g)"
    if MODEL.search(text):
        return "model"
    if ICE.search(text) and (AGREEMENT.search(text) or IMMIGRATION_ENF.search(text)):
        return "ice-agreement"
    return None


def page_basis(page: str, doc: Basis | None) -> bool:
    """Cheap test whether a page can hold a passage at all."""
    if "287" not in page and "ICE" not in page:
        low = page.lower()
        words = ("immigration", "model", "warrant", "federal", "designated")
        if not any(word in low for word in words):
            return False
    if ANY_MENTION.search(page) or IMMIGRATION_ENF.search(page):
        return True
    return doc is not None and bool(INDIRECT.search(page))


# --- Blocks -----------------------------------------------------------------------------------


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
        titled = block[-1].row or not last.endswith(".") or bool(_TITLE_LABEL.match(block[0].text))
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


def blocks(page_text: str) -> Iterator[list[Unit]]:
    """Paragraphs as lists of units, one at a time; see the module docstring."""
    page_text = rejoin_plain_tables(page_text.replace("**", "").replace("__", ""))
    b = _Builder()
    bullet: list[str] = []
    for raw_line in page_text.split("\n"):
        line = raw_line.strip().lstrip(">").strip()
        if bullet and (not line or _BULLET.match(line) or _ITEM_START.match(line)):
            yield from b.add_row(" ".join(bullet))
            bullet = []
        section = _SECTION.match(_CELL_SPLIT.split(line, maxsplit=1)[0])
        if section:
            b.section = "revenue" if section.group("rev") else "cost"
            if b.prose and _SECTION.match(line):
                yield from b.close()  # the title above stays a title, not "TITLE Expenditures"
        shape = _shape(line, b.prose, bool(bullet))
        in_table = bool(b.block) and b.block[-1].row and not b.prose and not bullet
        if shape == "blank" or (shape == "prose" and (in_table or _ITEM_START.match(line))):
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
    """A layout row as " | "-joined cells. A header row's fiscal years are remembered by
    column, and each later figure is labelled with the year above it ("FY 2025-26: 561,200")
    so it keeps its year once cut out of the table."""
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
    if years and not any(find_amounts(t, row=True) for _, _, t in cells):
        b.columns = years
        return " | ".join(t for _, _, t in cells)
    out = []
    for start, end, cell in cells:
        label = _column_year(b.columns, start, end) if find_amounts(cell, row=True) else None
        out.append(f"{label}: {cell}" if label and not fiscal_mentions(cell) else cell)
    return " | ".join(out)


def _column_year(columns: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    # Figures sit right-aligned under their header: overlap first, else the nearest right edge.
    best: tuple[int, str] | None = None
    for c_start, c_end, words in columns:
        gap = 0 if c_start < end and start < c_end else min(abs(c_end - end), abs(c_start - start))
        if gap <= 12 and (best is None or gap < best[0]):
            best = (gap, words)
    return best[1] if best else None


# --- Scope ------------------------------------------------------------------------------------


_CUES = ("287", "ice", "model", "warrant", "immigra", "enforcement", "customs", "federal", "deport")


def _basis(text: str, ice_in_block: bool, doc: Basis | None) -> Basis | None:
    low = text.lower()
    if not any(cue in low for cue in _CUES):
        return None  # substring tests first: most units of a long page name nothing
    own = names_program(text)
    if own:
        return own
    if ice_in_block and IMMIGRATION_ENF.search(text):
        return "ice-agreement"  # "... immigration enforcement functions" in an item about ICE
    if doc and INDIRECT.search(text):
        return doc
    return None


_TITLE_LABEL = re.compile(r"^(?:subject|title|re|in\s+re|staff\s+report|agenda\s+item|item)\b", _I)


def title_of(block: list[Unit]) -> bool | None:
    """True for a title block (a line or two without figures, not a sentence, or labelled
    "Subject:", "STAFF REPORT"), False for a block that starts another agenda item, else None:
    the title of a report or item heads the paragraphs below it until the next one."""
    texts = [u.text for u in block]
    limit = 400 if _TITLE_LABEL.match(texts[0]) else 160
    short = len(block) <= 2 and all(len(t) <= limit for t in texts)
    titled = not texts[-1].rstrip().endswith(".") or bool(_TITLE_LABEL.match(texts[0]))
    if short and titled and not any(find_amounts(u.text, row=u.row) for u in block):
        return True
    return False if _ITEM_START.match(texts[0]) and not FISCAL_SECTION.match(texts[0]) else None


def continues_item(block: list[Unit]) -> bool:
    """A labelled money section of an agenda item ("FISCAL IMPACT:"): about that item."""
    return bool(block) and bool(FISCAL_SECTION.match(block[0].text))


@dataclass(frozen=True)
class Above:
    """What a block sits under: the agenda item a money section belongs to (``item``), the
    title of the report or item, or the paragraph before when this one points back to it
    (``title``), and the page's footnotes that name the program (``footnotes``: "(1) SB 8
    grant for sheriffs in a 287(g) agreement")."""

    item: Basis | None = None
    title: Basis | None = None
    footnotes: Mapping[str, Basis] = field(default_factory=dict)


_FOOTNOTE = re.compile(r"(?m)^[ \t]*\((\d{1,2}|\*)\)[ \t]+(\S.{8,400})$")
_MARK = re.compile(r"\((\d{1,2}|\*)\)\s*(?:\||$)")


def footnotes(page: str, limit: int = 200) -> dict[str, Basis]:
    """The page's footnotes that name the program, by marker."""
    out: dict[str, Basis] = {}
    for n, m in enumerate(_FOOTNOTE.finditer(page)):
        if n >= limit:
            break
        basis = names_program(m.group(2))
        if basis:
            out.setdefault(m.group(1), basis)
    return out


def in_scope(
    block: list[Unit], doc: Basis | None, above: Above | None = None
) -> Iterator[tuple[int, Basis, bool]]:
    """Units of the block about the program: (index, basis, named in the unit itself). A
    short block (an agenda item, a news paragraph) is one topic; in a long one only the
    mention's sentence, the one before and the two after count, and then only when they
    point back to the program. Rows count alone, under a heading that names it or with a
    footnote that does. Under ``above.item`` (a money section) every sentence counts; under
    ``above.title`` those that point back to the program. Lazy, so a caller that stops early
    has not paid for the rest of a huge block."""
    above = above or Above()
    ice = any(ICE.search(u.text) for u in block[:50]) or bool(
        len(block) > 50 and ICE.search("\n".join(u.text for u in block[50:]))
    )
    marks: dict[int, Basis | None] = {}

    def mark(i: int) -> Basis | None:
        if i not in marks:
            marks[i] = _basis(block[i].text, ice, doc)
        return marks[i]

    headings: dict[str, Basis | None] = {}
    short = sum(not u.row for u in block) <= 6
    first = None
    if short:
        first = next((m for i, u in enumerate(block) if not u.row and (m := mark(i))), None)
    first = first or above.item
    for i, unit in enumerate(block):
        basis = mark(i)
        if basis is not None:
            yield i, basis, True
        elif unit.row:
            inherited = _row_basis(unit, above, headings, lambda h: _basis(h, ice, doc))
            if inherited:
                yield i, inherited, False
        else:
            window = range(max(0, i - 2), min(len(block), i + 2))
            near = next((m for j in window if not block[j].row and (m := mark(j))), None)
            basis = (first if short else (near or above.item)) or above.title
            if basis is not None and (above.item or TOPIC_LINK.search(unit.text)):
                yield i, basis, False


def _row_basis(
    unit: Unit,
    above: Above,
    headings: dict[str, Basis | None],
    basis_of: Callable[[str], Basis | None],
) -> Basis | None:
    """Why a row that does not name the program is about it, if it is."""
    if unit.heading and unit.heading not in headings:
        headings[unit.heading] = basis_of(unit.heading)
    inherited = (headings.get(unit.heading) if unit.heading else None) or above.item
    lead_in = not unit.heading or unit.heading.rstrip().endswith(":")
    linked = lead_in and bool(TOPIC_LINK.search(f"{unit.heading} {unit.text}"))
    if not inherited and above.title and linked:
        inherited = above.title  # a table of a report about the program ("Five-Year Impact:")
    if not inherited and above.footnotes and (m := _MARK.search(unit.text)):
        inherited = above.footnotes.get(m.group(1))  # "State - Immigration Grant (1)"
    return None if inherited is None or OTHER_UNIT.search(unit.text) else inherited
