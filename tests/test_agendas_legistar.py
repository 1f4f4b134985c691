"""Legistar parsers: Web API events, event items, matter attachments, Calendar.aspx."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import shared_path
from watcher.agendas import MeetingDocument, legistar
from watcher.errors import ParseError

NOW = dt.datetime(2024, 9, 1, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "legistar", name).read_bytes()


def test_real_events_list_of_mecklenburg_county() -> None:
    listing = legistar.parse_events(real("mecklenburg_county_events_trimmed.json"), now=NOW)
    assert [m.source_id for m in listing.meetings] == ["1895", "1802"]  # newest first
    board = listing.meetings[0]
    assert board.body == "Board of Commissioners"
    assert board.starts_at == "2026-04-07T17:00:00"
    assert board.status == "upcoming"
    assert board.documents[0].kind == "agenda"
    assert board.documents[0].url == (
        "https://legistar1.granicus.com/Mecklenburg/meetings/2026/4/"
        "1895_A_Board_of_Commissioners_26-04-07_Meeting_Agenda.pdf"
    )
    assert board.modified_at is None  # the trimmed fixture has no EventLastModifiedUtc


def test_real_single_event_carries_its_last_modified_cursor() -> None:
    meeting = legistar.parse_event(real("la_metro_event_2907.json"), now=NOW)
    assert meeting.source_id == "2907"
    assert meeting.body == "Board of Directors - Regular Board Meeting"
    assert meeting.starts_at == "2024-09-26T10:00:00"
    assert meeting.modified_at == "2024-09-21T00:49:38.617Z"
    assert [d.kind for d in meeting.documents] == ["agenda"]  # EventMinutesFile is null
    assert meeting.url is not None and "LEGID=2907" in meeting.url


def test_real_matter_attachments() -> None:
    documents = legistar.parse_matter_attachments(real("la_metro_matter_10881_attachments.json"))
    assert len(documents) == 4
    assert documents[0].kind == "attachment"
    assert documents[0].title == "Regular Board Meeting MINUTES - September 26, 2024"
    assert documents[0].url == (
        "https://metro.legistar1.com/metro/attachments/73425e96-9569-465d-b4c2-14ef9398e6ee.pdf"
    )


def test_real_records_that_are_not_events_are_refused() -> None:
    with pytest.raises(ParseError, match="EventId"):
        legistar.parse_events(real("la_metro_indexes.json"))


def test_real_nyc_calendar_grid() -> None:
    listing = legistar.parse_calendar(
        real("nyc_council_calendar_lxml.html"), "https://legistar.council.nyc.gov/Calendar.aspx"
    )
    assert len(listing.meetings) == 40
    health = next(m for m in listing.meetings if m.source_id == "671361")
    assert health.body == "Committee on Health"
    assert health.starts_at == "2019-01-30T13:00:00"
    assert health.status == "past"
    assert health.documents[0].url == (
        "https://nyc.legistar.com/View.ashx?M=A&ID=671361&GUID=7E67C63D-E2F2-4329-8C60-1094AFE57148"
    )
    kinds = [d.kind for m in listing.meetings for d in m.documents]
    assert kinds.count("agenda") == 40 and kinds.count("minutes") == 1


def test_real_la_metro_calendar_not_yet_published() -> None:
    listing = legistar.parse_calendar(
        real("la_metro_calendar_lxml.html"), "https://metro.legistar.com/Calendar.aspx"
    )
    assert len(listing.meetings) == 14
    assert all(m.documents == () for m in listing.meetings)  # "Not available" everywhere
    ids = {m.source_id for m in listing.meetings}
    assert "642142" in ids  # the meeting's iCal id, not the body's DepartmentDetail id
    assert "28529" not in ids


def _event(event_id: int, day: str, **extra: object) -> dict[str, object]:
    return {
        "EventId": event_id,
        "EventBodyName": "Board of County Commissioners",
        "EventDate": f"{day}T00:00:00",
        "EventTime": "9:30 AM",
        "EventAgendaFile": f"https://example.org/{event_id}_A.pdf",
        "EventMinutesFile": None,
        "EventLastModifiedUtc": "2024-08-30T12:00:00",
        "EventInSiteURL": f"https://example.legistar.com/MeetingDetail.aspx?LEGID={event_id}",
        **extra,
    }


def test_events_built_here_cancelled_and_capped() -> None:
    rows = [_event(1, "2024-09-10", EventAgendaStatusName="Cancelled")]
    rows += [_event(n, f"2024-0{1 + n % 8}-{10 + n % 18}") for n in range(2, 30)]
    listing = legistar.parse_events(json.dumps(rows).encode(), now=NOW, limit=5)
    assert len(listing.meetings) == 5
    assert listing.meetings[0].source_id == "1"
    assert listing.meetings[0].status == "cancelled"
    assert listing.meetings[0].modified_at == "2024-08-30T12:00:00Z"
    assert listing.notes == ("Legistar events: 29 meetings listed; kept the newest 5",)


def test_event_items_with_vote_and_matter_attachments() -> None:
    items = [
        {"EventItemId": 10, "EventItemTitle": None, "EventItemAgendaNumber": None},
        {
            "EventItemId": 11,
            "EventItemAgendaNumber": "7.B",
            "EventItemTitle": "Approve a 287(g) agreement with ICE",
            "EventItemMatterId": 555,
            "EventItemPassedFlagName": "Pass",
            "EventItemTally": "4-1",
            "EventItemMatterAttachments": [
                {
                    "MatterAttachmentName": "MOA",
                    "MatterAttachmentHyperlink": "https://example.org/moa.pdf",
                }
            ],
        },
    ]
    base = "https://webapi.legistar.com/v1/galveston/events/7/eventitems?Attachments=1"
    documents = legistar.parse_event_items(json.dumps(items).encode(), base)
    item, attachment = documents
    assert item.kind == "item" and item.item_number == "7.B"
    assert item.url == "https://webapi.legistar.com/v1/galveston/events/7/eventitems/11"
    assert item.action == "Pass 4-1"
    assert item.ref == "555"
    assert attachment == MeetingDocument("attachment", "MOA", "https://example.org/moa.pdf", "7.B")


def test_empty_events_list_is_an_empty_listing() -> None:
    assert legistar.parse_events(b"[]").meetings == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><title>Error</title><body>oops</body></html>", "got an HTML page"),
        (
            b"<html><head><title>Sign In</title></head><body><form>"
            b"<input name=u><input type=password name=p></form></body></html>",
            "got a login page",
        ),
        (b'{"Message": "Agency not found"}', "got a JSON object with keys Message"),
    ],
)
def test_wrong_content_for_events_is_a_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        legistar.parse_events(body)


def test_calendar_without_grid_is_refused() -> None:
    with pytest.raises(ParseError, match=r"Calendar\.aspx"):
        legistar.parse_calendar(b"<html><body><p>Maintenance</p></body></html>", "https://x/")
