"""BoardDocs parsers: BD-GetMeetingsList, BD-GetAgenda and the (malformed) XML feed."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree

import pytest

from conftest import shared_path
from watcher.agendas import boarddocs
from watcher.errors import ParseError

NOW = dt.datetime(2024, 1, 10, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "boarddocs", name).read_bytes()


def test_real_meetings_list() -> None:
    listing = boarddocs.parse_meetings_list(
        real("central_valley_sd_wa_bd_getmeetingslist.json"),
        "https://go.boarddocs.com/wa/cvsd/Board.nsf/BD-GetMeetingsList?open",
        body="Board of Directors",
        now=NOW,
    )
    assert len(listing.meetings) == 664
    first = listing.meetings[0]
    assert (first.source_id, first.title, first.starts_at, first.status) == (
        "CYXL4V54CB3F", "Regular Board Meeting", "2024-01-22", "upcoming",
    )  # fmt: skip
    assert first.url == "https://go.boarddocs.com/wa/cvsd/Board.nsf/goto?open&id=CYXL4V54CB3F"
    cancelled = next(m for m in listing.meetings if m.source_id == "CYAQRP697A77")
    assert cancelled.status == "cancelled"  # "CANCELLED-Regular Board Meeting"


def test_real_agenda_items() -> None:
    items = boarddocs.parse_agenda(
        real("columbus_city_schools_oh_bd_getagenda.html"),
        "https://go.boarddocs.com/oh/columbus/Board.nsf/BD-GetAgenda?open",
    )
    assert len(items) == 123
    assert (items[1].item_number, items[1].title, items[1].url) == (
        "2.1",
        "Appoint Treasurer Pro Tempore",
        "https://go.boarddocs.com/oh/columbus/Board.nsf/goto?open&id=DR8K4Q500E4A",
    )


def test_real_xml_feed_is_malformed_and_still_read() -> None:
    content = real("akron_public_schools_oh_xml_activemeetings.xml")
    with pytest.raises(ElementTree.ParseError):
        ElementTree.fromstring(content)  # a strict parser gives up on the whole feed
    listing = boarddocs.parse_xml_feed(
        content, "https://go.boarddocs.com/oh/akron/Board.nsf/XML-ActiveMeetings", now=NOW
    )
    assert len(listing.meetings) == 21
    august = next(m for m in listing.meetings if m.source_id == "BEDLSF53B224")
    assert august.body == "Board of Education"
    assert august.starts_at == "2019-08-12T17:30:00"  # "at 5:30 p.m." in the description
    roll_call = august.documents[0]
    assert (roll_call.item_number, roll_call.title) == ("1.1", "Roll Call")
    assert roll_call.url == "http://go.boarddocs.com/oh/akron/Board.nsf/goto?open&id=BEDLSH53B226"


def test_real_pages_that_are_not_listings_are_refused() -> None:
    with pytest.raises(ParseError, match="got an HTML page"):
        boarddocs.parse_meetings_list(real("state_college_area_sd_pa_public.html"), "https://x/")
    with pytest.raises(ParseError, match="BoardDocs agenda"):
        boarddocs.parse_agenda(real("central_valley_sd_wa_bd_getmeeting.html"), "https://x/")


FEED = b"""<?xml version="1.0"?><meetings>
<meeting bodyid="B1" bodyname="Board of Commissioners" id="M1" order="1"><name>Regular</name>
<start><date format="yyyy-mm-dd">2026-12-08</date></start><link>https://go.boarddocs.com/nc/x/Board.nsf/goto?open&amp;id=M1</link>
<category id="C1"><name>7. NEW BUSINESS</name><agendaitems>
<item id="I1"><name>7.1 Consider 287(g) Task Force Model agreement</name><link>L1</link>
<broken></item></agendaitems></category></meeting>
<meeting bodyid="B1" bodyname="Board of Commissioners" id="M2" order="2"><name>Work Session</name>
<start><date format="yyyy-mm-dd">2026-11-20</date></start></meeting>
</meetings>"""


def test_feed_built_here_with_an_unclosed_element() -> None:
    listing = boarddocs.parse_xml_feed(
        FEED, "https://go.boarddocs.com/nc/x/Board.nsf/XML-ActiveMeetings",
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    assert [(m.source_id, m.status) for m in listing.meetings] == [
        ("M1", "upcoming"),
        ("M2", "past"),
    ]
    item = listing.meetings[0].documents[0]
    assert (item.item_number, item.title) == ("7.1", "Consider 287(g) Task Force Model agreement")
    assert listing.meetings[1].url == "https://go.boarddocs.com/nc/x/Board.nsf/goto?open&id=M2"


def test_empty_answer_is_an_empty_listing_with_a_note() -> None:
    listing = boarddocs.parse_meetings_list(b"", "https://go.boarddocs.com/pa/stco/Board.nsf/")
    assert listing.meetings == ()
    assert "empty" in listing.notes[0]


def test_feed_that_is_html_is_refused() -> None:
    with pytest.raises(ParseError, match="XML feed"):
        boarddocs.parse_xml_feed(b"<!DOCTYPE html><html><body>Login</body></html>", "https://x/")
