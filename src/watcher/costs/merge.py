"""One figure per piece of money: within a document (the same money said twice) and across
documents (the same figure republished). Imports only ``watcher.costs.figure``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal

from watcher.costs.figure import CostFigure

__all__ = ["merge_republished", "same_money"]


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


def same_money(figures: list[CostFigure]) -> list[CostFigure]:
    """Each figure once: the same fingerprint twice is one figure, and a rounded or hedged
    figure ("close to $1M") within 5% of an exact one of the same kind and year ("$991,279")
    is the same money: the exact one is kept and notes the other."""
    seen: set[str] = set()
    out: list[CostFigure] = []
    for figure in figures:
        if figure.fingerprint not in seen:
            seen.add(figure.fingerprint)
            out.append(figure)
    out = _same_amount(out)
    exact = sorted((f.amount, i) for i, f in enumerate(out) if not _rough(f))
    keys = [amount for amount, _ in exact]
    dropped: set[int] = set()
    for i, rough in enumerate(out):
        if not _rough(rough):
            continue
        low = bisect.bisect_left(keys, rough.amount - abs(rough.amount) * Decimal("0.06"))
        high = bisect.bisect_right(keys, rough.amount + abs(rough.amount) * Decimal("0.06"))
        match = next((j for _, j in exact[low:high] if _same(rough, out[j])), None)
        if match is not None:
            dropped.add(i)
            said = f"{rough.hedge} {rough.raw}" if rough.hedge else rough.raw
            kept = out[match]
            note = f"also written as {said!r}" + (f"; {kept.note}" if kept.note else "")
            kind = rough.kind if kept.kind == "unknown" else kept.kind
            out[match] = dataclasses.replace(kept, note=note, kind=kind)
    return [f for i, f in enumerate(out) if i not in dropped]


# Of two names for the same money coming in, the more telling one is kept.
_RANK = {"grant": 3, "reimbursement": 2, "per_diem": 2, "revenue": 1, "unknown": 0}


def _same_amount(figures: list[CostFigure]) -> list[CostFigure]:
    """The same exact amount read twice with two kinds of one direction ("Certification of
    Revenue ... $302,500", then "Federal Grants - ICE 287(g) ... 302,500"), or once without a
    kind, is one figure: the more telling kind is kept and the other noted. A cost and a
    reimbursement of the same amount are two facts and stay two figures."""
    first: dict[tuple[object, ...], int] = {}
    dropped: set[int] = set()
    out = list(figures)
    for i, figure in enumerate(out):
        key = (figure.amount, figure.amount_high, figure.unit, figure.jurisdiction)
        j = first.setdefault(key, i)
        kept = out[j]
        if j == i or not _one_money(kept, figure):
            continue
        better, other = (figure, kept) if _rank(figure) > _rank(kept) else (kept, figure)
        note = f"also read as {other.kind} ({other.raw})"
        out[j] = dataclasses.replace(
            better,
            fiscal_year=better.fiscal_year or other.fiscal_year,
            fiscal_text=better.fiscal_text or other.fiscal_text,
            note="; ".join(n for n in (better.note, note) if n),
        )
        dropped.add(i)
    return [f for i, f in enumerate(out) if i not in dropped]


def _rank(figure: CostFigure) -> int:
    return _RANK.get(figure.kind, 0)


def _one_money(a: CostFigure, b: CostFigure) -> bool:
    if a.fiscal_year and b.fiscal_year and a.fiscal_year != b.fiscal_year:
        return False
    if "unknown" in (a.kind, b.kind):
        return True
    inward = {"revenue", "reimbursement", "grant"}
    return a.kind in inward and b.kind in inward


_SCALED = re.compile(r"\d\s*-?\s*(?:[mbk]\b|million|billion|thousand)|[a-z]\s+dollars", re.I)
_DIRECTION = {"revenue": "in", "reimbursement": "in", "grant": "in", "net": "cost"}


def _rough(figure: CostFigure) -> bool:
    """Said roughly: hedged ("close to"), or rounded to a scale word ("$2.1 million", "$1M")."""
    if figure.amount_high is not None:
        return False
    digits = format(abs(figure.amount).normalize(), "f").replace(".", "").strip("0")
    scaled = bool(_SCALED.search(figure.raw)) and len(digits) <= 3
    return bool(figure.hedge) or scaled


def _same(rough: CostFigure, exact: CostFigure) -> bool:
    if _rough(exact) or exact.amount_high is not None or exact.amount == 0:
        return False
    # Money in is one direction whatever it is called ("federal money", "reimbursement").
    kinds = {_DIRECTION.get(rough.kind, rough.kind), _DIRECTION.get(exact.kind, exact.kind)}
    return (
        len(kinds - {"unknown"}) <= 1
        and rough.unit == exact.unit
        and rough.jurisdiction == exact.jurisdiction
        and (rough.fiscal_year is None or rough.fiscal_year == exact.fiscal_year)
        and abs(rough.amount - exact.amount) <= abs(exact.amount) * Decimal("0.05")
    )
