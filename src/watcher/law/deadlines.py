"""Statutory due dates for public-records requests, counted the way each state's law counts.

Business days skip weekends, US federal holidays and the state's own public holidays (as
observed), from the maintained ``holidays`` library with its state subdivisions; the
explanation names the holidays it skipped. Calendar days skip nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from watcher.law.data import StateLaw, get_state_law
from watcher.states import STATE_NAMES


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


@cache
def _us_subdivisions() -> frozenset[str]:
    # Asked on first use, not at import: listing them loads the holidays library's country
    # modules (0.1 s), which a process that never dates a records request need not pay.
    return frozenset(holidays.country_holidays("US").subdivisions)


@cache
def _calendar(state: str | None, year: int) -> dict[date, str]:
    """Weekday holidays of ``year``, as observed, with their names: the federal ones, plus the
    state's own when ``state`` is given. From the maintained ``holidays`` library."""
    days: dict[date, str] = {}
    # Federal holidays always count, even in the few states whose own calendar drops one
    # (Columbus Day): a due date a day late never alarms anyone, one a day early might.
    subdivisions = (None, state) if state in _us_subdivisions() else (None,)
    for subdiv in subdivisions:
        for day, name in holidays.country_holidays("US", subdiv=subdiv, years=year).items():
            if day.year == year and day.weekday() < 5:
                days.setdefault(day, name)
    return days


def federal_holidays(year: int) -> frozenset[date]:
    """The observed federal holidays on weekdays in ``year`` (5 U.S.C. § 6103)."""
    return frozenset(_calendar(None, year))


def state_holidays(state: str, year: int) -> dict[date, str]:
    """The weekday holidays of ``year`` that a state's business days skip, federal and the
    state's own, with their names. Federal only for a code the library does not know."""
    return dict(_calendar(state.upper(), year))


def is_business_day(day: date, state: str | None = None) -> bool:
    """A weekday that is no federal holiday (nor one of ``state``'s own holidays, if given)."""
    return day.weekday() < 5 and day not in _calendar(state, day.year)


def add_business_days(start: date, count: int, state: str | None = None) -> date:
    """The ``count``-th business day after ``start``; ``start`` itself is never counted.
    With ``state``, that state's own holidays are skipped as well as the federal ones."""
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    day = start
    while count:
        day += timedelta(days=1)
        if is_business_day(day, state):
            count -= 1
    return day


def _skipped(state: str, start: date, end: date) -> list[str]:
    """The holidays on weekdays after ``start`` up to ``end``, worded for the explanation."""
    found = []
    for year in range(start.year, end.year + 1):
        for day, name in sorted(_calendar(state, year).items()):
            if start < day <= end:
                found.append(f"{name} {_fmt(day)}")
    return found


def _fmt(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _counted(entry: StateLaw, sent: date) -> tuple[date, str]:
    records = entry.records
    deadline = records.deadline
    days = deadline.days or 0
    where = f" ({deadline.section})" if deadline.section else ""
    if deadline.kind == "business_days":
        due = add_business_days(sent, days, entry.code)
        skipped = _skipped(entry.code, sent, due)
        how = (
            f"{days} business days{where}, counted from the day after {_fmt(sent)} and "
            f"skipping weekends and federal and {STATE_NAMES[entry.code]} holidays "
            f"({'; '.join(skipped) if skipped else 'none in this period'})"
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
