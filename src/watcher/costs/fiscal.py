"""Fiscal years as documents write them, and which amount of a sentence each belongs to.

"FY2026", "FY 2025-26", "FY25-26", "fiscal 2011-12", "fiscal year 2025-2026", "the 2020
operating budget", a table's "2024 Actual", "the fiscal year ending June 30, 2020", "the
biennium ending August 31, 2027" and "the current fiscal year, which ends June 30" (a year
only with the document's date). Each mention keeps its words as written; the canonical name
("FY2026", the year it ends; a biennium "FY2026-FY2027") is given only when the words fix it:
no year is ever invented. Pure functions; imports nothing from the rest of the package.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["FiscalMention", "fiscal_mentions", "year_for"]

_I = re.I
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8}
_MONTHS |= {"sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_FISCAL = re.compile(
    r"\b(?:FY|F\.Y\.|fiscal\s+year|fiscal)\s*'?(?P<a>\d{4}|\d{2})(?!\d|,\d)"
    r"(?:\s*(?:-|–|/|to|through|thru)\s*(?:FY\s*)?'?(?P<b>\d{4}|\d{2})(?!\d|,\d))?"
    r"|\b(?P<c>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<d>\d{2}|\d{4}))?\s+(?:(?:adopted|proposed"
    r"|approved|recommended|amended|operating|annual|county)\s+)*(?:budget(?:ed)?|actuals?"
    r"|adopted|proposed|estimated?|projected|requested|amended)\b"
    rf"|\b(?P<span>biennium|(?:fiscal\s+)?year|period)\s+(?:that\s+)?(?:ending|ended|ends)\s+"
    rf"(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<e>(?:19|20)\d\d)\b"
    rf"|\b(?P<current>(?:the\s+)?current\s+fiscal\s+year)(?:,?\s+(?:which|that)\s+ends\s+"
    rf"{_MONTH.replace('month', 'cmonth')}\s+(?P<cday>\d{{1,2}}))?"
    r"|\b(?P<relative>(?:last|next|previous|prior|this)\s+fiscal\s+year)\b",
    _I,
)


@dataclass(frozen=True)
class FiscalMention:
    """A fiscal year written in the text: where, the words, and the canonical name if any."""

    start: int
    end: int
    written: str
    canonical: str | None


def fiscal_mentions(text: str, doc_date: dt.date | None = None) -> list[FiscalMention]:
    """Every fiscal-year mention of ``text``, in order."""
    out = []
    for m in _FISCAL.finditer(text):
        written = " ".join(m.group(0).split()).rstrip(",")
        out.append(FiscalMention(m.start(), m.end(), written, _canonical(m, doc_date)))
    return out


def year_for(
    mentions: list[FiscalMention], spans: list[tuple[int, int]], index: int, *, row: bool = False
) -> FiscalMention | None:
    """The mention that belongs to amount ``index`` of ``spans``. A mention between two
    amounts goes to the nearer (in prose one right after an amount binds twice as tight:
    "$862,000 in FY2026 and $538,000"; in a table row the cell label before it does:
    "FY 2025-26: 302500"). One before the first amount ("For FY2026, ...") or well after the
    last ("... $X and $Y in start-up costs for FY 2025-26.") is the sentence's: it goes to
    every amount without one of its own."""
    owners = [_owner(m, spans, row) for m in mentions]
    own = [m for m, o in zip(mentions, owners, strict=True) if o == index]
    shared = [m for m, o in zip(mentions, owners, strict=True) if o is None]
    pool = own or shared
    if not pool:
        return None
    start = spans[index][0]
    return min(pool, key=lambda m: abs(m.start - start))


def _owner(mention: FiscalMention, spans: list[tuple[int, int]], row: bool) -> int | None:
    if not spans:
        return None
    if mention.end <= spans[0][0]:
        return 0 if row else None
    if mention.start >= spans[-1][1]:
        return len(spans) - 1 if row or mention.start - spans[-1][1] <= 12 else None
    after_weight = 10.0 if row else 0.5
    best: tuple[float, int] | None = None
    for i, (start, end) in enumerate(spans):
        if mention.start >= end:
            distance = (mention.start - end) * after_weight
        elif mention.end <= start:
            distance = float(start - mention.end)
        else:
            distance = 0.0
        if best is None or distance < best[0]:
            best = (distance, i)
    return best[1] if best else None


def _canonical(m: re.Match[str], doc_date: dt.date | None) -> str | None:
    if m.group("e"):
        end = int(m.group("e"))
        if m.group("span").lower() == "biennium":
            return f"FY{end - 1}-FY{end}"
        return f"FY{end}"
    if m.group("current"):
        month = (m.group("cmonth") or "")[:3].lower()
        if not month or doc_date is None:
            return None  # "the current fiscal year": which one depends on when it ends
        try:
            ends = dt.date(doc_date.year, _MONTHS[month], int(m.group("cday")))
        except ValueError:
            return None
        return f"FY{doc_date.year if doc_date <= ends else doc_date.year + 1}"
    if m.group("relative"):
        return None
    return _numbered(m.group("a") or m.group("c"), m.group("b") or m.group("d"))


def _numbered(first: str, second: str | None) -> str | None:
    """FY2026 for "FY2026", "FY 2025-26", "fiscal year 2025-2026", "FY26"."""
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
