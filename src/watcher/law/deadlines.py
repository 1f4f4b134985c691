"""Statutory due dates for public-records requests, counted the way each state's law counts.

Business days skip weekends and US federal holidays (as observed). State holidays differ from
state to state and are not in the notes, so a due date can fall a day or two before the one an
agency computes; the explanation says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from watcher.law.data import StateLaw, get_state_law


@dataclass(frozen=True)
class DueDate:
    state: str
    sent: date
    due: date | None
    explanation: str
    kind: str  # business_days, calendar_days, none, unverified
    days: int | None

    @property
    def computable(self) -> bool:
        return self.due is not None

    def to_dict(self) -> dict[str, str | int | None]:
        return {
            "state": self.state,
            "sent": self.sent.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "explanation": self.explanation,
            "kind": self.kind,
            "days": self.days,
        }


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    # 5 U.S.C. § 6103(b): a Saturday holiday is observed on Friday, a Sunday one on Monday.
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@cache
def federal_holidays(year: int) -> frozenset[date]:
    """The observed federal holidays whose date falls in ``year`` (5 U.S.C. § 6103)."""
    mon, thu = 0, 3
    fixed = [date(year, 1, 1), date(year, 7, 4), date(year, 11, 11), date(year, 12, 25)]
    if year >= 2021:
        fixed.append(date(year, 6, 19))
    floating = [
        _nth_weekday(year, 1, mon, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, mon, 3),  # Washington's Birthday
        _last_weekday(year, 5, mon),  # Memorial Day
        _nth_weekday(year, 9, mon, 1),  # Labor Day
        _nth_weekday(year, 10, mon, 2),  # Columbus Day
        _nth_weekday(year, 11, thu, 4),  # Thanksgiving Day
    ]
    # New Year's Day on a Saturday is observed on 31 December of the year before.
    candidates = [_observed(d) for d in fixed] + floating + [_observed(date(year + 1, 1, 1))]
    return frozenset(d for d in candidates if d.year == year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def add_business_days(start: date, count: int) -> date:
    """The ``count``-th business day after ``start``; ``start`` itself is never counted."""
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    day = start
    while count:
        day += timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return day


def _fmt(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _counted(entry: StateLaw, sent: date) -> tuple[date, str]:
    records = entry.records
    deadline = records.deadline
    days = deadline.days or 0
    where = f" ({deadline.section})" if deadline.section else ""
    if deadline.kind == "business_days":
        due = add_business_days(sent, days)
        how = (
            f"{days} business days{where}, counted from the day after {_fmt(sent)} and "
            "skipping weekends and US federal holidays (not state holidays)"
        )
    else:
        due = sent + timedelta(days=days)
        how = f"{days} calendar days{where}, counted from the day after {_fmt(sent)}"
    text = f"Due {_fmt(due)} under the {records.name}: {how}."
    if not deadline.basis_stated:
        text += (
            f" The notes give '{days} days' without saying business or calendar days; it is "
            "counted here as calendar days, so check the statute."
        )
    return due, text


def statutory_due_date(state: str, sent: date) -> DueDate:
    """When the first statutory response to a request sent on ``sent`` is due.

    ``due`` is None when the law sets no fixed number of days ("promptly", "reasonable time")
    or when the notes could not verify the deadline; ``explanation`` then says why.
    """
    entry = get_state_law(state)
    records = entry.records
    deadline = records.deadline
    due: date | None = None
    if deadline.kind in ("business_days", "calendar_days"):
        due, text = _counted(entry, sent)
        text += (
            f" The notes summarise the law as: {deadline.text}. The clock legally starts when "
            "the agency receives the request, not when it is sent."
        )
    elif deadline.kind == "none":
        text = (
            f"No due date can be computed: the {records.name} ({records.citation}) sets no "
            f"fixed number of days. The notes describe the duty as: {deadline.text}. Follow up "
            "if there is no answer within a reasonable time."
        )
    else:
        text = f"No due date can be computed for the {records.name}."
    explanation = f"{text} {records.caveat}" if records.caveat else text
    return DueDate(
        state=entry.code,
        sent=sent,
        due=due,
        explanation=explanation,
        kind=deadline.kind,
        days=deadline.days,
    )
