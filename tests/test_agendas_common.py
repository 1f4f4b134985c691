"""Bounds and checks every agenda parser shares."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from watcher.agendas import common, legistar, primegov
from watcher.errors import ParseError


def test_oversized_listing_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_LISTING_BYTES", 1000)
    with pytest.raises(ParseError, match="more than a listing can be"):
        legistar.parse_events(b"[" + b" " * 2000 + b"]")


def test_ten_thousand_meetings_keep_the_newest_thousand() -> None:
    start = dt.datetime(2000, 1, 1)
    rows = [
        {"id": n, "title": "Board", "dateTime": (start + dt.timedelta(days=n)).isoformat()}
        for n in range(10_000)
    ]
    listing = primegov.parse_meetings(json.dumps(rows).encode(), "https://x.primegov.com/")
    assert len(listing.meetings) == 1000
    assert listing.meetings[0].source_id == "9999"
    assert listing.meetings[-1].source_id == "9000"
    assert listing.notes == ("PrimeGov meetings: 10000 meetings listed; kept the newest 1000",)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024-09-26T00:00:00", dt.date(2024, 9, 26)),
        ("1/31/2019", dt.date(2019, 1, 31)),
        ("09/27/22", dt.date(2022, 9, 27)),
        ("Tuesday, February 17, 2026", dt.date(2026, 2, 17)),
        ("Sept. 3rd, 2024", dt.date(2024, 9, 3)),
        ("no date here", None),
        ("13/45/2020", None),
    ],
)
def test_find_date(text: str, date: dt.date | None) -> None:
    assert common.find_date(text) == date


def test_find_time() -> None:
    assert common.find_time("5:30 p.m.") == dt.time(17, 30)
    assert common.find_time("12:00 PM") == dt.time(12, 0)
    assert common.find_time("12:15 AM") == dt.time(0, 15)
    assert common.find_time("9 AM") == dt.time(9, 0)
    assert common.find_time("room 12") is None


def test_status_by_date() -> None:
    now = dt.datetime(2026, 12, 1, 23, 0, tzinfo=dt.UTC)
    assert common.status_for("2026-12-01T09:00:00", now) == "upcoming"  # later today, locally
    assert common.status_for("2026-11-30", now) == "past"
    assert common.status_for("2027-01-01", now, cancelled=True) == "cancelled"


def test_login_page_is_named() -> None:
    page = (
        b"<html><head><title>Portal</title></head><body><form action='/login'>"
        b"<label>Email</label><input name=email><label>Password</label>"
        b"<input type='password' name=pw><button>Sign in</button></form></body></html>"
    )
    with pytest.raises(ParseError, match="got a login page"):
        legistar.parse_calendar(page, "https://x/")
    with pytest.raises(ParseError, match="got a login page"):
        primegov.parse_meetings(page, "https://x/")
