"""Granicus ViewPublisher pages (any template) and their RSS feed."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from conftest import shared_path
from watcher.agendas import granicus
from watcher.errors import ParseError

NOW = dt.datetime(2018, 11, 1, tzinfo=dt.UTC)


def real(name: str) -> bytes:
    return shared_path("agenda_platforms", "granicus", name).read_bytes()


def test_real_archive_view_with_agendas_and_minutes() -> None:
    listing = granicus.parse_view_publisher(
        real("rta_chicago_viewpublisher_view4_archive.html"),
        "http://rtachicago.granicus.com/ViewPublisher.php?view_id=4",
        now=NOW,
    )
    kinds = [d.kind for m in listing.meetings for d in m.documents]
    assert kinds.count("agenda") == 116 and kinds.count("minutes") == 110
    board = next(m for m in listing.meetings if m.source_id == "clip-319")
    assert board.body == "Board of Directors"
    assert board.starts_at == "2018-11-28"
    assert [d.url for d in board.documents] == [
        "http://rtachicago.granicus.com/AgendaViewer.php?view_id=4&clip_id=319",
        "http://rtachicago.granicus.com/MinutesViewer.php?view_id=4&clip_id=319",
    ]
    finance = next(m for m in listing.meetings if m.source_id == "clip-324")
    assert (finance.body, finance.starts_at) == ("Finance Committee", "2018-12-13T08:30:00")


def test_real_upcoming_view_keeps_meetings_without_documents() -> None:
    listing = granicus.parse_view_publisher(
        real("rta_chicago_viewpublisher_view5_upcoming.html"),
        "http://rtachicago.granicus.com/ViewPublisher.php?view_id=5",
        now=NOW,
    )
    audit = next(m for m in listing.meetings if m.source_id == "event-325")
    assert audit.body == "Audit Committee"
    assert audit.documents[0].url == (
        "http://rtachicago.granicus.com/AgendaViewer.php?view_id=5&event_id=325"
    )
    finance = [m for m in listing.meetings if m.starts_at == "2018-11-28T09:00:00"]
    assert finance and finance[0].status == "upcoming" and finance[0].documents == ()


TABLE = """<html><body><!-- Granicus --><table class="listingTable">
<tr><th>Name</th><th>Date</th><th></th></tr>
<tr class="listingRow"><td class="listItem" headers="Name">Board of Supervisors</td>
<td class="listItem" headers="Date">12/08/26</td>
<td><a href="AgendaViewer.php?view_id=2&event_id=901">Agenda</a></td></tr>
<tr class="listingRow"><td class="listItem" headers="Name">Board of Supervisors</td>
<td class="listItem" headers="Date">11/10/26</td>
<td><a href="AgendaViewer.php?view_id=2&clip_id=880">Agenda</a>
<a href="MinutesViewer.php?view_id=2&clip_id=880">Minutes</a>
<a href="javascript:void(0)" onclick="window.open('MediaPlayer.php?view_id=2&clip_id=880')">
Video</a></td></tr></table><p>Page updated Jan 2, 2026</p></body></html>"""


def test_default_table_template_built_here() -> None:
    listing = granicus.parse_view_publisher(
        TABLE.encode(),
        "https://county.granicus.com/ViewPublisher.php?view_id=2",
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    assert [(m.source_id, m.status) for m in listing.meetings] == [
        ("event-901", "upcoming"),
        ("clip-880", "past"),
    ]
    assert listing.meetings[1].documents[1].url == (
        "https://county.granicus.com/MinutesViewer.php?view_id=2&clip_id=880"
    )


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Agendas</title>
<item><title>Board of Supervisors - Dec 08, 2026</title>
<link>https://county.granicus.com/AgendaViewer.php?view_id=2&amp;event_id=901</link>
<pubDate>Tue, 01 Dec 2026 17:00:00 GMT</pubDate></item>
<item><title>Planning Commission - Nov 30, 2026</title>
<link>https://county.granicus.com/AgendaViewer.php?view_id=2&amp;clip_id=870</link></item>
</channel></rss>"""


def test_rss_feed_built_here() -> None:
    listing = granicus.parse_rss(
        RSS,
        "https://county.granicus.com/ViewPublisherRSS.php?view_id=2&mode=agendas",
        now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    assert [(m.source_id, m.body, m.starts_at, m.status) for m in listing.meetings] == [
        ("event-901", "Board of Supervisors", "2026-12-08", "upcoming"),
        ("clip-870", "Planning Commission", "2026-11-30", "past"),
    ]
    assert listing.meetings[0].documents[0].kind == "agenda"


def test_rss_that_is_not_rss_is_refused() -> None:
    with pytest.raises(ParseError, match="RSS"):
        granicus.parse_rss(b"<html><body>Not found</body></html>", "https://x/")


def test_page_that_is_not_granicus_is_refused() -> None:
    with pytest.raises(ParseError, match="ViewPublisher"):
        granicus.parse_view_publisher(b"<html><body><p>Hello</p></body></html>", "https://x/")


def test_granicus_page_with_no_meetings_is_empty() -> None:
    body = b"<html><body><div id='granicus'>No upcoming events</div></body></html>"
    assert granicus.parse_view_publisher(body, "https://x.granicus.com/").meetings == ()


def test_deeply_nested_blocks_cost_the_links_not_the_nesting() -> None:
    # 2,000 nested <div>s each with a date and a viewer link: searching every subtree for
    # nested rows took minutes; climbing from each link to its dated block takes seconds.
    row = b"<div>Jan 1, 2020 <a href='AgendaViewer.php?view_id=1&clip_id=1'>Agenda</a>"
    body = b"<html><body><!-- granicus -->" + row * 2000 + b"</div>" * 2000 + b"</body></html>"
    started = time.monotonic()
    listing = granicus.parse_view_publisher(body, "https://x.granicus.com/")
    assert time.monotonic() - started < 30
    assert [m.source_id for m in listing.meetings] == ["clip-1"]
