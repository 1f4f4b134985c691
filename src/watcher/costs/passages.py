"""Which units of a page are about 287(g): sentences, table rows, line items and bullets.

The page's blocks and units come from ``watcher.costs.blocks``. A row, line item or bullet
counts only when its own text names the program, or it sits under a heading, a lead-in or a
report title that does, or carries a footnote mark whose footnote does; so neighbouring line
items, department totals and other programs' lines never join a 287(g) passage. A sentence
counts when it names the program, or sits near one (the same short paragraph, or two
sentences around) and points back to it; under an agenda item's money section ("FISCAL
IMPACT:") every sentence counts. ``Scope`` follows a page's blocks: the item a money section
belongs to, the title of a report or item, and the paragraph before one that points back
("Since October the arrangement ..."). Inside a document that names 287(g) or an ICE
agreement, "the ICE program", "the federal program", "the immigration enforcement unit" and
"designated immigration officers" name it too. Imports only ``watcher.costs.amounts`` and
``watcher.costs.blocks``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from watcher.costs.amounts import find_amounts
from watcher.costs.blocks import ITEM_START, TITLE_LABEL, Unit, blocks

__all__ = [
    "ANY_MENTION",
    "Above",
    "Basis",
    "Scope",
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
    r"|marshals?\s+service|bureau\s+of\s+prisons|\bIGSA\b|intergovernmental\s+service\s+agreement"
    r"|\bfederal\s+(?:prisoner|inmate)s?\b|\bjustice\s+assistance\s+grant|\bJAG\b|\bbyrne\b"
    r"|\bHIDTA\b|\bFEMA\b|\bCOPS\s+(?:grant|hiring)|\bbulletproof\s+vest|\bBVP\b|\bCongress\b"
    r"|\bcourt\s+order|\bconsent\s+decree|\bsettlement\b|\blitigation\b|\blawsuits?\b",
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
# Words of the program itself: a paragraph under a title counts only when one of its sentences
# has one ("Renewing the agreement ..."), not on "federal" or "officers" alone.
STRONG_LINK = re.compile(
    r"\b(?:program|unit|agreement|partnership|task\s+force|ICE|immigra\w+|287|detain\w*"
    r"|deport\w*|reimburs\w*|designated|MOA|memorandum|model|per[\s-]diem|arrangement"
    r"|stipends?)\b",
    _I,
)
TOPIC_LINK = re.compile(
    r"\b(?:program|unit|agreement|partnership|task\s+force|initiative|model|positions?"
    r"|deput(?:y|ies)|officers?|personnel|salar\w+|overtime|reimburs\w*|stipends?|ICE"
    r"|federal|immigra\w+|detain\w*|deport\w*|per[\s-]diem|net|impact|they|them"
    r"|(?<!fund\s)(?<!budget\s)transfers?(?!\s+of\s+\$)"
    r"|it\s+(?:would|will|could|costs?|has|had|is|was)|received|receives"
    r"|(?:that|this|the|each|those|these)\s+(?:check|payment|installment|award|amount|sum|gap"
    r"|shortfall|difference|loss|deficit)s?"
    r"|arrangement"
    r"|(?:our|its|their)\s+(?:county's\s+|city's\s+)?share"
    r"|(?:ending|ended|end|dropping|leaving|keeping|joining)\s+it)\b"
    r"|^(?:that|this)\s+(?:is|was|means|leaves|left|amounts|comes|adds)\b",
    _I,
)


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


def title_of(block: list[Unit]) -> bool | None:
    """True for a title block (a line or two without figures, not a sentence, or labelled
    "Subject:", "STAFF REPORT"), False for a block that starts another agenda item, else None:
    the title of a report or item heads the paragraphs below it until the next one."""
    texts = [u.text for u in block]
    limit = 400 if TITLE_LABEL.match(texts[0]) else 160
    short = len(block) <= 2 and all(len(t) <= limit for t in texts)
    titled = not texts[-1].rstrip().endswith(".") or bool(TITLE_LABEL.match(texts[0]))
    if short and titled and not any(find_amounts(u.text, row=u.row) for u in block):
        return True
    if _ITEM_PART.match(texts[0]) or FISCAL_SECTION.match(texts[0]):
        return None  # "Background: ..." is a part of the item above, not a new one
    return False if ITEM_START.match(texts[0]) else None


_ITEM_PART = re.compile(
    r"^(?:background|discussion|summary|analysis|recommendation|justification|purpose"
    r"|alternatives|staff\s+comments|fiscal\s+analysis|budget\s+context|other\s+matters"
    r"|department|requested\s+action|action\s+requested)\s*:",
    _I,
)


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
    names: frozenset[str] = frozenset()  # "HB 1142" of "IN RE: HB 1142 ... 287(g)": its name


_BILL = re.compile(r"\b(?:[HS]\.?\s?B|H\.?\s?F|S\.?\s?F|A\.?\s?B)\.?\s?(\d{1,5})\b")


def bill_names(text: str) -> frozenset[str]:
    """ "HB 1142", "S.B. 8" as "HB1142", "SB8"."""
    return frozenset(re.sub(r"[\s.]", "", m.group(0)).upper() for m in _BILL.finditer(text))


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

    linked: list[bool] = []

    def strong(i: int) -> bool:
        """Whether the paragraph (or, in a long block, the sentences around) names the
        program's own words."""

        def named(u: Unit) -> bool:
            return not u.row and bool(
                STRONG_LINK.search(u.text) or (above.names and bill_names(u.text) & above.names)
            )

        if not linked:
            linked.append(any(named(u) for u in block))
        return linked[0] if short else any(named(u) for u in block[max(0, i - 2) : i + 3])

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
            basis = first if short else (near or above.item)
            if basis is None and above.title and strong(i):
                basis = above.title
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


_BACK = re.compile(
    r"^(?:\W*\w+\s+){0,4}?(?:the|this|that)\s+(?:arrangement|agreement|program|unit|partnership"
    r"|deal|task\s+force)\b",
    re.I,
)
_MONEY_LINE = re.compile(r"^[A-Z][\w /&'()-]{0,40}:\s*[-(]?\$")


class Scope:
    """The agenda item and the title the blocks of a page are under. A money section
    ("FISCAL IMPACT:") and the "Revenue: $X" lines after it belong to the item above; a title
    heads what follows until the next title or item."""

    def __init__(self, notes: dict[str, Basis]) -> None:
        self.item: Basis | None = None
        self.title: Basis | None = None
        self.names: frozenset[str] = frozenset()
        self.in_money = False
        self.notes = notes
        self.about: Basis | None = None  # what the paragraph before was about, if anything

    def enter(self, block: list[Unit]) -> Above:
        """What ``block`` sits under."""
        line = self.in_money and len(block) <= 3 and bool(_MONEY_LINE.match(block[0].text))
        if continues_item(block) or line:
            self.in_money = True
            return Above(self.item, self.title, self.notes, self.names)
        self.in_money = False
        self.item = names_program(" ".join(u.text for u in block[:3]))
        is_title = title_of(block)
        if is_title is False or (is_title and self.item):
            self.title = self.item  # an item's title; a sub-heading ("Budget context") keeps it
            self.names = bill_names(" ".join(u.text for u in block)) if self.item else frozenset()
        # "Since October the arrangement has brought in ...": the paragraph before's topic.
        back = self.about if not block[0].row and _BACK.match(block[0].text) else None
        return Above(None, self.title or back, self.notes, self.names)
