"""`watcher coverage`: per state, agreements, jurisdictions, watched portals, local figures,
and the agreements whose alerts carry only program-level figures; and its section on the
states page."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from starlette.testclient import TestClient

from test_web_helpers import build_archive, make_config
from watcher.cli import cli
from watcher.discovery.registry import list_portals
from watcher.store.archive import open_archive
from watcher.web import create_app

CONFIG = """\
sources:
  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/287g'}
  - {name: galveston-legistar, kind: legistar, url: 'https://webapi.legistar.com/v1/',
     client: galvestoncountytx, jurisdiction: {state: TX, county: Galveston}}
"""


def run(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli,
        ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_coverage_per_state_and_in_total(tmp_path: Path) -> None:
    build_archive(tmp_path / "w.db")
    (tmp_path / "sources.yaml").write_text(CONFIG)
    report = json.loads(run(tmp_path, "coverage", "--json"))
    texas = next(s for s in report["states"] if s["state"] == "TX")
    assert texas == {
        "state": "TX",
        "agreements": 2,
        "jurisdictions": 2,
        "counties": 2,
        "statewide_agreements": 0,
        "unresolved_agreements": 0,
        "counties_with_watched_portal": 1,
        "agreements_with_watched_portal": 1,
        "agreements_with_local_figure": 1,
        "agreements_program_figures_only": 1,
        "program_only": [
            {
                "id": texas["program_only"][0]["id"],
                "state": "TX",
                "agency": "Harris County Sheriff's Office",
                "support_type": "Jail Enforcement Model",
                "county_fips": "48201",
            }
        ],
    }
    assert [s["state"] for s in report["states"]] == ["AL", "FL", "TX"]
    assert report["total"]["agreements"] == 4
    assert report["total"]["agreements_program_figures_only"] == 3
    assert "program_only" not in report["total"]
    # The configured source is recorded in the registry as the county's watched portal.
    db = open_archive(tmp_path / "w.db")
    (portal,) = list_portals(db, status="accepted")
    assert (portal["county_fips"], portal["platform"], portal["source_name"]) == (
        "48167",
        "legistar",
        "galveston-legistar",
    )
    db.close()

    text = run(tmp_path, "coverage", "--state", "tx").splitlines()
    assert text[0].split() == [
        "state", "agreements", "juris.", "statewide", "unresolved", "portal", "local", "$",
        "program", "only",
    ]  # fmt: skip
    assert text[1].split() == ["TX", "2", "2", "0", "0", "1", "1", "1"]
    assert text[2].split() == ["total", "2", "2", "0", "0", "1", "1", "1"]


def test_a_source_taken_out_of_the_configuration_is_no_longer_watched(tmp_path: Path) -> None:
    build_archive(tmp_path / "w.db")
    (tmp_path / "sources.yaml").write_text(CONFIG)
    run(tmp_path, "coverage")
    (tmp_path / "sources.yaml").write_text(CONFIG.split("  - {name: galveston")[0])
    report = json.loads(run(tmp_path, "coverage", "--json"))
    assert report["total"]["agreements_with_watched_portal"] == 0


def test_coverage_without_a_configuration(tmp_path: Path) -> None:
    build_archive(tmp_path / "w.db")
    report = json.loads(run(tmp_path, "coverage", "--json"))
    assert report["total"]["agreements"] == 4
    assert report["total"]["agreements_with_local_figure"] == 1


def test_the_states_page_has_a_coverage_line_per_state(tmp_path: Path) -> None:
    db_file = build_archive(tmp_path / "w.db")
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as client:
        html = client.get("/states").text
    section = html[html.index('<section id="coverage">') :]
    assert "<h2>Coverage: agenda portals and cost figures</h2>" in section
    rows = [
        [cell for cell in row.split("</td>") if "<td" in cell]
        for row in section.split("<tr>")[2:]
        if "<td>" in row
    ]
    assert len(rows) == 3  # AL, FL, TX
    assert 'Total</th><td class="num">4</td>' in section.replace("\n    ", "")


def test_a_state_page_lists_every_program_figure_of_its_state(tmp_path: Path) -> None:
    db_file = build_archive(tmp_path / "w.db")
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as client:
        html = client.get("/states/TX").text
        event_ids = [
            row[0] for row in open_archive(db_file).execute("SELECT id FROM events").fetchall()
        ]
        event_page = client.get(f"/events/{event_ids[0]}").text
    section = html[html.index('<h2 id="program-figures">') :]
    # All four SB 8 brackets are one link away from an alert that shows only its own.
    for amount in ("up to $80,000", "up to $100,000", "up to $120,000", "up to $140,000"):
        assert amount in section
    assert "Florida" not in section
    assert 'href="/states/' in event_page and "#program-figures" in event_page
