"""Dollar amounts as documents write them, read out of one sentence or table row.

Forms: ``$539,341``, ``$1.2 million``, ``$3.2-million``, ``$250 Million``, ``$1M``, ``$540K``,
``$19 ,000`` (a PDF's stray space), ``($862,000)`` and ``(1,234)`` (negative), ``-$1,234``,
cents, ``1,500,000 dollars``, amounts in words ("one-point-seven million dollars"), ranges
("$60 to $70", "between $2M and $3M", "$2.0-2.3M": one amount with a high end), hedges written
just before ("nearly", "close to", "at least": kept as written) and per-unit rates after ("$84
for each day", "$92/day", "$7,500 per credentialed deputy"). Bare figures count only in table
rows. Pure functions on text; imports nothing from the rest of the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["FISCAL_SPAN", "Amount", "find_amounts"]

_I = re.I
# "$19 ,000": a PDF text layer sometimes puts a space before the thousands comma.
_NUM = r"\d{1,3}(?:\s?,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*-?\s*(?P<scale>million|billion|thousand|mil|[mbk])\b)?"
_AMOUNT = re.compile(
    r"(?P<paren>\(\s*)?(?P<minus>(?<![\d)kKmMbB])(?<![\d)kKmMbB]\s)[-−])?"
    rf"\$\s*(?P<paren2>\()?(?P<num>{_NUM}){_SCALE}"
    r"(?P<close>\s*\))?"
    rf"|\((?P<pnum>\d{{1,3}}(?:,\d{{3}})+(?:\.\d\d)?)\)"
    rf"|(?P<dnum>{_NUM})(?:\s+(?P<dscale>million|billion|thousand))?\s+dollars\b",
    _I,
)
# Table cells hold bare figures: grouped, five digits and more, or cents; never a year.
_ROW_AMOUNT = re.compile(
    r"(?<![\w.,/$-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d{5,}(?:\.\d\d)?"
    r"|\d+\.\d\d)(?![\w.,/-])"
)
# Years and spans a table row's bare digits must not be read as money.
FISCAL_SPAN = re.compile(r"\b(?:FY|fiscal(?:\s+year)?)\s*'?\d{2,4}(?:\s*[-–/]\s*'?\d{2,4})?", _I)
_SCALES = {"thousand": 1000, "k": 1000, "million": 10**6, "mil": 10**6, "m": 10**6}
_SCALES |= {"billion": 10**9, "b": 10**9}

_UNITS = {
    **{
        w: i
        for i, w in enumerate(
            ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        )
    },
    **{"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15},
    **{"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19},
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_TENS |= {"seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, "hundred", "point", "and", "a", "half"])
_WORDS = re.compile(
    rf"\b(?P<words>(?:(?:{_NUMBER_WORD})[\s-]+){{1,12}}?)"
    r"(?:(?P<scale>thousand|million|billion)\s+dollars?|dollars)\b",  # "a two-million dollar gap"
    _I,
)
_HEDGE = re.compile(
    r"(?:\b(?:nearly|almost|close\s+to|about|approximately|approx\.|roughly|around|some"
    r"|at\s+least|more\s+than|over|upwards\s+of|up\s+to|less\s+than|under|just\s+(?:under|over)"
    r"|well\s+over|an\s+estimated|estimated|as\s+much\s+as|no\s+more\s+than"
    r"|not\s+to\s+exceed|in\s+excess\s+of|perhaps|possibly|maybe|~))\s*$",
    _I,
)
_BARE_END = re.compile(
    r"\s*(?:-|–|—|to\b)\s*(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(?P<scale>million|billion|[mbk])\b)?",
    _I,
)
# "($862,000)" is a negative where a value goes ("is", "at", "costing", a colon, a table cell,
# the start); after a noun it is an aside: "adds two deputies ($158,400)" is $158,400.
_VALUE_SLOT = re.compile(
    r"(?:^|[:=|]|\b(?:is|was|are|were|be|been|at|of|by|costing|costs?|totals?|totall?ing|as|to|from"
    r"|in|and|or|line|net|impact|change|reduction|decrease|loss|projected|estimated|equals?))\s*$",
    _I,
)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", _I)
_RATE = re.compile(
    r"^\s*(?:/\s*(?P<slash>day|night|month|year|yr|hour|hr|bed|officer|deputy)\b"
    r"|(?:(?:for\s+)?(?:per|a|an|each|every)\s+)(?P<unit>(?:[a-z0-9][\w()'-]*,?\s+){0,3}?"
    r"(?:day|night|diem|bed|detainee|inmate|prisoner|person|officer|deputy|deputies|position"
    r"|hour|month|year|agent|participant|vehicle)s?)\b)",
    _I,
)
_THEN_DAY = re.compile(r"[\s,]*(?:(?:per|a|each)\s+)?(?:day|night)\b", _I)  # "per inmate day"
# "per year" and "a month" are periods, said elsewhere; the unit is what a rate is counted in.
_PERIOD_UNITS = frozenset({"year", "month"})


@dataclass(frozen=True)
class Amount:
    """One amount: where it is in the text, its value (and high end for a range), the
    words as written, a hedge written before it and the unit of a rate written after it."""

    start: int
    end: int
    value: Decimal
    raw: str
    high: Decimal | None = None
    hedge: str | None = None
    unit: str | None = None


def find_amounts(text: str, *, row: bool = False) -> list[Amount]:
    """Every amount of ``text`` in order, a range read as one amount."""
    spans, bare = _spans(text, row)
    out: list[Amount] = []
    i = 0
    while i < len(spans):
        start, end, value = spans[i]
        if start in bare:
            i += 1
            continue  # "$88,640 - 287(g) ...": a range's high end only when it makes a range
        high = None
        if i + 1 < len(spans) and _is_range(text, spans[i], spans[i + 1]):
            high, end = spans[i + 1][2], spans[i + 1][1]
            if value >= 1 and high >= 1000 * value:
                value = _whole(value * high / _unscaled(high))  # "$2.0-2.3M": one scale
            i += 1
        i += 1
        before = text[max(0, start - 30) : start]
        hedge = _HEDGE.search(before)
        unit = _rate_unit(text[end : end + 60])
        if hedge and before[: hedge.start()].lower().endswith("between "):
            hedge = None
        out.append(
            Amount(
                start=start,
                end=end,
                value=value,
                raw=text[start:end].strip(),
                high=high,
                hedge=" ".join(hedge.group(0).split()).lower() if hedge else None,
                unit=unit,
            )
        )
    return out


def _spans(text: str, row: bool) -> tuple[list[tuple[int, int, Decimal]], set[int]]:
    """The amounts' spans in order, and the starts of those that are only a range's high end
    written without its "$" ("$2.0-2.3M")."""
    spans: list[tuple[int, int, Decimal]] = []
    high_ends: set[int] = set()
    for m in _AMOUNT.finditer(text):
        amount = _to_amount(m)
        bracketed = amount is not None and amount < 0 and m.group(0).startswith("(")
        if bracketed and not _VALUE_SLOT.search(text[max(0, m.start() - 30) : m.start()]):
            amount = -amount if amount is not None else None
        if amount is not None:
            spans.append((m.start(), m.end(), amount))
    for _, end, _ in list(spans):
        # "$2.0-2.3M", "$60 to 70": the high end of a range written without its "$".
        bare = _BARE_END.match(text, end)
        if bare is not None:
            number = Decimal(bare.group("num").replace(",", ""))
            scale = (bare.group("scale") or "").lower()
            number = number * _SCALES[scale] if scale else number
            spans.append((bare.start("num"), bare.end(), _whole(number)))
            high_ends.add(bare.start("num"))
    for m in _WORDS.finditer(text):
        value = _words_value(m.group("words"), m.group("scale"))
        if value is not None and not any(s < m.end() and m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), value))
    if row:
        # Digits inside a figure already read, or inside "FY 2025-26", are not money.
        taken = [(s, e) for s, e, _ in spans] + [y.span() for y in FISCAL_SPAN.finditer(text)]
        loose = [
            b for b in _ROW_AMOUNT.finditer(text) if not any(s <= b.start() < e for s, e in taken)
        ]
        # Where the row writes money with commas, a plain run of digits is an account or
        # fund code ("51140  Salaries ...  436,250"); so is the row's first cell.
        grouped = bool(spans) or any("," in b.group("num") for b in loose)
        dollars = "$" in text
        for b in loose:
            num = b.group("num")
            code = "," not in num and "." not in num
            if code and (grouped or not text[: b.start()].strip()):
                continue
            if "," not in num and ("." in num or dollars):
                continue  # "4.00" positions, "3311.40" an object code: money says "$" or "1,234"
            spans.append((b.start(), b.end(), Decimal(b.group("num").replace(",", ""))))
    spans.sort()
    return spans, high_ends


def _to_amount(m: re.Match[str]) -> Decimal | None:
    digits = m.group("num") or m.group("pnum") or m.group("dnum")
    try:
        value = Decimal(re.sub(r"[\s,]", "", digits))
    except InvalidOperation:
        return None
    scale = (m.group("scale") or m.group("dscale") or "").lower()
    if scale:
        value *= _SCALES[scale]
    # "($1,234)" is a negative; "($539,341 a year)" is an aside in brackets.
    bracketed = bool(m.group("paren") or m.group("paren2")) and bool(m.group("close"))
    negative = bool(m.group("minus") or m.group("pnum") or bracketed)
    return -_whole(value) if negative else _whole(value)


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _unscaled(value: Decimal) -> Decimal:
    """The number as written before its scale word: 2300000 -> 2.3 (for "$2.0-2.3M")."""
    for scale in (10**9, 10**6, 10**3):
        if value >= scale and value % (scale // 100 or 1) == 0:
            return value / scale
    return value


def _is_range(text: str, a: tuple[int, int, Decimal], b: tuple[int, int, Decimal]) -> bool:
    if not _RANGE_JOIN.match(text[a[1] : b[0]]) or a[2] < 0 or b[2] < 0:
        return False
    lead = text[max(0, a[0] - 30) : a[0]].lower()
    joined_by_and = text[a[1] : b[0]].strip().lower() == "and"
    if joined_by_and and not lead.rstrip().endswith("between"):
        return False  # "$287,000 and $116,000" are two figures
    if lead.rstrip().endswith("from") and "rang" not in lead:
        return False  # "renegotiated from $61.57 to $120": a change, not a range
    low, high = a[2], b[2]
    return low < high or (low >= 1 and low * 1000 <= high)


def _rate_unit(after: str) -> str | None:
    m = _RATE.match(after)
    if m is None:
        return None
    unit = (m.group("slash") or m.group("unit") or "").lower().rstrip(",")
    unit = " ".join(unit.replace(",", "").split())
    if unit in ("yr",):
        unit = "year"
    if unit in ("hr",):
        unit = "hour"
    if unit.endswith("diem") or unit.split()[-1:] == ["day"] or _THEN_DAY.match(after, m.end()):
        unit = "day"  # "$125 per bed, per day": a bed-day rate
    return None if unit in _PERIOD_UNITS else unit or None


def _words_value(words: str, scale: str | None) -> Decimal | None:
    """ "one-point-seven" million -> 1700000; "three hundred twenty" -> 320."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if "half" in tokens:  # "half a million", "one and a half million"
        tokens = [t for t in tokens if t != "a"]
    if not tokens or tokens == ["point"]:
        return None
    whole, frac, in_frac, value = 0, "", False, Decimal(0)
    for token in tokens:
        if token == "point":
            in_frac = True
        elif in_frac and token in _UNITS and _UNITS[token] < 10:
            frac += str(_UNITS[token])
        elif in_frac:
            return None
        elif token in _UNITS:
            whole += _UNITS[token]
        elif token in _TENS:
            whole += _TENS[token]
        elif token == "hundred":
            whole = max(whole, 1) * 100
        elif token == "a":
            whole += 1
        elif token == "half":
            value = Decimal("0.5")
    value += Decimal(f"{whole}.{frac or 0}")
    if value == 0:
        return None
    if scale:
        value *= _SCALES[scale.lower()]
    return _whole(value)
