"""IQM2 Citizens/Calendar.aspx parser."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from watcher.agendas import iqm2
from watcher.errors import ParseError

BASE = "http://hanfordca.iqm2.com/Citizens/Calendar.aspx"


def test_real_hanford_calendar() -> None:
    content = shared_path("agenda_platforms", "iqm2", "hanford_ca_citizens_calendar.html")
    listing = iqm2.parse_calendar(
        content.read_bytes(), BASE, now=dt.datetime(2022, 1, 15, tzinfo=dt.UTC)
    )
    assert len(listing.meetings) == 77
    kinds = [d.kind for m in listing.meetings for d in m.documents]
    assert (kinds.count("agenda"), kinds.count("packet"), kinds.count("minutes")) == (44, 44, 15)
    council = next(m for m in listing.meetings if m.source_id == "1934")
    assert council.body == "City Council"
    assert council.starts_at == "2022-01-18T19:00:00"
    assert council.status == "upcoming"
    assert council.documents[1].url == (
        "http://hanfordca.iqm2.com/Citizens/FileOpen.aspx?Type=1&ID=1689&Inline=True"
    )
    planning = next(m for m in listing.meetings if m.source_id == "1956")
    assert (planning.body, planning.status) == ("Planning Commission", "cancelled")


ROW = """<html><body><div id="ContentPlaceholder1_pnlMeetings" class="Section">
<div class="Row MeetingRow"><div class="RowTop"><div class="RowLink">
<a href="/Citizens/Detail_Meeting.aspx?ID=77" title="TUESDAY, DECEMBER 8, 2026 9:00 AM&#13;
Board:&#09;Board of Supervisors&#13;Type:&#09;Regular Meeting&#13;Status:&#09;Scheduled">
Dec 8, 2026 9:00 AM</a></div>
<div class="RowRight MeetingLinks"><div>
<a href='FileOpen.aspx?Type=14&ID=500&Inline=True'>Agenda</a></div>
<div><a href='' class='HiddenDocumentLink'>Minutes</a></div></div></div>
<div class="RowBottom"><div class="RowDetails">Board of Supervisors - Regular Meeting</div></div>
</div></div></body></html>"""


def test_calendar_built_here() -> None:
    listing = iqm2.parse_calendar(
        ROW.encode(), "https://county.iqm2.com/Citizens/Calendar.aspx",
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    (meeting,) = listing.meetings
    assert (meeting.body, meeting.starts_at, meeting.status) == (
        "Board of Supervisors", "2026-12-08T09:00:00", "upcoming",
    )  # fmt: skip
    assert [d.url for d in meeting.documents] == [
        "https://county.iqm2.com/Citizens/FileOpen.aspx?Type=14&ID=500&Inline=True"
    ]


def test_empty_calendar_and_wrong_page() -> None:
    empty = b'<html><body><div id="ContentPlaceholder1_pnlMeetings"></div></body></html>'
    assert iqm2.parse_calendar(empty, BASE).meetings == ()
    with pytest.raises(ParseError, match="IQM2"):
        iqm2.parse_calendar(b"<html><body>Service unavailable</body></html>", BASE)
