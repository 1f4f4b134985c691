"""Discovery against a local web: county home pages on 127.0.0.1 servers (one per host name,
found through a test resolver) that link or frame platform portals, which answer their listing
request with the real responses in ../shared/agenda_platforms (or a self-built minimal set).
Includes a county linking two platforms, one linking none, a redirect to another host, a
look-alike county in another state, a 50 MB page, a redirect loop and a Spanish page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from conftest import SHARED
from http_server import Answer, ScriptedServer
from watcher.cli import cli
from watcher.discovery.discover import Attempt, Limits, discover, targets
from watcher.discovery.registry import accepted_sources, list_portals, reject
from watcher.store.archive import open_archive

PLATFORMS = SHARED / "agenda_platforms"
COUNTIES = {  # FIPS: (state, agency, home page)
    "37119": ("NC", "Mecklenburg County Sheriff's Office", "http://www.mecknc.test/"),
    "35013": ("NM", "Dona Ana County Sheriff's Office", "http://www.donaanacounty.test/"),
    "34023": ("NJ", "Middlesex County Sheriff's Office", "http://www.middlesexcountynj.test/"),
    "48303": ("TX", "Lubbock County Sheriff's Office", "http://www.lubbockcounty.test/"),
    "48477": ("TX", "Washington County Sheriff's Office", "http://www.washingtoncounty.test/"),
    "48201": ("TX", "Harris County Sheriff's Office", "http://www.harriscounty.test/"),
    "48029": ("TX", "Bexar County Sheriff's Office", "http://www.bexar.test/"),
    "48215": ("TX", "Hidalgo County Sheriff's Office", "http://www.hidalgocounty.test/"),
}
MINIMAL = {
    "legistar": [{"EventId": 1, "EventBodyName": "Board of County Commissioners",
                  "EventInSiteURL": "https://mecklenburg.legistar.com/MeetingDetail.aspx?ID=1"}],
    "civicclerk": {"value": [{"id": 7, "eventName": "Board of County Commissioners",
                              "startDateTime": "2025-05-13T09:00:00Z"}]},
    "primegov": [{"id": 5, "meetingId": 601, "meetingTitle": "Board of County Commissioners",
                  "title": "Agenda"}],
}  # fmt: skip
AGENDA_CENTER = (
    "<html lang='en'><head><title>Agenda Center - Doña Ana County, NM</title></head><body>"
    "<h1>Agenda Center</h1><div id='AgendaCenterContent'><a href='/AgendaCenter/ViewFile/"
    "Agenda/_05132025-1'>Board of County Commissioners</a><a href='/AgendaCenter/Search/'>"
    "Search</a></div></body></html>"
)


class LocalWeb(httpx.BaseTransport):
    """Host names -> real servers on 127.0.0.1; any other host cannot be reached."""

    def __init__(self) -> None:
        self.servers: dict[str, ScriptedServer] = {}
        self.inner = httpx.HTTPTransport()
        self.hosts_asked: list[str] = []

    def server(self, host: str) -> ScriptedServer:
        if host not in self.servers:
            server = ScriptedServer()
            server.thread.start()
            self.servers[host] = server
        return self.servers[host]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.hosts_asked.append(host)
        if host not in self.servers:
            raise httpx.ConnectError(f"no route to {host}", request=request)
        port = self.servers[host].httpd.server_address[1]
        local = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host="127.0.0.1", port=port),
            headers=[(k, v) for k, v in request.headers.items() if k.lower() != "host"]
            + [("Host", host)],
            stream=request.stream,
        )
        return self.inner.handle_request(local)

    def close(self) -> None:
        for server in self.servers.values():
            server.httpd.shutdown()
            server.httpd.server_close()
        self.inner.close()


def page(body: str, lang: str = "en") -> Answer:
    html = f"<!doctype html><html lang='{lang}'><body>{body}</body></html>"
    return Answer(body=html.encode(), headers={"Content-Type": "text/html"})


def listing(platform: str, real: str | None) -> Answer:
    if real is not None:
        path = PLATFORMS / real
        return Answer(body=path.read_bytes(), headers={"Content-Type": "application/json"})
    return Answer(body=json.dumps(MINIMAL[platform]).encode())


def build_web(web: LocalWeb, real: bool) -> None:
    def file(name: str) -> str | None:
        return name if real else None

    mecklenburg = web.server("www.mecknc.test")
    mecklenburg.route("/", page("<a href='/bocc/'>Board of County Commissioners Meetings</a>"
                                "<a href='/parks/'>Parks</a>"))  # fmt: skip
    mecklenburg.route("/bocc/", page(
        "<iframe title='Meetings' src='https://mecklenburg.legistar.com/Calendar.aspx'></iframe>"
    ))  # fmt: skip
    web.server("webapi.legistar.com").route(
        "/v1/mecklenburg/Events",
        listing("legistar", file("legistar/mecklenburg_county_events_trimmed.json")),
    )
    dona_ana = web.server("www.donaanacounty.test")
    dona_ana.route("/", page(
        "<a href='https://donaanaconm.portal.civicclerk.com/'>Agendas (CivicClerk)</a>"
        "<a href='/AgendaCenter'>Agenda Center</a>"
    ))  # fmt: skip
    dona_ana.route("/AgendaCenter/Search/", Answer(body=AGENDA_CENTER.encode()))
    web.server("donaanaconm.api.civicclerk.com").route(
        "/v1/Events",
        listing("civicclerk", file("civicclerk/dona_ana_county_nm_events_selected.json")),
    )
    web.server("www.middlesexcountynj.test").route(
        "/", Answer(status=301, headers={"Location": "https://portal.middlesex.test/home"})
    )
    portal = web.server("portal.middlesex.test")
    portal.route("/home", page("<a href='/meetings'>Meetings &amp; Agendas</a>"))
    portal.route("/meetings", page(
        "<a href='https://middlesexcountynj.primegov.com/public/portal'>Agenda portal</a>"
    ))  # fmt: skip
    web.server("middlesexcountynj.primegov.com").route(
        "/api/v2/PublicPortal/ListUpcomingMeetings",
        listing("primegov", file("primegov/middlesex_county_nj_publicportal_search.json")),
    )
    web.server("www.lubbockcounty.test").route(
        "/", page("<a href='/jobs'>Jobs</a><a href='https://www.texas.gov/'>Texas</a>")
    )
    web.server("www.washingtoncounty.test").route(
        "/", page("<a href='https://washingtoncounty.primegov.com/public/portal'>Agendas</a>")
    )
    web.server("washingtoncounty.primegov.com").route(
        "/api/v2/PublicPortal/ListUpcomingMeetings",
        Answer(body=json.dumps([{"id": 1, "meetingTypeId": 2, "dateTime": "2025-06-01",
                                 "title": "Washington County, Oregon Board of Commissioners"}]
                               ).encode()),
    )  # fmt: skip
    web.server("www.harriscounty.test").route("/", Answer(body=b" " * (50 * 1024 * 1024)))
    bexar = web.server("www.bexar.test")
    bexar.route("/", Answer(status=302, headers={"Location": "/a"}))
    bexar.route("/a", Answer(status=302, headers={"Location": "/"}))
    web.server("www.hidalgocounty.test").route("/", page(
        "<a href='https://hidalgo.legistar.com/Calendar.aspx'>Agendas y actas</a>", lang="es"
    ))  # fmt: skip


def make_archive(path: Path) -> None:
    db = open_archive(path)
    db.execute("INSERT INTO sources (name, kind, url) VALUES ('ice', 'ice_287g', 'https://x')")
    now = "2025-12-31T00:00:00+00:00"
    for number, (fips, (state, agency, home)) in enumerate(COUNTIES.items()):
        db.execute(
            "INSERT INTO agreements (source, list_kind, key, state, agency, agency_key, "
            "support_type, content_hash, status, first_seen_at, county_fips, jurisdiction_basis) "
            "VALUES ('ice', 'participating', ?, ?, ?, ?, 'Task Force Model', 'h', 'active', ?, ?, "
            "'agency_name')",
            [f"k{number}", state, agency, agency.lower(), now, fips],
        )
        db.execute(
            "INSERT INTO portals (government, state, county_fips, platform, url, evidence, "
            "confidence, status, created_at, updated_at) VALUES (?, ?, ?, 'website', ?, "
            "'test .gov list', 'medium', 'known', ?, ?)",
            [agency.split(" Sheriff")[0], state, fips, home, now, now],
        )
    db.close()


@pytest.fixture(params=["minimal", "real"])
def web(request: pytest.FixtureRequest) -> Iterator[tuple[LocalWeb, bool]]:
    real = request.param == "real"
    if real and not PLATFORMS.is_dir():
        pytest.skip(f"{PLATFORMS} is absent: the real platform responses live in ../shared")
    transport = LocalWeb()
    build_web(transport, real)
    yield transport, real
    transport.close()


def client_for(transport: LocalWeb) -> httpx.Client:
    return httpx.Client(
        transport=transport, follow_redirects=True, max_redirects=5,
        headers={"User-Agent": "watcher/test (+https://example.org; contact: t@example.org)"},
    )  # fmt: skip


def outcomes(attempts: list[Attempt]) -> dict[str, tuple[str, str]]:
    return {a.target.fips: (a.outcome, a.reason) for a in attempts}


def test_discovery_on_a_local_web(tmp_path: Path, web: tuple[LocalWeb, bool]) -> None:
    transport, _ = web
    make_archive(tmp_path / "w.db")
    db = open_archive(tmp_path / "w.db")
    found = targets(db)
    assert {t.fips for t in found} == set(COUNTIES)
    with client_for(transport) as client:
        attempts = discover(db, client, found, limits=Limits(host_interval=0))
    result = outcomes(attempts)

    assert result["37119"][0] == "proposed"  # through the BOCC page's frame
    assert result["35013"][0] == "proposed"  # two platforms linked from one page
    assert result["34023"][0] == "proposed"  # after a redirect to another host
    assert result["48303"] == (
        "nothing",
        "no agenda platform linked from 1 page(s) of http://www.lubbockcounty.test/",
    )
    assert result["48477"][0] == "failed" and "another place" in result["48477"][1]
    assert result["48201"][0] == "failed" and "cap" in result["48201"][1]
    assert result["48029"][0] == "failed" and "redirect" in result["48029"][1].lower()
    assert result["48215"][0] == "failed" and "another language (es)" in result["48215"][1]

    portals = {(r["county_fips"], r["platform"]): r for r in list_portals(db)}
    meck = portals[("37119", "legistar")]
    assert (meck["status"], meck["client"], meck["confidence"]) == (
        "verified",
        "mecklenburg",
        "high",
    )
    assert meck["evidence"] == "framed in http://www.mecknc.test/bocc/" and meck["verified_at"]
    assert portals[("35013", "civicclerk")]["status"] == "verified"
    assert portals[("35013", "civicplus")]["url"] == "http://www.donaanacounty.test/AgendaCenter"
    assert portals[("35013", "civicplus")]["status"] == "verified"
    middlesex = portals[("34023", "primegov")]
    assert middlesex["evidence"] == "linked from https://portal.middlesex.test/meetings"
    lookalike = portals[("48477", "primegov")]
    assert (lookalike["status"], lookalike["confidence"]) == ("failed", "low")
    assert "Washington in OR, not TX" in lookalike["reason"]
    assert ("48215", "legistar") not in portals  # the Spanish page was not read further
    assert "hidalgo.legistar.com" not in transport.hosts_asked
    stored = db.execute(
        "SELECT county_fips, outcome, pages_fetched FROM discovery_attempts ORDER BY id"
    ).fetchall()
    assert len(stored) == 8
    assert dict((f, o) for f, o, _ in stored) == {f: o for f, (o, _) in result.items()}
    assert max(p for _, _, p in stored) <= Limits().max_pages
    # The crawl never left a county's own site except to a recognised platform.
    assert "www.texas.gov" not in transport.hosts_asked
    db.close()


def test_second_run_uses_the_registry_and_remembers_a_no(
    tmp_path: Path, web: tuple[LocalWeb, bool]
) -> None:
    transport, _ = web
    make_archive(tmp_path / "w.db")
    db = open_archive(tmp_path / "w.db")
    with client_for(transport) as client:
        discover(db, client, targets(db, ("NM", "NC")), limits=Limits(host_interval=0))
        civicclerk = next(r for r in list_portals(db) if r["platform"] == "civicclerk")
        with db.atomic():
            reject(db, civicclerk["id"], "a test portal")
        again = discover(db, client, targets(db, ("NM", "NC")), limits=Limits(host_interval=0))
    assert {a.target.fips: (a.outcome, a.pages) for a in again} == {
        "37119": ("registry", 0),
        "35013": ("registry", 0),  # the CivicPlus AgendaCenter; CivicClerk stays rejected
    }
    rows = [r for r in list_portals(db) if r["platform"] == "civicclerk"]
    assert [(r["status"], r["reason"]) for r in rows] == [("rejected", "a test portal")]
    db.close()


def test_an_accepted_proposal_becomes_a_source_and_leaves_discovery(
    tmp_path: Path, web: tuple[LocalWeb, bool]
) -> None:
    transport, _ = web
    make_archive(tmp_path / "w.db")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/x'}\n"
    )
    db = open_archive(tmp_path / "w.db")
    with client_for(transport) as client:
        discover(db, client, targets(db, ("NC",)), limits=Limits(host_interval=0))
    db.close()
    base = ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db")]
    listed = json.loads(CliRunner().invoke(cli, [*base, "portals", "list", "--json"]).output)
    verified = [r for r in listed if r["status"] == "verified"]
    assert [(r["government"], r["platform"]) for r in verified] == [
        ("Mecklenburg County", "legistar")
    ]
    result = CliRunner().invoke(cli, [*base, "portals", "accept", "--all-verified"])
    assert result.exit_code == 0 and "accepted: source portal-" in result.output
    db = open_archive(tmp_path / "w.db")
    (source,) = accepted_sources(db)
    assert (source.kind, source.client) == ("legistar", "mecklenburg")
    assert "37119" not in {t.fips for t in targets(db)}
    db.close()


def test_the_command_needs_no_network_when_no_site_is_known(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "w.db")
    db.execute("INSERT INTO sources (name, kind, url) VALUES ('ice', 'ice_287g', 'https://x')")
    db.execute(
        "INSERT INTO agreements (source, list_kind, key, state, agency, agency_key, support_type, "
        "content_hash, status, first_seen_at, county_fips, jurisdiction_basis) VALUES ('ice', "
        "'participating', 'k', 'TX', 'Loving County Sheriff''s Office', 'l', 'Task Force Model', "
        "'h', 'active', '2025-12-31', '48301', 'agency_name')"
    )
    db.close()
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "w.db"), "--config", str(tmp_path / "none.yaml"),
              "discover", "--state", "TX", "--county", "Loving", "--limit", "5"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "TX Loving County: nothing (0 page(s)) - no website of the county is known" in (
        result.output
    )
    assert "1 county(ies): 0 with a verified proposal" in result.output


def test_discovery_follows_redirects_to_public_hosts_only() -> None:
    from watcher.discovery.discover import EXPLORING
    from watcher.errors import FetchError
    from watcher.fetch import NetPolicy, check_redirect, check_target

    check_redirect("http://www.county.example/", "http://county.legistar.example/", EXPLORING)
    with pytest.raises(FetchError, match="refused a redirect to another host"):
        check_redirect("http://www.county.example/", "http://other.example/", NetPolicy())
    for private in ("http://127.0.0.1/", "http://169.254.169.254/latest/", "http://10.0.0.7/"):
        with pytest.raises(FetchError, match="private, loopback or link-local"):
            check_target(private, EXPLORING)
