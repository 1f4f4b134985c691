"""287(g) cost figures out of a document's text.

Two steps, in this order: find the passages about 287(g) (the program's spellings, its three
model names, or an ICE agreement about immigration enforcement), then read dollar figures only
from the sentences of those passages. Sentences about other federal money that sits next to
287(g) in sheriff budgets (SCAAP, U.S. Marshals housing) and the "Ice Miller LLP" kind of
false friend are skipped unless 287(g) is named in that very sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal, TypeVar

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

Kind = Literal["cost", "revenue", "reimbursement", "grant", "per_diem", "unknown"]
Period = Literal["annual", "monthly", "quarterly", "daily", "one-time"]
Basis = Literal["287(g)", "model", "ice-agreement"]
_L = TypeVar("_L", bound=str)

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
OTHER_PROGRAM = re.compile(
    r"\bSCAAP\b|state\s+criminal\s+alien\s+assistance|\bU\.?\s?S\.?\s+marshals?\b|\bUSMS\b"
    r"|marshals?\s+service|bureau\s+of\s+prisons",
    _I,
)
FALSE_FRIEND = re.compile(r"\bice\s+(?:miller|house\s+r(?:oa)?d|plant)\b|\bde-?icing\b", _I)
ANY_MENTION = re.compile(f"{R287G.pattern}|{MODEL.pattern}|{ICE.pattern}", _I)

# A minus right after a figure ("$2M - $3M") is a range dash, not a sign.
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*-?\s*(?P<scale>million|billion|thousand|mil|[mbk])\b)?"
AMOUNT = re.compile(
    r"(?P<paren>\(\s*)?(?P<minus>(?<![\d)kKmMbB])(?<![\d)kKmMbB]\s)[-−])?"
    rf"\$\s*(?P<paren2>\()?(?P<num>{_NUM}){_SCALE}"
    r"(?P<close>\s*\))?"
    rf"|\((?P<pnum>\d{{1,3}}(?:,\d{{3}})+(?:\.\d\d)?)\)"
    rf"|(?P<dnum>{_NUM})(?:\s+(?P<dscale>million|billion))?\s+dollars\b",
    _I,
)
# Table cells hold bare figures: grouped, five digits and more, or cents; never a year.
ROW_AMOUNT = re.compile(
    r"(?<![\w.,/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d{5,}(?:\.\d\d)?"
    r"|\d+\.\d\d)(?![\w.,/-])"
)
_SCALES = {"thousand": 1000, "k": 1000, "million": 10**6, "mil": 10**6, "m": 10**6}
_SCALES |= {"billion": 10**9, "b": 10**9}

KIND_WORDS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"\bgrants?\b|\bawards?(?:ed)?\b", _I), "grant"),
    (re.compile(r"\breimburs\w*|\bstipends?\b|\brecover(?:y|ies|ed)\b", _I), "reimbursement"),
    (re.compile(r"\brevenues?\b|\bincome\b|\breceipts?\b|\breceiv\w+|\bgenerat\w+", _I), "revenue"),
    (
        re.compile(
            r"\bcosts?\b|\bexpen\w+|\bsalar\w+|\bovertime\b|\bpositions?\b|\bspen[dt]\w*"
            r"|\bbudget\w*|\bdeficit\b|\bpurchase\w*",
            _I,
        ),
        "cost",
    ),
    (re.compile(r"\bnet\b", _I), "unknown"),  # a net figure is neither cost nor revenue
)
PERIOD_WORDS: tuple[tuple[re.Pattern[str], Period], ...] = (
    (re.compile(r"\bone[\s-]time\b|\bstart[\s-]?up\b|\bnon[\s-]?recurring\b", _I), "one-time"),
    (
        re.compile(
            r"\bannual(?:ly|ized)?\b|\bper\s+(?:year|annum)\b|\ba\s+year\b|\beach\s+year\b"
            r"|\byearly\b|/\s*(?:yr|year)\b|(?<!non-)(?<!non)\brecurring\b",
            _I,
        ),
        "annual",
    ),
    (re.compile(r"\bmonthly\b|\bper\s+month\b|\ba\s+month\b|/\s*mo(?:nth)?\b", _I), "monthly"),
    (re.compile(r"\bquarterly\b|\bper\s+quarter\b|\ba\s+quarter\b", _I), "quarterly"),
)
PER_DAY_AFTER = re.compile(
    r"^\W{0,3}(?:/\s*(?:day|night)\b|(?:per|a|each)\s+(?:[\w-]+,?\s+(?:per\s+)?){0,4}?"
    r"(?:day|night|diem)\b|per\s+bed\b)",
    _I,
)
PER_DIEM_BEFORE = re.compile(r"\bper[\s-]diem\b|\bdaily\s+rate\b|\bbed[\s-]day", _I)
FISCAL_YEAR = re.compile(
    r"\b(?:FY|F\.Y\.|fiscal\s+year|fiscal)\s*'?(?P<a>\d{4}|\d{2})"
    r"(?:\s*(?:-|–|/|to)\s*'?(?P<b>\d{4}|\d{2}))?(?!\d)"
    r"|\b(?P<c>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<d>\d{2}|\d{4}))?\s+(?:adopted|proposed|approved"
    r"|recommended|amended|operating)\s+budget\b",
    _I,
)
KEY_TERMS = (
    (re.compile(r"\bsheriff", _I), "sheriff"),
    (re.compile(r"\bconstable", _I), "constable"),
    (re.compile(r"\bpolice\b", _I), "police"),
    (re.compile(r"\b(?:precinct|pct\.?)\s*(?:no\.?\s*)?(\d+)", _I), "precinct-{}"),
    (re.compile(r"\btask\s+force\b", _I), "task-force"),
    (re.compile(r"\bjail\s+enforcement\b", _I), "jail-enforcement"),
    (re.compile(r"\bwarrant\s+service\b", _I), "warrant-service"),
)


@dataclass(frozen=True)
class CostFigure:
    """One dollar figure read from a 287(g) passage of one document.

    ``amount`` is in dollars, negative when written as ``(1,234)``; ``raw`` is as written.
    ``fiscal_year`` is canonical ``"FY2026"`` (named by the year it ends). ``basis`` says why
    the passage counted: the 287(g) name, a model name, or an ICE immigration-enforcement
    agreement (possibly a detention contract, not 287(g) itself).
    """

    amount: Decimal
    kind: Kind
    fiscal_year: str | None
    period: Period | None
    sentence: str
    page: int | None
    url: str
    doc_date: dt.date | None
    context: str
    raw: str
    basis: Basis
    key_terms: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        """Equal for the same figure wherever it is republished: amount, kind, year and the
        agency/model words, but not the wording, URL or date of the document."""
        parts = [format(self.amount.normalize(), "f"), self.kind, self.fiscal_year or ""]
        raw = "|".join([*parts, *self.key_terms])
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


@dataclass
class _Unit:
    text: str
    row: bool


def find_cost_figures(
    text: ExtractedText, *, url: str, doc_date: dt.date | None
) -> list[CostFigure]:
    """Every 287(g) dollar figure of a document, in reading order, each once."""
    return scan_costs(text, url=url, doc_date=doc_date).figures


@dataclass(frozen=True)
class CostScan:
    """A document's figures and what to say beside them: what could not be read, and why
    there are no figures (no 287(g) mention at all, or a mention with no dollar amount)."""

    figures: list[CostFigure]
    notes: list[str]


def scan_costs(
    text: ExtractedText, *, url: str, doc_date: dt.date | None, max_candidates: int = 5000
) -> CostScan:
    """find_cost_figures with notes. A real agenda or budget has dozens of 287(g) figures;
    past ``max_candidates`` the document is hostile or not one, and the search stops."""
    seen: set[str] = set()
    out: list[CostFigure] = []
    notes = list(text.notes)
    candidates = 0
    for index, page_text in enumerate(text.pages):
        if not _may_mention(page_text):
            continue  # most pages of a budget book: skip before any splitting
        page = index + 1 if text.format == "pdf" else None
        for block in _blocks(page_text):
            for at, basis in _in_scope(block):
                context = " ".join(u.text for u in block[max(0, at - 2) : at + 3])[:1500]
                found = _figures(block[at], basis, context, page=page, url=url, date=doc_date)
                candidates += len(found)
                for figure in found:
                    if figure.fingerprint not in seen:
                        seen.add(figure.fingerprint)
                        out.append(figure)
                if candidates >= max_candidates:
                    where = f" (page {page})" if page else ""
                    notes.append(f"figure search stopped at {candidates:,} candidates{where}")
                    return CostScan(out, notes)
    if not out and not text.scanned:
        notes.append(_why_no_figures(text))
    return CostScan(out, notes)


def cost_notes(text: ExtractedText, figures: list[CostFigure]) -> list[str]:
    """The notes of ``scan_costs`` for figures found with ``find_cost_figures``: the reader's
    notes, and why there are no figures when there are none (the search cap, which only
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


def _may_mention(page: str) -> bool:
    # Substring tests first: a regex pass over every page of a 500-page book costs more
    # than the rest of the search put together.
    if "287" not in page and "ICE" not in page:
        low = page.lower()
        if "immigration" not in low and "model" not in low and "warrant" not in low:
            return False
    return bool(ANY_MENTION.search(page) or IMMIGRATION_ENF.search(page))


def merge_republished(figures: Iterable[CostFigure]) -> list[CostFigure]:
    """One figure per fingerprint across documents, keeping the earliest publication."""
    best: dict[str, CostFigure] = {}
    for figure in figures:
        kept = best.get(figure.fingerprint)
        if kept is None or _earlier(figure.doc_date, kept.doc_date):
            best[figure.fingerprint] = figure
    return list(best.values())


def _earlier(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and (b is None or a < b)


# --- Passages ---------------------------------------------------------------------------------

_ITEM_START = re.compile(
    r"^(?:\d{1,3}[.)]\s|[A-Z][.)]\s|\(\w{1,3}\)\s|[•▪●◦*-]\s|item\s+\d"
    r"|[A-Z][\w /&'-]{0,40}:\s)",
    _I,
)
_ROW = re.compile(r" \| |\t|\S {3,}\S")
_ABBREV = re.compile(
    r"(?:\b(?:U\.S|Mr|Mrs|Ms|Dr|No|Nos|Inc|Co|Corp|Ltd|St|Pct|Dept|Sec|Art|vs|approx|est|Jan|Feb"
    r"|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|\b[A-Z])\.$",
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")


def _blocks(page_text: str) -> list[list[_Unit]]:
    """Paragraphs as lists of units (sentences, or table rows). A block starts at a blank
    line, a numbered or labelled item ("7.", "Agenda Item:", "FISCAL IMPACT:") or the end of a
    table, so one agenda item's figures do not leak into the next."""
    page_text = page_text.replace("**", "").replace("__", "")
    blocks: list[list[_Unit]] = []
    block: list[_Unit] = []
    prose: list[str] = []

    def flush_prose() -> None:
        if prose:
            block.extend(_Unit(s, False) for s in _sentences(" ".join(prose)))
            prose.clear()

    for raw_line in page_text.split("\n"):
        line = raw_line.strip().lstrip(">").strip()
        is_row = bool(_ROW.search(line))
        in_table = bool(block) and block[-1].row and not prose
        if not line or _ITEM_START.match(line) or (in_table and not is_row):
            flush_prose()
            if block:
                blocks.append(block)
            block = []
        if not line:
            continue
        if is_row:
            flush_prose()
            block.append(_Unit(" ".join(line.split()), True))
        elif prose and prose[-1].endswith("-") and line[:1].islower():
            prose[-1] = prose[-1][:-1] + line  # a word hyphenated across lines
        else:
            prose.append(line)
    flush_prose()
    if block:
        blocks.append(block)
    return blocks


def _sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # Only the last few characters decide; slicing from ``start`` is quadratic on a
        # 5 MB page with no sentence breaks.
        if _ABBREV.search(text[max(start, match.start() - 12) : match.start() + 1]):
            continue
        out.append(text[start : match.start() + 1])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return [piece for sentence in out for piece in _cap(sentence)]


def _cap(sentence: str, limit: int = 1500) -> list[str]:
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


def _basis(sentence: str, ice_in_block: bool) -> Basis | None:
    if R287G.search(sentence):
        return "287(g)"
    if MODEL.search(sentence):
        return "model"
    if ICE.search(sentence) and (AGREEMENT.search(sentence) or IMMIGRATION_ENF.search(sentence)):
        return "ice-agreement"
    if ice_in_block and IMMIGRATION_ENF.search(sentence):
        return "ice-agreement"  # "... immigration enforcement functions" in an item about ICE
    return None


def _in_scope(block: list[_Unit]) -> list[tuple[int, Basis]]:
    """Units of the block close enough to a 287(g) mention to be about it. A short block (an
    agenda item) is one topic; in a long one (a PDF page with no paragraph breaks) only the
    mention's sentence, the one before and the two after count. Table rows count alone or
    under a heading that names the program."""
    ice = any(ICE.search(u.text) for u in block)
    marks = [_basis(u.text, ice) for u in block]
    if not any(marks):
        return []
    heading = marks[0] if not block[0].row and not _has_amount(block[0]) else None
    first = next(m for m in marks if m)
    short = len(block) <= 6 and not any(u.row for u in block)
    out: list[tuple[int, Basis]] = []
    for i, unit in enumerate(block):
        near = [m for m in marks[max(0, i - 2) : i + 2] if m]
        basis = marks[i] or (heading if unit.row else None)
        if basis is None and not unit.row:
            basis = first if short else (near[0] if near else None)
        if basis is None:
            continue
        named = R287G.search(unit.text) or MODEL.search(unit.text)
        if not named and (OTHER_PROGRAM.search(unit.text) or FALSE_FRIEND.search(unit.text)):
            continue  # SCAAP, Marshals, "Ice Miller LLP": not 287(g) money
        out.append((i, basis))
    return out


def _has_amount(unit: _Unit) -> bool:
    return bool(AMOUNT.search(unit.text))


# --- Figures ----------------------------------------------------------------------------------

_RANGE_SCALE = re.compile(
    r"\$\s*(\d[\d,]*(?:\.\d+)?)\s*(-|–|—|to)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*"
    r"(million|billion|[mbk])\b",
    _I,
)
_CLAUSE_BREAK = re.compile(r";|\s\|\s|\t")


def _figures(
    unit: _Unit,
    basis: Basis,
    context: str,
    *,
    page: int | None,
    url: str,
    date: dt.date | None,
) -> list[CostFigure]:
    # "$2.0-2.3M": the scale written once applies to both ends of the range.
    text = _RANGE_SCALE.sub(r"$\1\4 to $\3\4", unit.text)
    spans = _amount_spans(text, unit.row)
    if not spans:
        return []
    keys = _key_terms(text)
    out = []
    for i, (start, end, amount) in enumerate(spans):
        lo = spans[i - 1][1] if i else 0
        hi = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        before, after = _clause(text[lo:start], tail=True), _clause(text[end:hi], tail=False)
        kind = _kind(text, start, end, before, after)
        period = _nearest(PERIOD_WORDS, before, after) or _nearest(PERIOD_WORDS, text[:start], "")
        if period is None and kind == "per_diem":
            period = "daily"
        out.append(
            CostFigure(
                amount=amount,
                kind=kind,
                fiscal_year=_fiscal_year(text, start, before, after),
                period=period,
                sentence=unit.text,
                page=page,
                url=url,
                doc_date=date,
                context=context,
                raw=text[start:end].strip(),
                basis=basis,
                key_terms=keys,
            )
        )
    return out


def _amount_spans(text: str, row: bool) -> list[tuple[int, int, Decimal]]:
    spans: list[tuple[int, int, Decimal]] = []
    for m in AMOUNT.finditer(text):
        amount = _to_amount(m)
        if amount is not None:
            spans.append((m.start(), m.end(), amount))
    if row:
        # Digits inside a figure already read, or inside "FY 2025-26", are not money.
        taken = [(s, e) for s, e, _ in spans] + [y.span() for y in FISCAL_YEAR.finditer(text)]
        for m in ROW_AMOUNT.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            spans.append((m.start(), m.end(), Decimal(m.group("num").replace(",", ""))))
        spans.sort()
    return spans


def _to_amount(m: re.Match[str]) -> Decimal | None:
    digits = m.group("num") or m.group("pnum") or m.group("dnum")
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    scale = (m.group("scale") or m.group("dscale") or "").lower()
    if scale:
        value *= _SCALES[scale]
    # "($1,234)" is a negative; "($539,341 a year)" is an aside in brackets.
    bracketed = bool(m.group("paren") or m.group("paren2")) and bool(m.group("close"))
    negative = bool(m.group("minus") or m.group("pnum") or bracketed)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return -value if negative else value


def _clause(segment: str, *, tail: bool) -> str:
    """The part of the text between two amounts that belongs to the same clause as ours."""
    parts = _CLAUSE_BREAK.split(segment)
    return parts[-1] if tail else parts[0]


def _nearest(table: Iterable[tuple[re.Pattern[str], _L]], before: str, after: str) -> _L | None:
    best: tuple[float, _L] | None = None
    for pattern, label in table:
        for m in pattern.finditer(before):
            if best is None or len(before) - m.end() < best[0]:
                best = (len(before) - m.end(), label)
        hit = pattern.search(after)
        # Words right after a figure ("$89,975 start-up") bind tighter than words before.
        if hit and (best is None or hit.start() * 0.5 < best[0]):
            best = (hit.start() * 0.5, label)
    return best[1] if best else None


def _kind(text: str, start: int, end: int, before: str, after: str) -> Kind:
    if PER_DAY_AFTER.search(text[end : end + 60]) or PER_DIEM_BEFORE.search(before[-40:]):
        return "per_diem"
    found = _nearest(KIND_WORDS, before, after) or _nearest(KIND_WORDS, text[:start], text[end:])
    return found or "unknown"


def _fiscal_year(text: str, start: int, before: str, after: str) -> str | None:
    near: list[tuple[float, re.Match[str]]]
    near = [(len(before) - m.end(), m) for m in FISCAL_YEAR.finditer(before)]
    near += [(m.start() * 0.5, m) for m in FISCAL_YEAR.finditer(after)]
    if not near:  # a year set once for the sentence: "For FY2026, ... $X ..."
        near = [(abs(m.start() - start), m) for m in FISCAL_YEAR.finditer(text)]
    years = sorted((d, y) for d, m in near if (y := _canonical_year(m)))
    return years[0][1] if years else None


def _canonical_year(m: re.Match[str]) -> str | None:
    """FY2026 for "FY2026", "FY 2025-26", "fiscal year 2025-2026", "FY26"."""
    first = m.group("a") or m.group("c")
    second = m.group("b") or m.group("d")
    start = int(first) if len(first) == 4 else 2000 + int(first) - (100 if int(first) >= 70 else 0)
    end = start
    if second:
        if len(second) == 4:
            end = int(second)
        else:
            end = start - start % 100 + int(second)
            if end < start:
                end += 100  # "FY 1999-00"
        if not 0 <= end - start <= 1:
            return None  # "FY2014-2019": a span, not one fiscal year
    return f"FY{end}" if 1990 <= end <= 2100 else None


def _key_terms(text: str) -> tuple[str, ...]:
    terms = set()
    for pattern, label in KEY_TERMS:
        for m in pattern.finditer(text):
            terms.add(label.format(*m.groups()))
    return tuple(sorted(terms))
