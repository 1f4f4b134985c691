"""CivicPlus AgendaCenter parser: landing and search pages, old and 2024 layouts."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from watcher.agendas import civicplus
from watcher.errors import ParseError

NOW = dt.datetime(2020, 11, 1, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "civicplus", name).read_bytes()


def test_real_las_cruces_search_with_packets_and_minutes() -> None:
    listing = civicplus.parse_agenda_center(
        real("las_cruces_nm_agendacenter_search.html"),
        "https://nm-lascruces.civicplus.com/AgendaCenter/Search/?term=",
        now=NOW,
    )
    assert len(listing.meetings) == 28
    airport = next(m for m in listing.meetings if m.source_id == "11192020-808")
    assert airport.body == "Airport Advisory Board"
    assert airport.starts_at == "2020-11-19"
    assert airport.title == "Airport Advisory Board Meeting Agenda for November 19, 2020"
    assert [(d.kind, d.url) for d in airport.documents] == [
        ("agenda", "https://nm-lascruces.civicplus.com/AgendaCenter/ViewFile/Agenda/_11192020-808"),
        (
            "packet",
            "https://nm-lascruces.civicplus.com/AgendaCenter/ViewFile/Agenda/_11192020-808?packet=true",
        ),
    ]  # the ?html=true copy of the agenda is not read twice
    kinds = [d.kind for m in listing.meetings for d in m.documents]
    assert kinds.count("minutes") == 4


def test_real_columbus_search_on_a_custom_domain() -> None:
    listing = civicplus.parse_agenda_center(
        real("columbus_wi_agendacenter_search.html"),
        "https://www.cityofcolumbuswi.com/AgendaCenter/Search/?term=",
        now=NOW,
    )
    cable = next(m for m in listing.meetings if m.source_id == "10072020-1620")
    assert cable.body == "Cable Commission"
    assert cable.documents[1].url == (
        "https://www.cityofcolumbuswi.com/AgendaCenter/ViewFile/Minutes/_10072020-1620"
    )
    assert cable.modified_at == "2020-10-07T09:44:00"  # "— Amended Oct 7, 2020 9:44 AM"
    council = next(m for m in listing.meetings if m.source_id == "10062020-1621")
    assert council.status == "cancelled"  # "Council agenda - 10/06/20 - reg - Cancelled"


def test_real_2024_layout_reads_the_category_heading() -> None:
    listing = civicplus.parse_agenda_center(
        real("alameda_county_water_district_agendacenter_search.html"), "https://www.acwd.org/"
    )
    assert [(m.body, m.starts_at) for m in listing.meetings] == [
        ("Engineering and Information Technology Committee", "2024-09-04"),
        ("Operations and Water Quality Committee", "2024-09-03"),
    ]


def test_real_landing_page() -> None:
    listing = civicplus.parse_agenda_center(
        real("kingsburg_ca_agendacenter.html"), "https://www.cityofkingsburg-ca.gov/agendacenter"
    )
    assert len(listing.meetings) == 61
    first = listing.meetings[0]
    assert (first.source_id, first.body) == ("08242022-727", "Community Services Commission")


def test_real_search_with_no_results_is_an_empty_listing() -> None:
    listing = civicplus.parse_agenda_center(
        real("las_cruces_nm_agendacenter_search_no_results.html"),
        "https://nm-lascruces.civicplus.com/AgendaCenter/Search/",
    )
    assert listing.meetings == ()


PAGE = """<html><body><div id="AgendaCenterContent">
<div class="listing" id="cat4"><h2>Board of Commissioners</h2><table><tbody>
<tr class="catAgendaRow"><td><h4><strong>Dec 1, 2026</strong></h4>
<p><a href="/AgendaCenter/ViewFile/Agenda/_12012026-99">Regular Meeting</a></p></td>
<td class="minutes"></td><td><a href="/AgendaCenter/ViewFile/Agenda/_12012026-99?packet=true">
Packet</a></td></tr></tbody></table></div></div></body></html>"""


def test_page_built_here() -> None:
    listing = civicplus.parse_agenda_center(
        PAGE.encode(), "https://www.nashcountync.gov/", now=dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
    )
    (meeting,) = listing.meetings
    assert meeting.body == "Board of Commissioners"
    assert meeting.status == "upcoming"
    assert [d.kind for d in meeting.documents] == ["agenda", "packet"]
    assert meeting.documents[1].url == (
        "https://www.nashcountync.gov/AgendaCenter/ViewFile/Agenda/_12012026-99?packet=true"
    )


def test_empty_agenda_center_is_an_empty_listing() -> None:
    body = b'<html><body><div id="AgendaCenterContent"><h1>Agenda Center</h1></div></body></html>'
    assert civicplus.parse_agenda_center(body, "https://x/").meetings == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body><h1>Welcome to our county</h1></body></html>", "AgendaCenter"),
        (b'{"error": "not here"}', "got JSON"),
        (
            b"<html><title>Log in</title><form><input type='password'></form></html>",
            "login page",
        ),
    ],
)
def test_wrong_pages_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        civicplus.parse_agenda_center(body, "https://x/")
