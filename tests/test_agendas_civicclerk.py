"""CivicClerk OData Events parser."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import shared_path
from watcher.agendas import civicclerk
from watcher.errors import ParseError

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "civicclerk", name).read_bytes()


def test_real_dona_ana_county_events() -> None:
    listing = civicclerk.parse_events(
        real("dona_ana_county_nm_events_selected.json"),
        "https://donaanaconm.api.civicclerk.com/v1/Events",
        now=NOW,
    )
    assert len(listing.meetings) == 6
    bocc = next(m for m in listing.meetings if m.source_id == "737")
    assert bocc.body == "Board of County Commissioners"
    assert bocc.starts_at == "2026-01-06T09:00:00"  # local time: the "Z" is not trusted
    assert bocc.status == "upcoming"
    assert bocc.modified_at == "2026-01-03T21:38:08.127Z"
    assert bocc.documents[0].url == (
        "https://donaanaconm.api.civicclerk.com/v1/Meetings/"
        "GetMeetingFileStream(fileId=3991,plainText=false)"
    )
    assert bocc.url == "https://donaanaconm.portal.civicclerk.com/event/737/files"


def test_real_mandan_events_with_minutes_and_packet() -> None:
    listing = civicclerk.parse_events(
        real("mandan_nd_events.json"), "https://mandannd.api.civicclerk.com/v1/Events", now=NOW
    )
    assert len(listing.meetings) == 15
    march = next(m for m in listing.meetings if m.source_id == "4")
    assert march.starts_at == "2024-03-05T17:30:00"
    assert [d.kind for d in march.documents] == ["agenda", "packet"]
    assert march.documents[1].title == "March 5, 2024 City Commision Agenda Packet"
    assert next(m for m in listing.meetings if m.source_id == "15").documents[0].kind == "minutes"


def test_real_south_fulton_events() -> None:
    listing = civicclerk.parse_events(
        real("south_fulton_ga_events.json"), "https://southfultonga.api.civicclerk.com/v1/Events"
    )
    assert len(listing.meetings) == 16
    assert {m.body for m in listing.meetings} == {"City Council"}


def test_paging_link_and_empty_value() -> None:
    page = {"value": [], "@odata.nextLink": "https://x.api.civicclerk.com/v1/Events?$skip=100"}
    listing = civicclerk.parse_events(json.dumps(page).encode(), "https://x.api.civicclerk.com/v1/")
    assert listing.meetings == ()
    assert listing.next_url == "https://x.api.civicclerk.com/v1/Events?$skip=100"


def test_html_where_json_was_expected() -> None:
    with pytest.raises(
        ParseError, match=r"expected CivicClerk events \(OData\) as JSON, got an HTML page"
    ):
        civicclerk.parse_events(b"<!doctype html><html><body>portal</body></html>", "https://x/")
    with pytest.raises(ParseError, match="'value' list"):
        civicclerk.parse_events(b'{"error": {"code": "404"}}', "https://x/")
