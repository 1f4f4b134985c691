"""`watcher run` end to end: a real HTTP server on 127.0.0.1 serving ICE's page and workbooks,
a real SQLite archive, the command line as an operator runs it."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from http_server import Answer, ScriptedServer
from ice_workbooks import MOA_BASE, make_html_table_page, make_ice_page, make_workbook
from watcher.cli import cli
from watcher.store.archive import open_archive

GALVESTON = {
    "state": "TEXAS",
    "agency": "Galveston County Sheriff's Office",
    "type": "County",
    "county": "Galveston County",
    "support": "Task Force Model",
    "signed": dt.date(2025, 3, 4),
    "moa_url": MOA_BASE + "GalvestonCoSOTX_TFM_MOA_03042025.pdf",
}
ETOWAH = {
    "state": "ALABAMA",
    "agency": "Etowah County Sheriff's Office",
    "type": "County",
    "county": "Etowah County",
    "support": "Jail Enforcement Model",
    "signed": dt.date(2020, 6, 9),
    "moa_url": MOA_BASE + "287gJEM_EtowahCoAL_06-09-2020.pdf",
}
FT_MYERS = {
    "state": "FLORIDA",
    "agency": "Ft. Myers Police Department",
    "type": "Municipality",
    "county": "#N/A",
    "support": "Task Force Model",
    "signed": dt.date(2025, 5, 16),
}
KODIAK = {
    "state": "ALASKA",
    "agency": "Kodiak Police Department",
    "type": "Municipality",
    "county": "#N/A",
    "support": "Warrant Service Officer",
    "signed": dt.date(2020, 7, 20),
}
PENDING = {
    "state": "ARKANSAS",
    "agency": "Franklin County Sheriff's Office",
    "type": "County",
    "county": "Franklin County",
    "support": "Task Force Model",
}

PARTICIPATING_PATH = "/doclib/about/offices/ero/287g/participatingAgencies{n}.xlsx"
PENDING_PATH = "/doclib/about/offices/ero/287g/pendingAgencies{n}.xlsx"


class Site:
    """ICE's page on the test server; each publish() posts new dated workbooks."""

    def __init__(self, server: ScriptedServer) -> None:
        self.server = server
        self.count = 0

    def publish(
        self,
        participating: list[dict[str, Any]] | bytes,
        pending: list[dict[str, Any]] | None = None,
    ) -> None:
        self.count += 1
        p_path = PARTICIPATING_PATH.format(n=f"0{self.count}012026am")
        q_path = PENDING_PATH.format(n=f"0{self.count}012026am")
        body = participating if isinstance(participating, bytes) else make_workbook(participating)
        self.server.route(p_path, Answer(body=body))
        links = {"Participating Agencies (xlsx)": p_path}
        if pending is not None:
            self.server.route(q_path, Answer(body=make_workbook(pending, "pending-5col")))
            links["Pending Agencies (xlsx)"] = q_path
        self.server.route(
            "/identify-and-arrest/287g",
            Answer(body=make_ice_page(links).encode(), headers={"Content-Type": "text/html"}),
        )


@pytest.fixture
def site(http_server: ScriptedServer) -> Site:
    return Site(http_server)


def write_config(tmp_path: Path, server: ScriptedServer, extra: str = "") -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "contact: tests@example.org\n"
        "fetch: {retries: 0, backoff: 0, timeout: 5}\n"
        "detection: {withdrawal_after: 2, withdrawal_min_days: 0}\n"
        "sources:\n"
        f"  - {{name: ice, kind: ice_287g, url: '{server.base}/identify-and-arrest/287g'}}\n"
        + extra
    )
    return path


def watcher(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def events_json(tmp_path: Path) -> list[dict[str, Any]]:
    result = watcher(tmp_path, "events", "--json")
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_baseline_then_new_rename_renewal_and_withdrawal(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    site.publish([ETOWAH, FT_MYERS, KODIAK], [PENDING])
    first = watcher(tmp_path, "run")
    assert first.exit_code == 0, first.output
    assert events_json(tmp_path) == []  # the first publication is a baseline

    renewed = dict(
        ETOWAH, signed=dt.date(2024, 6, 10), moa_url=MOA_BASE + "287gJEM_EtowahCoAL_06-10-2024.pdf"
    )
    renamed = dict(FT_MYERS, agency="Fort Myers Police Department")
    site.publish([renewed, renamed, KODIAK, GALVESTON], [PENDING])
    assert watcher(tmp_path, "run").exit_code == 0
    found = {(e["type"], e["agency"]): e for e in events_json(tmp_path)}
    assert set(found) == {
        ("renewal", "Etowah County Sheriff's Office"),
        ("rename", "Fort Myers Police Department"),
        ("new", "Galveston County Sheriff's Office"),
    }
    new = found[("new", "Galveston County Sheriff's Office")]
    assert (new["state"], new["county"], new["support_type"], new["signed"]) == (
        "TX",
        "Galveston County",
        "Task Force Model",
        "2025-03-04",
    )
    assert new["moa_url"] == MOA_BASE + "GalvestonCoSOTX_TFM_MOA_03042025.pdf"
    assert new["source"] == "ice" and new["observed_at"]
    assert found[("renewal", "Etowah County Sheriff's Office")]["previous_signed"] == "2020-06-09"
    assert found[("rename", "Fort Myers Police Department")]["previous_agency"] == (
        "Ft. Myers Police Department"
    )

    # Kodiak vanishes: nothing on the first absence, a withdrawal on the second (N=2 here).
    site.publish([renewed, renamed, GALVESTON], [PENDING])
    watcher(tmp_path, "run")
    assert [e["type"] for e in events_json(tmp_path)].count("withdrawal") == 0
    site.publish(
        [renewed, renamed, GALVESTON, dict(KODIAK, agency="Sitka Police Department")], [PENDING]
    )
    watcher(tmp_path, "run")
    withdrawals = [e for e in events_json(tmp_path) if e["type"] == "withdrawal"]
    assert [(e["agency"], e["state"]) for e in withdrawals] == [("Kodiak Police Department", "AK")]

    agreements = json.loads(
        watcher(tmp_path, "agreements", "--status", "withdrawn", "--json").output
    )
    assert [a["agency"] for a in agreements] == ["Kodiak Police Department"]


def test_identical_republication_and_304_change_nothing(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    body = make_workbook([ETOWAH, KODIAK])  # built once: openpyxl stamps the time it saves
    site.publish(body)
    watcher(tmp_path, "run")
    site.publish(body)  # the same bytes under a new dated name
    assert watcher(tmp_path, "run").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT COUNT(*) FROM publications").fetchone() == (1,)
    assert db.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)
    # The same page and workbook again: conditional requests, answered 304 by ETag-aware
    # servers; here the server has no ETag, so the bytes are compared: still nothing new.
    assert watcher(tmp_path, "run").exit_code == 0
    assert db.execute("SELECT COUNT(*) FROM publications").fetchone() == (1,)


BAD_BODIES = {
    "html error page with status 200": b"<!DOCTYPE html><html><body>Access Denied</body></html>",
    "empty body": b"",
    "truncated workbook": make_workbook([ETOWAH, KODIAK])[:900],
    "random bytes": bytes(range(256)) * 10,
    "no recognisable header": make_workbook([ETOWAH], "participating-8col", title_rows=0).replace(
        b"LAW ENFORCEMENT AGENCY", b"ORGANISATION NAME XXXXX"
    ),
}


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", b"<" + b" " * (200 * 1024 * 1024) + b">")
    return buffer.getvalue()


@pytest.mark.parametrize("case", [*BAD_BODIES, "zip bomb"])
def test_bad_workbook_is_rejected_and_changes_nothing(
    tmp_path: Path, site: Site, case: str
) -> None:
    write_config(tmp_path, site.server)
    site.publish([ETOWAH, KODIAK])
    assert watcher(tmp_path, "run").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    before = db.execute("SELECT COUNT(*), group_concat(status) FROM agreements").fetchone()
    site.publish(zip_bomb() if case == "zip bomb" else BAD_BODIES[case])
    result = watcher(tmp_path, "run")
    assert result.exit_code == 1, result.output
    assert "ice: FAILED" in result.output
    assert db.execute("SELECT COUNT(*), group_concat(status) FROM agreements").fetchone() == before
    assert db.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)
    status = json.loads(watcher(tmp_path, "status", "--json").output)
    ice = status["sources"][0]
    assert ice["consecutive_failures"] == 1 and ice["last_error"]
    assert watcher(tmp_path, "status").exit_code == 1


def test_response_over_size_cap(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    (tmp_path / "sources.yaml").write_text(
        (tmp_path / "sources.yaml")
        .read_text()
        .replace("timeout: 5}", "timeout: 5, max_bytes: 2048}")
    )
    site.publish([ETOWAH, KODIAK])
    result = watcher(tmp_path, "run")
    assert result.exit_code == 1 and "cap" in result.output


def test_one_failing_source_does_not_stop_the_others(tmp_path: Path, site: Site) -> None:
    extra = f"  - {{name: broken, kind: ice_287g, url: '{site.server.base}/nowhere'}}\n"
    write_config(tmp_path, site.server, extra)
    site.publish([ETOWAH, KODIAK])
    result = watcher(tmp_path, "run")
    assert result.exit_code == 1
    assert "ice: ok" in result.output and "broken: FAILED" in result.output
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT COUNT(*) FROM agreements").fetchone() == (2,)


def test_pre_2025_html_table_page(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    page = make_html_table_page([ETOWAH, KODIAK])
    site.server.route("/identify-and-arrest/287g", Answer(body=page.encode()))
    assert watcher(tmp_path, "run").exit_code == 0
    rows = json.loads(watcher(tmp_path, "agreements", "--json").output)
    assert {(r["state"], r["agency"], r["signed"]) for r in rows} == {
        ("AL", "Etowah County Sheriff's Office", "2020-06-09"),
        ("AK", "Kodiak Police Department", "2020-07-20"),
    }
    # Each agreement is tied to its county by FIPS code: Etowah by its name, Kodiak (a city,
    # no county column on this old page) by the FBI's agency list.
    assert {(r["agency"], r["county_fips"], r["jurisdiction_basis"]) for r in rows} == {
        ("Etowah County Sheriff's Office", "01055", "agency_name"),
        ("Kodiak Police Department", "02150", "fbi_agency"),
    }


def test_bad_config_exits_2(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("sources:\n  - {name: ice, kind: ice_287g, url: nope}\n")
    result = watcher(tmp_path, "run")
    assert result.exit_code == 2
    assert "source 'ice', key 'url'" in result.output


def test_unknown_source_name_exits_2(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    result = watcher(tmp_path, "run", "--source", "nope")
    assert result.exit_code == 2 and "no source named 'nope'" in result.output


def test_second_run_sends_conditional_requests_and_gets_304(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    body = make_workbook([ETOWAH, KODIAK])
    site.server.route("/p.xlsx", Answer(body=body, headers={"ETag": '"list-1"'}))
    page = make_ice_page({"Participating Agencies": "/p.xlsx"}).encode()
    site.server.route("/identify-and-arrest/287g", Answer(body=page, headers={"ETag": '"page-1"'}))
    assert watcher(tmp_path, "run").exit_code == 0
    assert watcher(tmp_path, "run").exit_code == 0
    second = [r for r in site.server.requests[2:]]
    assert [r.headers.get("If-None-Match") for r in second] == ['"page-1"', '"list-1"']
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT COUNT(*) FROM publications").fetchone() == (1,)


def test_operator_accepts_a_rejected_list_that_is_real(tmp_path: Path, site: Site) -> None:
    write_config(tmp_path, site.server)
    site.publish([ETOWAH, KODIAK, GALVESTON, FT_MYERS])
    watcher(tmp_path, "run")
    site.publish([ETOWAH])  # a quarter of the list: rejected, the operator is told
    rejected = watcher(tmp_path, "run")
    assert rejected.exit_code == 1 and "watcher accept 2" in rejected.output
    status = json.loads(watcher(tmp_path, "status", "--json").output)
    pub = status["sources"][0]["last_publications"][0]
    assert (pub["id"], pub["status"], pub["row_count"]) == (2, "rejected", 1)
    # The operator checks ICE's page and finds the cut is real.
    accepted = watcher(tmp_path, "accept", "2")
    assert accepted.exit_code == 0, accepted.output
    assert "publication #2 (participating, 1 rows) is now accepted" in accepted.output
    db = open_archive(tmp_path / "w.db")
    assert db.execute(
        "SELECT status, absent_count FROM agreements WHERE agency = 'Kodiak Police Department'"
    ).fetchone() == ("missing", 1)
    assert watcher(tmp_path, "accept", "2").exit_code == 2  # not rejected any more
    assert watcher(tmp_path, "accept", "99").exit_code == 2
    assert watcher(tmp_path, "run").exit_code == 0  # the same bytes: unchanged, healthy
