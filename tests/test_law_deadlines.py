"""Statutory due dates: business vs calendar days, federal and state holidays, and no-deadline
laws."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from watcher.law import UnknownStateError, all_states, statutory_due_date
from watcher.law.deadlines import (
    add_business_days,
    federal_holidays,
    is_business_day,
    state_holidays,
)

# From the notes' Table B: laws that give no fixed number of days.
NO_FIXED_DEADLINE = {"AL", "AZ", "FL", "MN", "MT", "NC", "ND", "OH", "OK", "WI"}


def test_federal_holidays_2026() -> None:
    assert sorted(federal_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 19),
        date(2026, 2, 16),
        date(2026, 5, 25),
        date(2026, 6, 19),
        date(2026, 7, 3),  # 4 July is a Saturday
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 11, 11),
        date(2026, 11, 26),
        date(2026, 12, 25),
    ]


def test_observed_holidays_cross_the_year() -> None:
    # 1 Jan 2022 was a Saturday: observed on Friday 31 Dec 2021.
    assert date(2021, 12, 31) in federal_holidays(2021)
    assert date(2022, 1, 1) not in federal_holidays(2022)
    assert date(2021, 6, 18) in federal_holidays(2021)  # Juneteenth on a Saturday
    assert date(2020, 6, 19) not in federal_holidays(2020)  # before Juneteenth existed
    assert not is_business_day(date(2021, 12, 31))


def test_add_business_days() -> None:
    assert add_business_days(date(2026, 11, 20), 0) == date(2026, 11, 20)
    assert add_business_days(date(2026, 11, 20), 1) == date(2026, 11, 23)
    with pytest.raises(ValueError, match="negative"):
        add_business_days(date(2026, 11, 20), -1)


def test_texas_ten_business_days_skip_thanksgiving_and_the_day_after() -> None:
    # Thanksgiving is federal; the Friday after it is a Texas state holiday (Gov't Code 662.003).
    due = statutory_due_date("TX", date(2026, 11, 20))
    assert add_business_days(date(2026, 11, 20), 10) == date(2026, 12, 7)  # federal only
    assert due.due == date(2026, 12, 8)
    assert due.kind == "business_days" and due.days == 10
    assert "Texas Public Information Act" in due.explanation
    assert "10 business days (§ 552.221(d))" in due.explanation
    assert (
        "skipping weekends and federal and Texas holidays (Thanksgiving Day 26 Nov 2026; "
        "Friday After Thanksgiving 27 Nov 2026)"
    ) in due.explanation


def test_texas_request_spanning_san_jacinto_day() -> None:
    # 21 April is a holiday in Texas only: a Texas request is due a day later than a Utah one.
    assert state_holidays("TX", 2026)[date(2026, 4, 21)] == "San Jacinto Day"
    assert date(2026, 4, 21) not in federal_holidays(2026)
    texas = statutory_due_date("TX", date(2026, 4, 14))
    assert texas.due == date(2026, 4, 29)
    assert "(San Jacinto Day 21 Apr 2026)" in texas.explanation
    utah = statutory_due_date("UT", date(2026, 4, 14))  # also 10 business days
    assert utah.due == date(2026, 4, 28)
    assert "Utah holidays (none in this period)" in utah.explanation


def test_massachusetts_skips_patriots_day() -> None:
    assert state_holidays("MA", 2026)[date(2026, 4, 20)] == "Patriots' Day"
    assert not is_business_day(date(2026, 4, 20), "MA")
    assert is_business_day(date(2026, 4, 20))  # no federal holiday
    due = statutory_due_date("MA", date(2026, 4, 14))
    assert due.due == date(2026, 4, 29)
    assert "Patriots' Day 20 Apr 2026" in due.explanation


def test_california_has_cesar_chavez_day_but_counts_calendar_days() -> None:
    assert state_holidays("CA", 2026)[date(2026, 3, 31)] == "Cesar Chavez Day"
    assert not is_business_day(date(2026, 3, 31), "CA")
    # The California Public Records Act counts calendar days: its holidays move nothing.
    due = statutory_due_date("CA", date(2026, 3, 25))
    assert due.due == date(2026, 4, 4)
    assert "holidays" not in due.explanation


def test_state_calendar_keeps_every_federal_holiday() -> None:
    # The library's Tennessee calendar has no Columbus Day; business days still skip it.
    assert date(2026, 10, 12) in state_holidays("TN", 2026)
    assert add_business_days(date(2026, 10, 9), 1, "TN") == date(2026, 10, 13)
    # A code the library has no calendar for counts federal holidays only.
    assert set(state_holidays("QQ", 2026)) == federal_holidays(2026)


def test_georgia_three_business_days_skip_christmas_eve_and_christmas() -> None:
    # Georgia observes Washington's Birthday on 24 December.
    due = statutory_due_date("GA", date(2026, 12, 23))
    assert due.due == date(2026, 12, 30)
    assert "(Washington's Birthday 24 Dec 2026; Christmas Day 25 Dec 2026)" in due.explanation


def test_tennessee_seven_business_days_skip_juneteenth() -> None:
    assert statutory_due_date("TN", date(2026, 6, 15)).due == date(2026, 6, 25)


def test_california_counts_calendar_days() -> None:
    due = statutory_due_date("CA", date(2026, 12, 1))
    assert due.due == date(2026, 12, 11)
    assert "10 calendar days" in due.explanation


def test_unstated_basis_is_flagged() -> None:
    due = statutory_due_date("LA", date(2026, 12, 1))
    assert due.due == date(2026, 12, 4)
    assert "without saying business or calendar days" in due.explanation


@pytest.mark.parametrize("state", sorted(NO_FIXED_DEADLINE))
def test_no_fixed_deadline_means_no_due_date(state: str) -> None:
    due = statutory_due_date(state, date(2026, 12, 1))
    assert due.due is None
    assert not due.computable
    assert due.explanation.startswith("No due date can be computed")
    assert "sets no fixed number of days" in due.explanation


def test_florida_explains_reasonable_time() -> None:
    due = statutory_due_date("FL", date(2026, 12, 1))
    assert "'reasonable time'/promptly (§ 119.07(1)(c))" in due.explanation


def test_unverified_deadline_south_dakota() -> None:
    due = statutory_due_date("SD", date(2026, 12, 1))
    assert due.due is None
    assert "No due date can be computed" in due.explanation
    assert "not verified" in due.explanation


def test_every_state_gets_a_date_or_a_reason() -> None:
    for entry in all_states():
        due = statutory_due_date(entry.code, date(2026, 12, 1))
        if due.due is None:
            assert due.explanation.startswith("No due date can be computed"), entry.code
        else:
            assert due.due > date(2026, 12, 1), entry.code
    computed = {e.code for e in all_states() if statutory_due_date(e.code, date(2026, 12, 1)).due}
    assert computed == {e.code for e in all_states()} - NO_FIXED_DEADLINE - {"SD"}


def test_to_dict() -> None:
    assert statutory_due_date("FL", date(2026, 12, 1)).to_dict()["due"] is None
    assert statutory_due_date("CA", date(2026, 12, 1)).to_dict()["due"] == "2026-12-11"


def test_unknown_state() -> None:
    with pytest.raises(UnknownStateError, match="QQ"):
        statutory_due_date("QQ", date(2026, 12, 1))


def test_readme_names_the_states_whose_holidays_count() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    match = re.search(r"whose law counts business\s+days: ([A-Z, \n]+?) \(", readme)
    assert match, "README lost its list of states whose holidays count"
    listed = set(re.findall(r"[A-Z]{2}", match.group(1)))
    assert listed == {e.code for e in all_states() if e.records.deadline.kind == "business_days"}
