"""The analyst views over the real 2025 replay, with Galveston County's real agenda items as
cost documents: each view answers its question with the values known to be true."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from conftest import copy_archive, shared_path
from watcher.config import Jurisdiction
from watcher.documents.apply import apply_document
from watcher.store.archive import ensure_source, open_archive

GALVESTON = Jurisdiction(state="TX", county="Galveston")


def add_galveston_items(db: sqlite_utils.Database) -> None:
    """The five real Galveston County agenda items, as the legistar source stores them."""
    ensure_source(db, "galveston", "legistar", "https://webapi.legistar.com/v1/galvestoncountytx")
    for path in sorted(shared_path("budget_docs").glob("galveston_tx_*.md")):
        apply_document(
            db, source="galveston", url=f"https://example.org/galveston/{path.name}",
            content=path.read_bytes(), content_type="text/plain", jurisdiction=GALVESTON,
            fetched_at=dt.datetime(2026, 6, 9, tzinfo=dt.UTC),
        )  # fmt: skip


@pytest.fixture(scope="module")
def db(
    tmp_path_factory: pytest.TempPathFactory, replay_2025: tuple[Path, list[Any]]
) -> Iterator[sqlite_utils.Database]:
    built, _ = replay_2025
    archive = open_archive(copy_archive(built, tmp_path_factory.mktemp("views") / "replay.db"))
    add_galveston_items(archive)
    yield archive
    archive.close()


def rows(db: sqlite_utils.Database, sql: str, params: list[Any] | None = None) -> list[Any]:
    return db.execute(sql, params or []).fetchall()


def test_current_agreements_in_florida(db: sqlite_utils.Database) -> None:
    by_model = rows(
        db,
        "SELECT support_type, COUNT(*) FROM current_agreements WHERE state = 'FL' "
        "GROUP BY support_type ORDER BY support_type",
    )
    assert by_model == [
        ("Jail Enforcement Model", 8),
        ("Task Force Model", 266),
        ("Warrant Service Officer", 65),
    ]
    # Withdrawn agreements are not current; renamed ones are, under their new name.
    names = {r[0] for r in rows(db, "SELECT agency FROM current_agreements WHERE state = 'FL'")}
    assert "Fort Myers Police Department" in names
    assert "Ft. Myers Police Department" not in names
    assert rows(db, "SELECT COUNT(*) FROM current_agreements") == [(1277,)]


def test_timeline_shows_the_july_renames(db: sqlite_utils.Database) -> None:
    found = rows(
        db,
        "SELECT state, agency, renames, former_names, withdrawals, status, days_active "
        "FROM agreement_timeline WHERE agency IN "
        "('Fort Myers Police Department', 'Boca Raton Police Services Department') "
        "ORDER BY agency",
    )
    assert found == [
        ("FL", "Boca Raton Police Services Department", 1, "Boca Raton Police Department", 0,
         "active", 277),
        ("FL", "Fort Myers Police Department", 1, "Ft. Myers Police Department", 0, "active", 224),
    ]  # fmt: skip
    okaloosa = rows(
        db,
        "SELECT renames, former_names FROM agreement_timeline "
        "WHERE agency LIKE 'Okaloosa County Board%' AND list_kind = 'participating'",
    )
    assert okaloosa == [
        (
            3,
            "Okaloosa County Department of Corrections | Okaloosa County Corrections | "
            "Okaloosa County Board of County Commissioners",
        )
    ]


def test_timeline_of_a_withdrawn_then_reinstated_agreement(db: sqlite_utils.Database) -> None:
    found = rows(
        db,
        "SELECT first_listed, withdrawals, withdrawn_at, reinstated_at, status, ended_at "
        "FROM agreement_timeline WHERE state = 'AL' AND agency = 'Franklin County Sheriff''s "
        "Office' AND support_type = 'Task Force Model' AND list_kind = 'participating'",
    )
    assert found == [
        ("2025-03-27T14:00:09+00:00", 1, "2025-08-04T17:00:00+00:00",
         "2025-11-06T17:00:00+00:00", "active", None),
    ]  # fmt: skip
    withdrawn = rows(
        db,
        "SELECT COUNT(*), SUM(withdrawn_at IS NOT NULL), SUM(ended_at IS NOT NULL) "
        "FROM agreement_timeline WHERE status = 'withdrawn'",
    )
    assert withdrawn == [(41, 41, 41)]  # seven more were listing corrections: relabels
    baseline = rows(db, "SELECT on_first_list, days_active FROM agreement_timeline WHERE id = 1")
    assert baseline == [(1, 311)]


def test_timeline_counts_renewals(db: sqlite_utils.Database) -> None:
    assert rows(db, "SELECT SUM(renewals) FROM agreement_timeline") == [(7,)]
    hardee = rows(
        db,
        "SELECT renewals, signed, last_renewal_at FROM agreement_timeline "
        "WHERE agency = 'Hardee County Sheriff''s Office' AND support_type = 'Task Force Model'",
    )
    assert hardee == [(1, "2025-05-08", "2025-05-16T09:00:00+00:00")]


def test_event_costs_attach_galveston_figures(db: sqlite_utils.Database) -> None:
    pct1 = rows(
        db,
        "SELECT type, figures_for_event, amount, kind FROM event_costs "
        "WHERE agency = 'Galveston County Constable''s Office Pct.1' AND type = 'new' "
        "ORDER BY amount",
    )
    assert pct1 == [
        ("new", 4, 122500.0, "revenue"),
        ("new", 4, 130000.0, "revenue"),
        ("new", 4, 152500.0, "revenue"),
        ("new", 4, 302500.0, "revenue"),
    ]
    # An event of a county without documents is one row with no figure.
    fort_myers = rows(
        db,
        "SELECT figures_for_event, figure_id, amount FROM event_costs "
        "WHERE agency = 'Fort Myers Police Department' AND type = 'rename'",
    )
    assert fort_myers == [(0, None, None)]
    # Every event appears: one row per figure, or one row without.
    assert rows(db, "SELECT COUNT(DISTINCT event_id) FROM event_costs") == rows(
        db, "SELECT COUNT(*) FROM events"
    )


def test_costs_by_jurisdiction_year(db: sqlite_utils.Database) -> None:
    found = rows(
        db,
        "SELECT state, county, fiscal_year, kind, figures, total_amount, documents, "
        "first_doc_date, last_doc_date, running_total, current_agreements "
        "FROM costs_by_jurisdiction_year",
    )
    assert found == [
        ("TX", "Galveston", None, "revenue", 4, 707500.0, 4, "2026-02-16", "2026-06-08",
         707500.0, 8),
    ]  # fmt: skip


def test_monthly_counts_add_up_to_current_agreements(db: sqlite_utils.Database) -> None:
    florida = rows(
        db,
        "SELECT support_type, signed, first_listed, withdrawn, listed_at_month_end "
        "FROM monthly_counts WHERE list_kind = 'participating' AND state = 'FL' "
        "AND month = '2025-07' ORDER BY support_type",
    )
    assert florida == [
        ("Jail Enforcement Model", 1, 1, 0, 7),
        ("Task Force Model", 31, 32, 0, 248),
        # Okaloosa and Escambia were relabeled in place (not listed anew, nor withdrawn).
        ("Warrant Service Officer", 0, 0, 0, 65),
    ]
    last = rows(
        db,
        "SELECT SUM(listed_at_month_end) FROM monthly_counts WHERE list_kind = 'participating' "
        "AND month = (SELECT MAX(month) FROM monthly_counts)",
    )
    assert last == rows(db, "SELECT COUNT(*) FROM current_agreements")
    # Months run from the oldest signature; nothing was listed (observed) before February 2025.
    assert rows(db, "SELECT MIN(month), SUM(signed) FROM monthly_counts WHERE month < '2021'") == [
        ("2019-04", 135)
    ]
    assert rows(
        db, "SELECT SUM(listed_at_month_end) FROM monthly_counts WHERE month < '2025-02'"
    ) == [(0,)]
