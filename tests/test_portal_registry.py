"""The portal registry: seeded from the shipped public-list rows and the configured sources;
the operator's accept (a source `watcher run` reads) and reject (remembered)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result

from http_server import Answer, ScriptedServer
from test_coverage import CONFIG
from watcher.cli import cli
from watcher.config import load_config
from watcher.discovery.platforms import recognise
from watcher.discovery.registry import accepted_sources, list_portals, seed_from_lists
from watcher.store.archive import open_archive


def watcher(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def test_seeded_from_the_public_lists_once(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "w.db")
    with db.atomic():
        added = seed_from_lists(db)
    assert 1500 < added < 2500
    with db.atomic():
        assert seed_from_lists(db) == 0
    durham = {
        (r["platform"], r["url"], r["client"])
        for r in list_portals(db, status="known", state="NC")
        if r["county_fips"] == "37063"
    }
    assert ("legistar", "https://durhamcounty.legistar.com", "durhamcounty") in durham
    assert ("granicus", "https://durhamcounty.granicus.com", "durhamcounty") in durham
    assert ("website", "https://durhamcountync.gov", None) in durham
    galveston = list_portals(db, status="known", state="TX")
    assert {(r["government"], r["url"]) for r in galveston if r["county_fips"] == "48167"} == {
        ("Galveston County", "https://galvestoncountytx.gov")
    }
    row = next(r for r in list_portals(db) if r["platform"] == "civicplus")
    assert row["url"].endswith("/AgendaCenter") and row["evidence"].startswith("civic-scraper")
    assert {r["confidence"] for r in list_portals(db)} == {"medium"}


def test_accept_and_reject_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(CONFIG)
    listed = json.loads(watcher(tmp_path, "portals", "list", "--json").output)
    # Only the configured source shows by default; the public lists' rows are 'known'.
    assert [(r["status"], r["source_name"]) for r in listed] == [("accepted", "galveston-legistar")]
    db = open_archive(tmp_path / "w.db")
    durham = next(
        r["id"]
        for r in list_portals(db, status="known")
        if r["url"] == "https://durhamcounty.legistar.com"
    )
    coffee = next(r for r in list_portals(db, status="known") if r["platform"] == "civicplus")
    db.close()
    result = watcher(tmp_path, "portals", "accept", str(durham))
    assert result.exit_code == 0 and f"source portal-{durham}-legistar" in result.output
    assert watcher(tmp_path, "portals", "accept", str(coffee["id"])).exit_code == 0
    result = watcher(tmp_path, "portals", "reject", str(listed[0]["id"]))
    assert result.exit_code == 2 and "edit sources.yaml" in result.output
    assert watcher(tmp_path, "portals", "accept").exit_code == 2  # neither ID nor --all-verified
    assert "no portal 99999" in watcher(tmp_path, "portals", "accept", "99999").output

    db = open_archive(tmp_path / "w.db")
    sources = {s.name: s for s in accepted_sources(db)}
    legistar = sources[f"portal-{durham}-legistar"]
    assert (legistar.kind, legistar.client, str(legistar.url)) == (
        "legistar", "durhamcounty", "https://webapi.legistar.com/v1/",
    )  # fmt: skip
    assert legistar.jurisdiction is not None and legistar.jurisdiction.county == "Durham"
    # A CivicPlus portal becomes a civicplus source reading its Agenda Center.
    civic = sources[f"portal-{coffee['id']}-civicplus"]
    assert civic.kind == "civicplus" and str(civic.url) == coffee["url"]
    db.close()

    assert watcher(tmp_path, "portals", "reject", str(durham), "--reason", "dead").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    assert f"portal-{durham}-legistar" not in {s.name for s in accepted_sources(db)}
    (row,) = [r for r in list_portals(db, status="rejected")]
    assert (row["id"], row["reason"]) == (durham, "dead")
    db.close()
    assert load_config(tmp_path / "sources.yaml").sources[1].name == "galveston-legistar"


def test_platforms_are_recognised_by_host_and_path() -> None:
    cases = {
        "https://galvestoncountytx.legistar.com/Calendar.aspx": ("legistar", "galvestoncountytx"),
        "https://webapi.legistar.com/v1/gaston/Events": ("legistar", "gaston"),
        "https://sarasotacounty.granicus.com/ViewPublisher.php?view_id=51": (
            "granicus", "sarasotacounty"),
        "http://alamancecountync.iqm2.com/Citizens/Default.aspx": ("iqm2", "alamancecountync"),
        "https://shasta.novusagenda.com/agendapublic/": ("novusagenda", "shasta"),
        "https://hayscotx.portal.civicclerk.com/": ("civicclerk", "hayscotx"),
        "https://go.boarddocs.com/tx/galv/Board.nsf/Public": ("boarddocs", "tx/galv"),
        "https://lubbock.primegov.com/public/portal": ("primegov", "lubbock"),
        "https://www.co.example.tx.us/AgendaCenter/Search/?term=": ("civicplus", None),
    }  # fmt: skip
    for url, (platform, client) in cases.items():
        link = recognise(url)
        assert link is not None, url
        assert (link.platform, link.client) == (platform, client), url
    assert recognise("https://www.co.example.tx.us/agendas.html") is None
    assert recognise("https://www.legistar.com/") is None
    assert recognise("javascript:alert(1)") is None
    assert recognise("https://legistar.com.evil.example/x") is None


def test_an_accepted_portal_shows_in_status(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(CONFIG)
    watcher(tmp_path, "portals", "list")  # seeds the registry
    db = open_archive(tmp_path / "w.db")
    durham = next(
        r["id"]
        for r in list_portals(db, status="known")
        if r["url"] == "https://durhamcounty.legistar.com"
    )
    db.close()
    assert watcher(tmp_path, "portals", "accept", str(durham)).exit_code == 0
    report = json.loads(watcher(tmp_path, "status", "--json").output)
    names = [s["name"] for s in report["sources"]]
    assert names == ["ice", "galveston-legistar", f"portal-{durham}-legistar"]


def test_watcher_run_reads_an_accepted_portal_from_the_archive(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    agenda = (
        "<html><body><p>Item 7: approve the 287(g) Task Force agreement; certification of "
        "revenue in the amount of $122,500 for the DHS ICE 287(g) Task Force.</p></body></html>"
    )
    key = (dt.date.today() + dt.timedelta(days=6)).strftime("%m%d%Y") + "-1"
    index = (
        "<html><body><div id='AgendaCenterContent'><div class='listing' id='cat1'>"
        "<h2>Commissioners Court</h2><table><tr class='catAgendaRow'><td><p>"
        f"<a href='/AgendaCenter/ViewFile/Agenda/_{key}'>Agenda</a></p></td></tr></table>"
        "</div></div></body></html>"
    )
    http_server.route("/AgendaCenter", Answer(body=index.encode()))
    http_server.route(
        f"/AgendaCenter/ViewFile/Agenda/_{key}",
        Answer(body=agenda.encode(), headers={"Content-Type": "text/html"}),
    )
    (tmp_path / "sources.yaml").write_text("sources: []\n")
    db = open_archive(tmp_path / "w.db")
    now = "2026-06-09T00:00:00+00:00"
    cursor = db.execute(
        "INSERT INTO portals (government, state, county_fips, platform, url, evidence, "
        "confidence, status, verified_at, created_at, updated_at) VALUES ('Galveston County', "
        "'TX', '48167', 'civicplus', ?, 'linked from a test page', 'high', 'verified', ?, ?, ?)",
        [f"{http_server.base}/AgendaCenter", now, now, now],
    )
    portal_id = cursor.lastrowid
    db.close()
    assert watcher(tmp_path, "portals", "accept", "--all-verified").exit_code == 0
    result = watcher(tmp_path, "run")
    assert f"portal-{portal_id}-civicplus: ok" in result.output, result.output
    costs = json.loads(watcher(tmp_path, "costs", "--json").output)
    assert [(c["state"], c["county"], c["amount"]) for c in costs] == [
        ("TX", "Galveston", 122500.0)
    ]
