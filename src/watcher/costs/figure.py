"""A cost figure as the extractor reports it, and how one is told apart from another.

Imports only ``watcher.costs.kinds`` and ``watcher.costs.passages`` (for the literal types).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal

from watcher.costs.kinds import Kind, Period
from watcher.costs.passages import Basis

__all__ = ["CostFigure", "CostScan"]


@dataclass(frozen=True)
class CostFigure:
    """One dollar figure read from a 287(g) passage of one document.

    ``amount`` is in dollars, negative when written as ``(1,234)``; ``raw`` is as written. A
    range ("$60 to $70") has ``amount`` at its low end and ``amount_high`` at its high end.
    ``hedge`` is the qualifier written before the figure ("close to", "at least"); ``unit``
    what a rate is counted in ("day", "credentialed deputy"). ``fiscal_year`` is canonical
    ``"FY2026"`` (named by the year it ends; a biennium ``"FY2026-FY2027"``) and only when the
    text fixes it; ``fiscal_text`` is the fiscal year as written, even when it does not
    ("last fiscal year"). ``basis`` says why the passage counted: the 287(g) name, a model
    name, or an ICE immigration-enforcement agreement (possibly a detention contract, not
    287(g) itself). ``jurisdiction`` is set when the text ties the figure to a county other
    than the one the document is about ("Mecklenburg County spent ..." in a Knox County
    story); ``note`` records the same money written another way in the document.
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
    amount_high: Decimal | None = None
    hedge: str | None = None
    unit: str | None = None
    fiscal_text: str | None = None
    jurisdiction: str | None = None
    note: str | None = None

    @property
    def fingerprint(self) -> str:
        """Equal for the same figure wherever it is republished: amount, kind, year and the
        agency/model words, but not the wording, URL or date of the document."""
        parts = [format(self.amount.normalize(), "f"), self.kind, self.fiscal_year or ""]
        extra = [self.unit or "", self.jurisdiction or ""]
        raw = "|".join([*parts, *self.key_terms, *(["", *extra] if any(extra) else [])])
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class CostScan:
    """A document's figures and what to say beside them: what could not be read, and why
    there are no figures (no 287(g) mention at all, or a mention with no dollar amount)."""

    figures: list[CostFigure]
    notes: list[str]
