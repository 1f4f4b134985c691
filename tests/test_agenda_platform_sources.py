"""Agenda-platform sources end to end, each platform's real recorded responses served on
127.0.0.1 at the platform's real paths (hosts in the recordings pointed at the test server)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import httpx
import pytest

from agenda_sites import agenda_json, agenda_pdf, config, plain_pdf, watcher
from conftest import shared_path
from http_server import Answer, ScriptedServer
from watcher.config import load_config
from watcher.runtime.pipeline import run_sources
from watcher.sources.civicclerk import api_base
from watcher.store.archive import open_archive

NC = "jurisdiction: {state: NC, county: Nash}"


def real(*parts: str) -> bytes:
    return shared_path("agenda_platforms", *parts).read_bytes()


def meetings(tmp_path: Path) -> list[tuple[str, str, str]]:
    db = open_archive(tmp_path / "w.db")
    rows = db.execute("SELECT source_id, body, starts_at FROM meetings ORDER BY starts_at DESC")
    return [tuple(row) for row in rows]


def test_civicplus_search_page(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/AgendaCenter/Search/",
        Answer(body=real("civicplus", "las_cruces_nm_agendacenter_search.html")),
    )
    http_server.route("/AgendaCenter/ViewFile/Agenda/_12142020-828", Answer(body=agenda_pdf()))
    http_server.route("/AgendaCenter/ViewFile/Agenda/_12142020-827", Answer(body=plain_pdf()))
    config(
        tmp_path,
        f"  - {{name: lc, kind: civicplus, url: '{http_server.base}/', min_interval: 0, "
        f"lookback_days: 3660, max_meetings: 2, max_documents: 2, {NC}}}\n",
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    search = next(
        r.path for r in http_server.requests if r.path.startswith("/AgendaCenter/Search/")
    )
    assert "CIDs=all" in search and "startDate=" in search
    assert meetings(tmp_path)[0] == ("12142020-828", "Planning and Zoning Commission", "2020-12-14")
    (item,) = agenda_json(tmp_path)
    assert item["item_number"] == "7.B"
    assert item["documents"][0]["url"].endswith("/AgendaCenter/ViewFile/Agenda/_12142020-828")
    assert [d["kind"] for d in item["documents"]] == ["agenda", "packet"]  # one item, two files
    # The next meeting's files wait for the next pass: the document budget was two.
    assert http_server.hits("/AgendaCenter/ViewFile/Agenda/_12142020-827") == 0


def columbus(server: ScriptedServer) -> None:
    server.route(
        "/AgendaCenter/Search/",
        Answer(body=real("civicplus", "columbus_wi_agendacenter_search.html")),
    )
    for key in ("10082020-1625", "10072020-1620"):
        server.route(f"/AgendaCenter/ViewFile/Agenda/_{key}", Answer(body=plain_pdf()))
        server.route(f"/AgendaCenter/ViewFile/Minutes/_{key}", Answer(body=plain_pdf()))


def test_civicplus_waits_two_seconds_by_default(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    columbus(http_server)
    config(
        tmp_path,
        f"  - {{name: cw, kind: civicplus, url: '{http_server.base}/', lookback_days: 3660, "
        f"max_meetings: 2, {NC}}}\n",
    )
    slept: list[float] = []
    db = open_archive(tmp_path / "w.db")
    with httpx.Client() as client:
        report = run_sources(load_config(tmp_path / "sources.yaml"), db, client, sleep=slept.append)
    assert report.ok, report.outcomes[0].error
    assert len(http_server.requests) == 5  # the search page and four documents
    # A wait before each request after the first: what is left of two seconds since the last.
    assert len(slept) == 4 and all(0 < s <= 2.0 for s in slept)


def test_min_interval_spaces_requests_to_a_host(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    columbus(http_server)
    config(
        tmp_path,
        f"  - {{name: cw, kind: civicplus, url: '{http_server.base}/', lookback_days: 3660, "
        f"max_meetings: 2, min_interval: 1, {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    times = [request.at for request in http_server.requests]
    assert len(times) == 5
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.9  # 1 s, less arrival jitter


def test_civicplus_amended_agenda_is_read_again(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    def page(stamp: str) -> bytes:
        return (
            '<html><body><div id="AgendaCenterContent"><div class="listing" id="cat1">'
            "<h2>Board of Commissioners</h2><table><tbody><tr class='catAgendaRow'><td>"
            f"<h4><strong>Jan 5, 2099</strong> — {stamp}</h4><p>"
            "<a href='/AgendaCenter/ViewFile/Agenda/_01052099-7'>Regular Meeting</a></p>"
            "</td></tr></tbody></table></div></div></body></html>"
        ).encode()

    http_server.route(
        "/AgendaCenter/Search/",
        Answer(body=page("Posted Dec 28, 2098 4:00 PM")),
        Answer(body=page("Posted Dec 28, 2098 4:00 PM")),
        Answer(body=page("Amended Jan 2, 2099 9:15 AM")),
    )
    http_server.route(
        "/AgendaCenter/ViewFile/Agenda/_01052099-7",
        Answer(body=plain_pdf(), headers={"ETag": '"v1"'}),
        Answer(body=agenda_pdf(), headers={"ETag": '"v2"'}),
    )
    config(
        tmp_path,
        f"  - {{name: nash, kind: civicplus, url: '{http_server.base}/', min_interval: 0, {NC}}}\n",
    )
    for _ in range(3):
        assert watcher(tmp_path, "run").exit_code == 0
    # Read once when posted, not again while unchanged, again once amended.
    assert http_server.hits("/AgendaCenter/ViewFile/Agenda/_01052099-7") == 2
    (item,) = agenda_json(tmp_path, "--upcoming")
    assert item["item_number"] == "7.B"


def test_granicus_view_publisher_agenda_then_minutes(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    page = real("granicus", "rta_chicago_viewpublisher_view4_archive.html").replace(
        b"http://rtachicago.granicus.com", http_server.base.encode()
    )
    http_server.route("/ViewPublisher.php", Answer(body=page))
    http_server.route("/AgendaViewer.php", Answer(body=agenda_pdf()))
    minutes = ["7.B 287(g) Task Force agreement with ICE.", "Approved 4-1, Director Lee voting no."]
    http_server.route("/MinutesViewer.php", Answer(body=agenda_pdf(lines=minutes)))
    config(
        tmp_path,
        f"  - {{name: rta, kind: granicus, url: '{http_server.base}/ViewPublisher.php?view_id=4', "
        f"lookback_days: 3660, max_meetings: 4, {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert meetings(tmp_path)[0] == ("clip-324", "Finance Committee", "2018-12-13T08:30:00")
    items = {item["url"].rsplit("=", 1)[1]: item for item in agenda_json(tmp_path)}
    assert len(items) == 4  # every agenda of the test server holds the item
    board = items["319"]  # its agenda, then its minutes: one item, with the vote
    assert board["body"] == "Board of Directors"
    assert board["vote"] == "approved 4-1"
    assert [d["kind"] for d in board["documents"]] == ["agenda", "minutes"]


def test_granicus_site_root_reads_its_first_view(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    page = real("granicus", "rta_chicago_viewpublisher_view5_upcoming.html")
    http_server.route("/ViewPublisher.php", Answer(body=page))
    config(
        tmp_path,
        f"  - {{name: rta, kind: granicus, url: '{http_server.base}/', variant: viewpublisher, "
        f"lookback_days: 3660, max_meetings: 1, {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert http_server.requests[0].path == "/ViewPublisher.php?view_id=1"


def test_granicus_rss(tmp_path: Path, http_server: ScriptedServer) -> None:
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel>"
        "<item><title>Board of Supervisors - Jan 12, 2099</title>"
        f"<link>{http_server.base}/AgendaViewer.php?view_id=2&amp;event_id=7</link></item>"
        "</channel></rss>"
    )
    http_server.route("/ViewPublisherRSS.php", Answer(body=rss.encode()))
    http_server.route("/AgendaViewer.php", Answer(body=agenda_pdf()))
    config(
        tmp_path,
        f"  - {{name: sup, kind: granicus, url: '{http_server.base}/ViewPublisherRSS.php?view_id=2"
        f"&mode=agendas', {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    (item,) = agenda_json(tmp_path, "--upcoming")
    assert (item["body"], item["meeting_date"]) == ("Board of Supervisors", "2099-01-12")


def test_civicclerk_api_from_a_portal_address() -> None:
    portal = "https://donaanaconm.portal.civicclerk.com/"
    assert api_base(portal, "donaanaconm") == "https://donaanaconm.api.civicclerk.com/v1"
    api = "https://mandannd.api.civicclerk.com/v1/Events?$top=5"
    assert api_base(api, None) == "https://mandannd.api.civicclerk.com/v1"
    assert api_base("http://127.0.0.1:8000/c7/v1/", "x") == "http://127.0.0.1:8000/c7/v1"


def test_iqm2_calendar(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/Citizens/Calendar.aspx", Answer(body=real("iqm2", "hanford_ca_citizens_calendar.html"))
    )
    http_server.route("/Citizens/FileOpen.aspx", Answer(body=plain_pdf()))
    config(
        tmp_path,
        f"  - {{name: hanford, kind: granicus, url: '{http_server.base}/Citizens/Calendar.aspx', "
        f"lookback_days: 3660, max_meetings: 1, {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    (meeting,) = db.execute("SELECT id, body, source_id FROM meetings").fetchall()
    kinds = db.execute(
        "SELECT kind FROM meeting_documents WHERE meeting_id = ? ORDER BY id", [meeting[0]]
    ).fetchall()
    assert meeting[1:] == ("Planning Commission", "1978")
    assert kinds == []  # not posted yet
    assert http_server.hits("/Citizens/FileOpen.aspx") == 0


def test_novusagenda_meetings(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/agendapublic/meetingsgeneral.aspx",
        Answer(body=real("novusagenda", "dinuba_ca_agendapublic_meetingsgeneral.html")),
    )
    http_server.route("/agendapublic/DisplayAgendaPDF.ashx", Answer(body=agenda_pdf()))
    config(
        tmp_path,
        f"  - {{name: dinuba, kind: granicus, "
        f"url: '{http_server.base}/agendapublic/meetingsgeneral.aspx?MeetingType=1', "
        f"lookback_days: 3660, max_meetings: 1, {NC}}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert meetings(tmp_path) == [("365", "Council Meeting", "2022-09-27")]
    (item,) = agenda_json(tmp_path)
    assert item["documents"][0]["url"].endswith("/agendapublic/DisplayAgendaPDF.ashx?MeetingID=365")


def test_civicclerk_events(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/v1/Events", Answer(body=real("civicclerk", "dona_ana_county_nm_events_selected.json"))
    )
    http_server.route(
        "/v1/Meetings/GetMeetingFileStream(fileId=3991,plainText=false)", Answer(body=agenda_pdf())
    )
    config(
        tmp_path,
        f"  - {{name: dac, kind: civicclerk, url: '{http_server.base}/v1/', lookback_days: 3660, "
        "max_meetings: 1, jurisdiction: {state: NM, county: Doña Ana}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    listing = next(r.path for r in http_server.requests if r.path.startswith("/v1/Events"))
    assert "startDateTime+ge+" in listing
    (item,) = agenda_json(tmp_path, "--state", "nm")
    assert (item["body"], item["meeting_date"]) == ("Board of County Commissioners", "2026-01-06")
    db = open_archive(tmp_path / "w.db")
    assert (
        db.execute("SELECT cursor FROM source_cursors").fetchone()[0] == "2026-01-03T21:38:08.127Z"
    )


def test_boarddocs_xml_feed(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/oh/akron/Board.nsf/XML-ActiveMeetings",
        Answer(body=real("boarddocs", "akron_public_schools_oh_xml_activemeetings.xml")),
    )
    config(
        tmp_path,
        f"  - {{name: akron, kind: boarddocs, url: '{http_server.base}/oh/akron/Board.nsf/', "
        "lookback_days: 3660, max_meetings: 2, max_documents: 500, "
        "jurisdiction: {state: OH, county: Summit}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert meetings(tmp_path)[0][:2] == ("BFPP3S6262FE", "Board of Education")
    db = open_archive(tmp_path / "w.db")
    scanned = db.execute("SELECT count(*) FROM meeting_documents WHERE kind = 'item' "
                         "AND scanned_at IS NOT NULL").fetchone()[0]  # fmt: skip
    assert scanned == 98 + 118  # every item of the two meetings read, none fetched
    assert len(http_server.requests) == 1


def test_boarddocs_meetings_list_and_agenda_by_post(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    listing = json.loads(real("boarddocs", "central_valley_sd_wa_bd_getmeetingslist.json"))
    listing[0] = {**listing[0], "numberdate": "20990105"}
    http_server.route(
        "/wa/cvsd/Board.nsf/BD-GetMeetingsList", Answer(body=json.dumps(listing).encode())
    )
    agenda = real("boarddocs", "columbus_city_schools_oh_bd_getagenda.html").replace(
        b"Appoint Treasurer Pro Tempore", b"Appoint Treasurer; approve 287(g) Task Force Model MOA"
    )
    http_server.route("/wa/cvsd/Board.nsf/BD-GetAgenda", Answer(body=agenda))
    config(
        tmp_path,
        f"  - {{name: cvsd, kind: boarddocs, url: '{http_server.base}/wa/cvsd/Board.nsf/', "
        "committee_id: A9HCZ3598E8C, max_meetings: 1, max_documents: 500, "
        "jurisdiction: {state: WA, county: Spokane, agency: Board of Directors}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert [(r.method, r.path) for r in http_server.requests] == [
        ("POST", "/wa/cvsd/Board.nsf/BD-GetMeetingsList?open"),
        ("POST", "/wa/cvsd/Board.nsf/BD-GetAgenda?open"),
    ]
    (item,) = agenda_json(tmp_path, "--upcoming")
    assert (item["item_number"], item["meeting_date"]) == ("2.1", "2099-01-05")
    assert item["url"].endswith("/wa/cvsd/Board.nsf/goto?open&id=DR8K4Q500E4A")


def test_primegov_upcoming_and_archived(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route(
        "/api/v2/PublicPortal/ListUpcomingMeetings",
        Answer(body=real("primegov", "los_angeles_city_listupcomingmeetings.json")),
    )
    http_server.route("/api/v2/PublicPortal/ListArchivedMeetings", Answer(body=b"[]"))
    http_server.route("/Public/CompiledDocument", Answer(body=agenda_pdf()))
    config(
        tmp_path,
        f"  - {{name: la, kind: primegov, url: '{http_server.base}/', lookback_days: 3660, "
        "max_meetings: 1, jurisdiction: {state: CA, county: Los Angeles}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    archived = next(r.path for r in http_server.requests if "ListArchived" in r.path)
    assert archived.endswith(f"year={dt.date.today().year}")
    ((source_id, body, starts),) = meetings(tmp_path)
    assert (source_id, starts) == ("16009", "2024-10-04T13:00:00")
    assert body == "Civil Rights, Equity, Immigration, Aging and Disability Committee"


@pytest.mark.parametrize("kind", ["civicplus", "granicus", "civicclerk", "boarddocs", "primegov"])
def test_unknown_key_fails_at_load(tmp_path: Path, kind: str) -> None:
    config(tmp_path, f"  - {{name: x, kind: {kind}, url: 'https://x.example/', {NC}, pages: 3}}\n")
    result = watcher(tmp_path, "run")
    assert result.exit_code == 2
    assert "source 'x', key 'pages': unknown key" in result.output
