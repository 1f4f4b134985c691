"""Statutory due dates: business vs calendar days, federal holidays, and no-deadline laws."""

from __future__ import annotations

from datetime import date

import pytest

from watcher.law import UnknownStateError, all_states, statutory_due_date
from watcher.law.deadlines import add_business_days, federal_holidays, is_business_day

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


def test_texas_ten_business_days_skip_thanksgiving() -> None:
    due = statutory_due_date("TX", date(2026, 11, 20))
    assert due.due == date(2026, 12, 7)
    assert due.kind == "business_days" and due.days == 10
    assert "Texas Public Information Act" in due.explanation
    assert "10 business days (§ 552.221(d))" in due.explanation


def test_georgia_three_business_days_skip_christmas() -> None:
    assert statutory_due_date("GA", date(2026, 12, 23)).due == date(2026, 12, 29)


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
