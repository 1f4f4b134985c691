"""Bounds and checks every agenda parser shares."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from bs4 import BeautifulSoup

from watcher.agendas import common, iqm2, legistar, primegov
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


def test_rows_nested_in_rows_cost_one_pass() -> None:
    # 2,000 IQM2 meeting rows nested in each other: each row searching its whole subtree took
    # minutes; a row inside a row is part of the outer one.
    row = (
        b"<div class='Row MeetingRow'><div class='RowLink'>"
        b"<a href='/Citizens/Detail_Meeting.aspx?ID=1' title='Board:\tCouncil'>Jan 1, 2020</a>"
        b"</div>"
    )
    body = (
        b"<html><body><div id='ContentPlaceholder1_pnlMeetings'>"
        + row * 2000
        + b"</div>" * 2001
        + b"</body></html>"
    )
    started = time.monotonic()
    listing = iqm2.parse_calendar(body, "https://x.iqm2.com/Citizens/Calendar.aspx")
    assert time.monotonic() - started < 30
    assert [(m.source_id, m.body) for m in listing.meetings] == [("1", "Council")]


def test_outermost_keeps_sibling_rows() -> None:
    page = BeautifulSoup(
        "<table><tr class='r' id='a'><td>1</td></tr><tr class='r' id='b'><td>2</td></tr></table>"
        "<div class='r' id='c'><div class='r' id='d'></div></div>",
        "lxml",
    )
    kept = common.outermost(page.select(".r"))
    assert [tag["id"] for tag in kept] == ["a", "b", "c"]
