"""NovusAgenda agendapublic meetings grid parser."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from watcher.agendas import novusagenda
from watcher.errors import ParseError

BASE = "https://dinuba.novusagenda.com/agendapublic/meetingsgeneral.aspx?MeetingType=1&Date=6ms"


def test_real_dinuba_meetings() -> None:
    content = shared_path(
        "agenda_platforms", "novusagenda", "dinuba_ca_agendapublic_meetingsgeneral.html"
    ).read_bytes()
    listing = novusagenda.parse_meetings(content, BASE, now=dt.datetime(2022, 9, 20, tzinfo=dt.UTC))
    assert [m.source_id for m in listing.meetings] == ["365", "354", "353", "352"]
    first = listing.meetings[0]
    assert (first.body, first.starts_at, first.status) == (
        "Council Meeting",
        "2022-09-27",
        "upcoming",
    )
    assert first.documents[0].url == (
        "https://dinuba.novusagenda.com/agendapublic/DisplayAgendaPDF.ashx?MeetingID=365"
    )
    minutes = listing.meetings[2].documents[1]
    assert (minutes.kind, minutes.url) == (
        "minutes",
        "https://dinuba.novusagenda.com/agendapublic/DisplayAgendaPDF.ashx?MinutesMeetingID=298",
    )


EMPTY = b"""<html><body><table id="SearchAgendasMeetings_radGridMeetings_ctl00">
<thead><tr><th>Meeting Date</th><th>Meeting Type</th></tr></thead>
<tbody><tr class="rgNoRecords"><td colspan="2">No records to display.</td></tr></tbody>
</table></body></html>"""


def test_empty_grid_and_wrong_page() -> None:
    assert novusagenda.parse_meetings(EMPTY, BASE).meetings == ()
    with pytest.raises(ParseError, match="NovusAgenda"):
        novusagenda.parse_meetings(b"<html><body>Maintenance</body></html>", BASE)
