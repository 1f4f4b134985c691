"""287(g) cost figures out of a document's text.

Two steps, in this order: find the passages about 287(g) (``passages``: the program's
spellings, its model names, an ICE agreement about immigration enforcement, and indirect
names inside a document that names it), then read the dollar figures of those passages
(``amounts``), each with its kind, period and place (``kinds``) and fiscal year (``fiscal``).
Figures in a clause about other federal money (SCAAP, U.S. Marshals, an IGSA), false friends
("Ice Miller LLP") and whole-budget totals are skipped unless 287(g) is named in that very
clause. The same money said twice in a document ("close to $1M", "$991,279") is one figure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from watcher.costs.amounts import Amount, find_amounts
from watcher.costs.figure import CostFigure, CostScan
from watcher.costs.fiscal import FiscalMention, fiscal_mentions, year_for
from watcher.costs.kinds import (
    LEAD_KINDS,
    Kind,
    Period,
    is_total,
    kind_of,
    period_of,
)
from watcher.costs.merge import merge_republished, same_money
from watcher.costs.passages import (
    FALSE_FRIEND,
    MODEL,
    OTHER_PROGRAM,
    R287G,
    Basis,
    Scope,
    Unit,
    blocks,
    footnotes,
    in_scope,
    names_program,
    page_basis,
)
from watcher.costs.where import dominant_place, place_of
from watcher.formats.text import ExtractedText, document_date_from_text

__all__ = [
    "CostFigure",
    "CostScan",
    "Kind",
    "Period",
    "cost_notes",
    "document_date_from_text",
    "find_cost_figures",
    "merge_republished",
    "scan_costs",
]

MAX_PAGE_LINES = 200_000  # a budget page has hundreds; past this the page is hostile
MAX_UNITS = 300_000  # sentences and rows looked at in one document (a 2,000-page book: ~150,000)
_CLAUSE_BREAK = re.compile(r";|\s\|\s|\t")
_SPLIT = re.compile(r",|;|\band\b|\bwhile\b|\bbut\b|\bwhereas\b|\bplus\b", re.I)
# "larger than the $650,000 the library lost": money named only to compare with.
_COMPARED = re.compile(
    r"(?:\b(?<!more )(?<!less )(?<!fewer )than|\bcompared\s+(?:to|with)|\bversus|\bvs\.?)"
    r"\s+(?:the\s+|a\s+)?$",
    re.I,
)
_LOCAL_SHARE = re.compile(r"\bmatch\b|\bshare\b|\bnet\b|\bcounty\s+cost\b", re.I)
_INCOMING_LABEL = re.compile(
    r"(?<!general )\b(?:revenues?|reimburs\w*|reimb|grants?|receipts?)\b", re.I
)
_COMPARISON = re.compile(
    r"^(?:that|this|it)\s+(?:is|was|'s|would\s+be|equals?)\s+(?:\w+\s+){0,2}?(?:what|as\s+much\s+as"
    r"|the\s+same\s+as|equal\s+to|twice|half|double|enough\s+to|comparable\s+to|similar\s+to"
    r"|more\s+than\s+(?:what|the))\b",
    re.I,
)
_CONTINUES = re.compile(
    r"^(?![^.;]*\b(?:county|city|local|here|our|its\s+own)\b)[^.;]{0,40}\b(?:to|then)\s+"
    r"(?:about\s+|roughly\s+|nearly\s+)?$",
    re.I,
)
_CONTRAST = re.compile(
    r"\b(?:predates?|predating|separate(?:ly)?\s+from|unlike|outside(?:\s+of)?|apart\s+from"
    r"|rather\s+than|not\s+(?:under|through))\s+(?:the\s+)?(?:\w+\s+){0,2}287",
    re.I,
)
_INCLUDING = re.compile(r"\b(?:including|of\s+which|among\s+them)\b", re.I)
_NOT_PROGRAM = re.compile(
    r"\bnot\s+(?:part\s+of|related\s+to|included\s+in|connected\s+(?:to|with)|tied\s+to)\b"
    r"|\bunrelated\s+to\b|\bseparate(?:ly)?\s+from\b|\bnever\s+(?:been\s+)?part\s+of\b",
    re.I,
)
KEY_TERMS = (
    (re.compile(r"\bsheriff", re.I), "sheriff"),
    (re.compile(r"\bconstable", re.I), "constable"),
    (re.compile(r"\bpolice\b", re.I), "police"),
    (re.compile(r"\b(?:precinct|pct\.?)\s*(?:no\.?\s*)?(\d+)", re.I), "precinct-{}"),
    (re.compile(r"\btask\s+force\b", re.I), "task-force"),
    (re.compile(r"\bjail\s+enforcement\b", re.I), "jail-enforcement"),
    (re.compile(r"\bwarrant\s+service\b", re.I), "warrant-service"),
)


@dataclass(frozen=True)
class _Where:
    page: int | None
    url: str
    date: dt.date | None
    home: str | None


def find_cost_figures(
    text: ExtractedText, *, url: str, doc_date: dt.date | None
) -> list[CostFigure]:
    """Every 287(g) dollar figure of a document, in reading order, each once."""
    return scan_costs(text, url=url, doc_date=doc_date).figures


def scan_costs(
    text: ExtractedText,
    *,
    url: str,
    doc_date: dt.date | None,
    max_candidates: int = 5000,
    home: str | None = None,
) -> CostScan:
    """find_cost_figures with notes. A real agenda or budget has dozens of 287(g) figures;
    past ``max_candidates`` (or a page of more than ``MAX_PAGE_LINES`` lines) the document
    is hostile or not one, and the search stops with a note. ``home`` is the county the
    document is about ("Knox County" or "Knox"); by default the county it names most."""
    doc = next((b for p in text.pages if (b := names_program(p))), None)
    notes = list(text.notes)
    if doc is None and not any(page_basis(p, None) for p in text.pages):
        if not text.scanned:
            notes.append(_why_no_figures(text))
        return CostScan([], notes)
    home = home or dominant_place(text.pages)
    found: list[CostFigure] = []
    candidates = units = 0
    for index, page_text in enumerate(text.pages):
        if not page_basis(page_text, doc):
            continue  # most pages of a budget book: skip before any splitting
        # A PDF page or a workbook's sheet; other formats are one page.
        page = index + 1 if text.format in ("pdf", "xlsx") else None
        where = _Where(page, url, doc_date, home)
        if page_text.count("\n") > MAX_PAGE_LINES:
            page_text = "\n".join(page_text.split("\n", MAX_PAGE_LINES)[:MAX_PAGE_LINES])
            at = f" of page {page}" if page else ""
            notes.append(f"figure search stopped at line {MAX_PAGE_LINES:,}{at}: page too long")
        scope = Scope(footnotes(page_text))
        last = ""  # the end of the block before: what a first sentence may point back to
        for block in blocks(page_text):
            above = scope.enter(block)
            units += len(block)
            if units > MAX_UNITS:
                at = f" (page {page})" if page else ""
                notes.append(f"figure search stopped after {MAX_UNITS:,} sentences and rows{at}")
                return CostScan(same_money(found), notes)
            two_sided = _two_sided(block)
            scope.about = None
            for i, basis, named in in_scope(block, doc, above):
                if not block[i].row:
                    scope.about = scope.about or basis
                context = " ".join(u.text for u in block[max(0, i - 2) : i + 3])[:1500]
                prior = "" if block[i].row else " ".join(u.text for u in block[max(0, i - 3) : i])
                prior = f"{last} {prior}" if i < 2 and not block[i].row else prior
                new = _figures(block[i], basis, named, (context, prior[-600:]), where, two_sided)
                candidates += len(new)
                found.extend(new)
                if candidates >= max_candidates:
                    at = f" (page {page})" if page else ""
                    notes.append(f"figure search stopped at {candidates:,} candidates{at}")
                    return CostScan(same_money(found), notes)
            last = " ".join(u.text for u in block[-2:] if not u.row)[-600:]
    figures = same_money(found)
    if not figures and not text.scanned:
        notes.append(_why_no_figures(text))
    return CostScan(figures, notes)


def cost_notes(text: ExtractedText, figures: list[CostFigure]) -> list[str]:
    """The notes of ``scan_costs`` for figures found with ``find_cost_figures``: the reader's
    notes, and why there are no figures when there are none (the search caps, which only
    ``scan_costs`` can see, aside)."""
    notes = list(text.notes)
    if not figures and not text.scanned:
        notes.append(_why_no_figures(text))
    return notes


def _why_no_figures(text: ExtractedText) -> str:
    named = [i + 1 for i, p in enumerate(text.pages) if R287G.search(p) or MODEL.search(p)]
    if not named:
        return "no 287(g) mention in the document"
    if text.format == "pdf":
        shown = ", ".join(map(str, named[:10])) + (" ..." if len(named) > 10 else "")
        return f"287(g) is named (pages {shown}) but no dollar figure goes with it"
    return "287(g) is named but no dollar figure goes with it"


# --- Figures ----------------------------------------------------------------------------------


def _two_sided(block: list[Unit]) -> bool:
    """A table that lists money coming in ("Federal Revenue - ICE 287(g)") beside other lines:
    those other lines are the spending side, whatever the heading says the money is."""
    return any(
        u.row and _INCOMING_LABEL.search(_row_label(u.text)) and find_amounts(u.text, row=True)
        for u in block
    )


def _lead_kind(heading: str | None) -> Kind | None:
    """A grant or reimbursement that a table's lead-in says its rows are ("Accept the ...
    Grant award ... as follows:"); the rows then say what the money is for, not its kind."""
    if not heading:
        return None
    words = re.sub(r"\|\s*[A-Za-z ]+$", "", heading) if " | " in heading else heading
    return next((k for p, k in LEAD_KINDS if p.search(words)), None)


def _row_label(text: str) -> str:
    """A row's cells that hold no figure: its label, and a cell's column year."""
    words = []
    for cell in text.split(" | "):
        amounts = find_amounts(cell, row=True)
        words.append(cell[: amounts[0].start] if amounts else cell)  # "Grant amount: $100,000"
    return " ".join(w for w in words if w.strip())


def _figures(
    unit: Unit,
    basis: Basis,
    named: bool,
    around: tuple[str, str],
    where: _Where,
    two_sided: bool = False,
) -> list[CostFigure]:
    """The figures of one unit; ``around`` is the text near it and the sentences before it."""
    text = unit.text
    context, prior = around
    amounts = find_amounts(text, row=unit.row)
    if not amounts:
        return []
    keys = _key_terms(text if named or not unit.heading else f"{unit.heading} {text}")
    years = fiscal_mentions(text, where.date)
    spans = [(a.start, a.end) for a in amounts]
    section = {"cost": "costs", "revenue": "revenue", None: ""}[unit.section]
    fallback = [section] if two_sided else [unit.heading or "", section]
    label = _row_label(text) if unit.row else ""
    lead = _lead_kind(unit.heading) if unit.row and not two_sided else None
    # "That is about what the county pays for its parks, $3.5 million": money to compare with.
    compared = not unit.row and bool(_COMPARISON.match(text)) and not R287G.search(text)
    out: list[CostFigure] = []
    previous: Kind | None = None
    for i, amount in enumerate(amounts):
        lo = amounts[i - 1].end if i else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        before, after = _clause(text[lo : amount.start], tail=True), _clause(text[amount.end : hi])
        implied = i and amounts[i - 1].unit == "day" and abs(amounts[i - 1].value) < 1000
        if implied and amount.unit is None and abs(amount.value) < 1000:
            amount = dataclasses.replace(amount, unit="day")  # "$118 a day ... gets back $79"
        if unit.row and not re.search(r"[A-Za-z]{3}", before):
            before = f"{label} {before}"  # a cell's figure is described by the row's label
        if compared or _skipped(unit, amount, (before, after), not i, named):
            continue
        kind = kind_of(
            text,
            amount,
            before,
            after,
            previous=previous,
            first=not i or unit.row,
            fallback=fallback,
            prior=prior,
        )
        if lead and kind in ("cost", "unknown") and not _LOCAL_SHARE.search(label):
            kind = lead  # "Detention bed costs (IGP-B): $401,200" under "The award is ... :"
        previous = kind
        year = year_for(years, spans, i, row=unit.row)
        why = (basis, keys, context)
        figure = _figure(unit, amount, (before, after), kind, year, why, where)
        if figure.jurisdiction is None and out and _CONTINUES.search(before):
            # "nationwide rose from $5 million in fiscal 2006 to $68 million": the same place.
            figure = dataclasses.replace(figure, jurisdiction=out[-1].jurisdiction)
        out.append(figure)
    return out


def _figure(
    unit: Unit,
    amount: Amount,
    clause: tuple[str, str],
    kind: Kind,
    year: FiscalMention | None,
    why: tuple[Basis, tuple[str, ...], str],
    where: _Where,
) -> CostFigure:
    (before, after), (basis, keys, context) = clause, why
    place = place_of(before, after)
    return CostFigure(
        amount=amount.value,
        kind=kind,
        fiscal_year=year.canonical if year else None,
        period=period_of(unit.text, amount, before, after, kind),
        sentence=unit.text,
        page=where.page,
        url=where.url,
        doc_date=where.date,
        context=context,
        raw=amount.raw,
        basis=basis,
        key_terms=keys,
        amount_high=amount.high,
        hedge=amount.hedge,
        unit=amount.unit,
        fiscal_text=year.written if year else None,
        jurisdiction=place if place and not _same_place(place, where.home) else None,
    )


def _skipped(unit: Unit, amount: Amount, clause: tuple[str, str], first: bool, named: bool) -> bool:
    """Money in the passage that is not program money: another program's, a whole budget,
    money "not part of the program", a figure named to compare with, or a total written
    before the 287(g) part of it."""
    text, (before, after) = unit.text, clause
    # "ICE pays $92 a day, while the Marshals pay $81": each amount's own part.
    own = f"{before if first else _SPLIT.split(before)[-1]} {_SPLIT.split(after)[0]}"
    if _other_money(own, unit) or is_total(text, amount, before, unit.row, program=not named):
        return True
    contrast = _CONTRAST.search(text, 0, amount.start)
    if contrast and not R287G.search(text, contrast.end() + 6, amount.start):
        return True  # "Under a detention contract that predates the 287(g) agreement, ICE pays"
    if _NOT_PROGRAM.search(f"{before} {after}") or _COMPARED.search(before[-30:]):
        return True  # "$1.9 million: the food contract, which is not part of the program"
    # "$2.4 million in federal funds, including $600,000 tied to 287(g)"
    return named and _whole_of_a_287g_part(text, amount.start, after)


def _same_place(place: str, home: str | None) -> bool:
    """ "Knox County" is home whether the caller says "Knox County" or "Knox"."""
    if home is None:
        return False
    strip = re.compile(r"\s+(?:county|parish|borough)$", re.I)
    return strip.sub("", place).casefold() == strip.sub("", home.strip()).casefold()


def _whole_of_a_287g_part(text: str, start: int, after: str) -> bool:
    """A total written before the 287(g) part of it, when only the part names the program."""
    named_later = R287G.search(text, start) or MODEL.search(text, start)
    head = text[:start]
    if not named_later or R287G.search(head) or MODEL.search(head):
        return False
    # "requests $14.2 million, an increase of $610,000, of which $455,000 ... 287(g)"
    return bool(_INCLUDING.search(after) or _INCLUDING.search(text, start, named_later.start()))


def _other_money(clause: str, unit: Unit) -> bool:
    """SCAAP, Marshals, IGSA and false friends: not 287(g) money unless 287(g) is named in
    the same clause (a row: in the row itself)."""
    if R287G.search(clause) or MODEL.search(clause):
        return False
    own = unit.text if unit.row else clause
    return bool(OTHER_PROGRAM.search(own) or FALSE_FRIEND.search(own))


def _clause(segment: str, *, tail: bool = False) -> str:
    """The part of the text between two amounts that belongs to the same clause as ours."""
    parts = _CLAUSE_BREAK.split(segment)
    return parts[-1] if tail else parts[0]


def _key_terms(text: str) -> tuple[str, ...]:
    terms = set()
    for pattern, label in KEY_TERMS:
        for m in pattern.finditer(text):
            terms.add(label.format(*m.groups()))
    return tuple(sorted(terms))
