"""PrimeGov public portal parser: upcoming, archived and search answers."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from watcher.agendas import primegov
from watcher.errors import ParseError

NOW = dt.datetime(2024, 10, 1, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "primegov", name).read_bytes()


def test_real_upcoming_meetings_of_los_angeles() -> None:
    listing = primegov.parse_meetings(
        real("los_angeles_city_listupcomingmeetings.json"),
        "https://lacity.primegov.com/api/v2/PublicPortal/ListUpcomingMeetings",
        now=NOW,
    )
    assert len(listing.meetings) == 13
    personnel = next(m for m in listing.meetings if m.source_id == "15993")
    assert personnel.body == "Personnel, Audits, and Hiring Committee"
    assert personnel.starts_at == "2024-10-01T08:30:00"
    assert personnel.status == "upcoming"
    # The PDF (compileOutputType 1) is read; the HTML copy of the same template is not.
    assert [(d.kind, d.url) for d in personnel.documents] == [
        (
            "agenda",
            "https://lacity.primegov.com/Public/CompiledDocument?"
            "meetingTemplateId=133784&compileOutputType=1",
        )
    ]
    civil = next(m for m in listing.meetings if m.source_id == "16009")
    assert civil.status == "cancelled"  # its document is a "Notice of Cancellation"


def test_real_archived_meetings() -> None:
    listing = primegov.parse_meetings(
        real("los_angeles_city_health_commission_listarchivedmeetingsbycommitteeid.json"),
        "https://lacity.primegov.com/api/v2/PublicPortal/ListArchivedMeetingsByCommitteeId",
        now=NOW,
    )
    assert len(listing.meetings) == 10
    january = next(m for m in listing.meetings if m.source_id == "15019")
    assert january.starts_at == "2024-01-08T18:00:00"
    assert january.url == "https://lacity.primegov.com/Portal/Meeting?meetingTemplateId=124727"


def test_real_search_rows_are_grouped_by_meeting() -> None:
    listing = primegov.parse_meetings(
        real("middlesex_county_nj_publicportal_search.json"),
        "https://middlesexcountynj.primegov.com/api/v2/PublicPortal/search",
    )
    assert len(listing.meetings) == 12
    assert listing.meetings[0].source_id == "601"
    assert listing.meetings[0].body == "Planning Board"


def test_empty_and_wrong_answers() -> None:
    assert primegov.parse_meetings(b"[]", "https://x.primegov.com/").meetings == ()
    with pytest.raises(ParseError, match="PrimeGov meeting list as JSON, got an HTML page"):
        primegov.parse_meetings(b"<html><body>Error</body></html>", "https://x.primegov.com/")
    with pytest.raises(ParseError, match="other records"):
        primegov.parse_meetings(b'[{"name": "x"}]', "https://x.primegov.com/")
