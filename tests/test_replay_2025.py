"""Replay ICE's 526 real publications of 2025 and check what is known to have happened."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from conftest import copy_archive
from watcher.config import Config, DetectionConfig, SourceConfig
from watcher.ice.apply import Applied
from watcher.ice.backfill import ingest
from watcher.runtime.pipeline import rules_for
from watcher.store.archive import open_archive

SOURCE = SourceConfig(
    name="ice", kind="ice_287g", url="https://www.ice.gov/identify-and-arrest/287g"
)


@pytest.fixture(scope="module")
def replay(
    tmp_path_factory: pytest.TempPathFactory, replay_2025: tuple[Path, list[Any]]
) -> Iterator[tuple[sqlite_utils.Database, list[Any]]]:
    built, results = replay_2025
    db = open_archive(copy_archive(built, tmp_path_factory.mktemp("replay") / "replay.db"))
    yield db, results
    db.close()


def events_on(db: sqlite_utils.Database, day: str) -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT type, state, agency, previous_agency, support_type, signed FROM events "
        "WHERE observed_at LIKE ? ORDER BY id",
        [day + "%"],
    ).fetchall()


def applied_for(results: list[tuple[Any, Applied]], name: str) -> Applied:
    return next(applied for copy, applied in results if copy.path.name == name)


def test_first_publications_are_a_baseline(replay: tuple[sqlite_utils.Database, Any]) -> None:
    db, results = replay
    first = [applied.status for _, applied in results[:2]]
    assert first == ["baseline", "baseline"]
    assert events_on(db, "2025-02-21") == []
    baseline = db.execute(
        "SELECT agency, signed FROM agreements WHERE state = 'AL' AND support_type = "
        "'Jail Enforcement Model' AND list_kind = 'participating' ORDER BY id LIMIT 1"
    ).fetchone()
    assert baseline == ("Etowah County Sheriff's Office", "2020-06-09")


def test_regressed_21_april_list_is_rejected_and_emits_nothing(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    db, results = replay
    applied = applied_for(results, "2025-04-21T0900_participatingAgencies04212025am.xlsx")
    assert applied.status == "rejected"
    assert applied.row_count == 308
    assert "308" in (applied.reason or "") and "70%" in (applied.reason or "")
    assert [e for e in events_on(db, "2025-04-21") if e[0] != "pending"] == []
    # Nothing went missing because of it: no agreement was first absent that day.
    assert db.execute(
        "SELECT COUNT(*) FROM agreements WHERE first_absent_at LIKE '2025-04-21%'"
    ).fetchone() == (0,)


def test_swapped_22_september_files_are_read_as_what_they_hold(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    db, results = replay
    named_participating = applied_for(
        results, "2025-09-22T1700_participatingAgencies09222025pm.xlsx"
    )
    named_pending = applied_for(results, "2025-09-22T1700_pendingAgencies09222025pm.xlsx")
    assert (named_participating.list_kind, named_participating.row_count) == ("pending", 42)
    assert named_participating.status == "accepted"
    # The pending-named file repeats that morning's participating list, byte for byte.
    assert (named_pending.status, named_pending.list_kind) == ("unchanged", "participating")
    participating_types = {"new", "renewal", "withdrawal", "rename", "reinstated"}
    assert not [e for e in events_on(db, "2025-09-22T17") if e[0] in participating_types]


def test_july_relabels_are_renames_not_withdrawals(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    db, _ = replay
    renames = {(e[3], e[2], e[1]) for e in events_on(db, "2025-07-15") if e[0] == "rename"}
    assert renames == {
        ("Ft. Myers Police Department", "Fort Myers Police Department", "FL"),
        ("Indiatlantic Police Department", "Indialantic Police Department", "FL"),
        ("Idaho State Police", "Idaho State Police Department", "ID"),
        ("Okaloosa County Department of Corrections", "Okaloosa County Corrections", "FL"),
        ("Boca Raton Police Department", "Boca Raton Police Services Department", "FL"),
        ("Louisiana State Patrol", "Louisiana State Police Department", "LA"),
        ("New Hampshire State Police", "New Hampshire State Police Department", "NH"),
        ("Quarryville Police Department", "Quarryville Borough Police Department", "PA"),
    }
    fdep = "Florida Department of Environmental Protection, Division of Law Enforcement"
    assert ("new", "FL", fdep, None, "Task Force Model", "2025-02-14") in events_on(
        db, "2025-07-15"
    )
    # Fish and Wildlife was not renamed into Environmental Protection, nor withdrawn that day.
    fwc = db.execute(
        "SELECT change FROM agreement_history h JOIN agreements a ON a.id = h.agreement_id "
        "WHERE h.observed_at LIKE '2025-07-15%' AND h.agency LIKE 'Florida Fish%'"
    ).fetchall()
    assert fwc == [("missing",)]
    assert not db.execute(
        "SELECT 1 FROM events WHERE type = 'withdrawal' AND agency LIKE 'Florida Fish%'"
    ).fetchall()


def test_misdated_file_is_rejected(replay: tuple[sqlite_utils.Database, Any]) -> None:
    _, results = replay
    # Named 08022025 but captured in September: its rows are signed as late as 28 Aug.
    applied = applied_for(results, "2025-08-02T1700_participatingAgencies08022025pm.xlsx")
    assert applied.status == "rejected" and (applied.reason or "").startswith("misdated")


def test_replay_twice_changes_nothing(replay: tuple[sqlite_utils.Database, Any]) -> None:
    db, results = replay
    counts = [
        db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()
        for t in ("publications", "agreements", "agreement_history", "events")
    ]
    copies = [copy for copy, _ in results[:40]]
    again = ingest(db, SOURCE, copies, rules_for(Config(sources=[SOURCE]), alert=False))
    assert {a.status for a in again} <= {"duplicate", "unchanged", "rejected"}
    assert counts == [
        db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()
        for t in ("publications", "agreements", "agreement_history", "events")
    ]


def test_every_withdrawal_waited_for_the_debounce(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    db, _ = replay
    rows = db.execute(
        "SELECT e.observed_at, json_extract(e.detail, '$.confirmed_at') FROM events e "
        "WHERE type = 'withdrawal'"
    ).fetchall()
    assert rows
    for first_absent, confirmed in rows:
        gap = dt.datetime.fromisoformat(confirmed) - dt.datetime.fromisoformat(first_absent)
        assert gap >= dt.timedelta(days=3)


def test_history_traces_every_event_to_its_publications(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    db, _ = replay
    orphans = db.execute(
        "SELECT COUNT(*) FROM events e LEFT JOIN publications p ON p.id = e.publication_id "
        "LEFT JOIN blobs b ON b.sha256 = p.sha256 WHERE b.sha256 IS NULL"
    ).fetchone()
    assert orphans == (0,)


def test_mandate_states_need_more_absences_before_a_withdrawal(
    replay: tuple[sqlite_utils.Database, Any], tmp_path: Path
) -> None:
    """Florida mandates participation: Fish and Wildlife's week-long absence in July 2025 (its
    row replaced, then back as 'Fish & Wildlife') is no withdrawal with the stricter default,
    but would be one if Florida were debounced like a local-decision state."""
    db, results = replay
    fwc = "Florida Fish and Wildlife Conservation Commission"
    query = "SELECT observed_at FROM events WHERE type = 'withdrawal' AND agency = ?"
    assert db.execute(query, [fwc]).fetchall() == []
    # July's lists alone hold the absence and the return: replaying the whole year again
    # would double this module's run time for nothing.
    july = [copy for copy, _ in results if copy.as_of.strftime("%Y-%m") == "2025-07"]
    assert len(july) == 54
    lenient = Config(sources=[SOURCE], detection=DetectionConfig(mandate_withdrawal_after=3))
    other = open_archive(tmp_path / "lenient.db")
    ingest(other, SOURCE, july, rules_for(lenient, alert=False))
    assert [row[0][:10] for row in other.execute(query, [fwc]).fetchall()] == ["2025-07-15"]
    other.close()


def test_listing_corrections_of_2025_are_relabels_not_withdrawals(
    replay: tuple[sqlite_utils.Database, Any],
) -> None:
    """ICE swapped the agency of seven agreements for another of the same place, keeping
    state, model and SIGNED date (a county board listed where the sheriff signed, and back):
    each is one relabel, and neither side is reported withdrawn."""
    db, _ = replay
    relabels = db.execute(
        "SELECT substr(observed_at, 1, 10), state, previous_agency, agency FROM events "
        "WHERE type = 'relabel' ORDER BY observed_at"
    ).fetchall()
    assert relabels == [
        ("2025-03-06", "FL", "Gulf County BOCC", "Gulf County Sheriff's Office"),
        ("2025-03-17", "FL", "Pasco County BOCC", "Pasco County Sheriff's Office"),
        (
            "2025-07-03",
            "FL",
            "Okaloosa County Sheriff's Office",
            "Okaloosa County Department of Corrections",
        ),
        (
            "2025-07-16",
            "FL",
            "Escambia County Sheriff's Office",
            "Escambia County Board of County Commissioners",
        ),
        (
            "2025-08-11",
            "PA",
            "Franklin County Sheriffs Office",
            "County of Franklin / Franklin County Jail",
        ),
        ("2025-09-09", "AZ", "Pinal County Sheriff's Office", "Pinal County Attorney's Office"),
        ("2025-09-30", "PA", "Cambria County Sheriff's Office", "Cambria County Prison"),
    ]
    names = [name for row in relabels for name in row[2:]]
    withdrawn = db.execute(
        f"SELECT agency FROM events WHERE type = 'withdrawal' AND agency IN "
        f"({', '.join('?' * len(names))})",
        names,
    ).fetchall()
    assert withdrawn == []
    # Edgewood PD linked Edgewater's MOA file for a month: two link corrections, no renewal.
    edgewood = db.execute(
        "SELECT substr(h.observed_at, 1, 10), h.change FROM agreement_history h "
        "JOIN agreements a ON a.id = h.agreement_id WHERE a.agency = 'Edgewood Police "
        "Department' AND h.change LIKE 'link%' ORDER BY h.id"
    ).fetchall()
    assert edgewood == [("2025-07-07", "link_correction"), ("2025-08-11", "link_correction")]
    assert not db.execute(
        "SELECT 1 FROM events WHERE type = 'renewal' AND agency = 'Edgewood Police Department'"
    ).fetchall()


def test_coverage_of_the_replay(replay: tuple[sqlite_utils.Database, Any], tmp_path: Path) -> None:
    import time

    from click.testing import CliRunner

    from watcher.cli import cli

    db, _ = replay
    path = db.execute("PRAGMA database_list").fetchone()[2]
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/x'}\n"
        "  - {name: galveston, kind: legistar, url: 'https://webapi.legistar.com/v1/', "
        "client: galvestoncountytx, jurisdiction: {state: TX, county: Galveston}}\n"
    )
    started = time.perf_counter()
    result = CliRunner().invoke(
        cli,
        ["--config", str(tmp_path / "sources.yaml"), "--db", path, "coverage", "--json"],
        catch_exceptions=False,
    )
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    total = report["total"]
    print(f"\ncoverage of the 2025 replay: {elapsed:.2f} s; total {total}")
    assert total["agreements"] > 1200
    assert total["unresolved_agreements"] < 0.03 * total["agreements"]
    texas = next(s for s in report["states"] if s["state"] == "TX")
    # Galveston's configured Legistar source is a watched portal for its county's agreements.
    assert texas["counties_with_watched_portal"] == 1
    assert texas["agreements_with_watched_portal"] >= 4
    assert texas["agreements_program_figures_only"] == texas["agreements"]
