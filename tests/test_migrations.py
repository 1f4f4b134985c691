"""Schema versions: an archive made by the first release is upgraded in place without losing a
row; a failing migration leaves the archive as it was; a newer archive is refused untouched;
readers (Datasette, watcher query) and the running pipeline coexist."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from watcher.analyst import views
from watcher.analyst.export import open_read_only
from watcher.errors import ArchiveError
from watcher.store import archive
from watcher.store.archive import MIGRATIONS, SCHEMA_VERSION, open_archive, schema_version
from watcher.store.migrations import Migration, load_migrations

V1_TABLES = ("sources", "blobs", "publications", "agreements", "agreement_history", "events")
LATER_TABLES = (
    "documents", "document_pages_fts", "cost_figures", "moa_links_held", "meetings",
    "agenda_items", "source_cursors",
)  # fmt: skip
PERSONAL = ("subscribers", "outbox", "alert_payloads", "digest_items", "web_confirmations")
# The version that moves them out (the lead may renumber it at merge time).
PERSONAL_SPLIT = next(m.version for m in load_migrations() if m.name == "personal_data_apart")

V1_ROWS = """
INSERT INTO sources (name, kind, url) VALUES ('ice', 'ice_287g', 'https://www.ice.gov/287g');
INSERT INTO blobs VALUES ('ab12', 3, x'010203', '2025-02-21T21:49:37+00:00');
INSERT INTO publications (id, source, sha256, as_of, fetched_at, list_kind, row_count, status)
VALUES (1, 'ice', 'ab12', '2025-02-21T21:49:37+00:00', '2025-02-21T21:50:00+00:00',
        'participating', 1, 'baseline'),
       (2, 'ice', 'ab12', '2025-07-15T09:00:00+00:00', '2025-07-15T09:01:00+00:00',
        'participating', 1, 'accepted');
INSERT INTO agreements (id, source, list_kind, key, state, agency, agency_key, support_type,
    jurisdiction_county, signed, content_hash, status, first_seen_at, first_publication_id)
VALUES (1, 'ice', 'participating', 'FL|fort myers police department|Task Force Model', 'FL',
        'Fort Myers Police Department', 'fort myers police department', 'Task Force Model',
        'Lee', '2025-05-16', 'h1', 'active', '2025-02-21T21:49:37+00:00', 1);
INSERT INTO agreement_last_seen VALUES (1, '2025-07-15T09:00:00+00:00', 2);
INSERT INTO agreement_history (agreement_id, publication_id, observed_at, change, agency, status)
VALUES (1, 1, '2025-02-21T21:49:37+00:00', 'baseline', 'Ft. Myers Police Department', 'active'),
       (1, 2, '2025-07-15T09:00:00+00:00', 'renamed', 'Fort Myers Police Department', 'active');
INSERT INTO events (source, type, agreement_id, state, agency, support_type, previous_agency,
    observed_at, publication_id, previous_publication_id, alert, created_at)
VALUES ('ice', 'rename', 1, 'FL', 'Fort Myers Police Department', 'Task Force Model',
        'Ft. Myers Police Department', '2025-07-15T09:00:00+00:00', 2, 1, 1,
        '2025-07-15T09:01:00+00:00');
"""


def make_archive_at(path: Path, version: int) -> None:
    """An archive as the release with `version` migrations left it."""
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    db.execute("PRAGMA journal_mode = WAL")
    # The release that moved personal data out needs its private file attached.
    archive.upgrade_private(archive.private_path(path))
    db.execute("ATTACH DATABASE ? AS private", [str(archive.private_path(path))])
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    last_seen_is_a_view = db.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'agreement_last_seen' AND type = 'view'"
    ).fetchone()
    for statement in V1_ROWS.split(";\n"):
        if last_seen_is_a_view and "INTO agreement_last_seen" in statement:
            # Since version LAST_SEEN_PER_LIST the same facts are kept per list.
            statement = LAST_SEEN_ROWS
        if statement.strip():
            db.execute(statement)
    db.close()


# The version that keeps when an agreement was last listed per list (renumbered at merges).
LAST_SEEN_PER_LIST = next(m.version for m in load_migrations() if m.name == "last_seen_per_list")
LAST_SEEN_ROWS = (
    "INSERT INTO list_last_seen VALUES ('ice', 'participating', '2025-07-15T09:00:00+00:00', 2)"
)


def dump(path: Path) -> dict[str, Any]:
    """Every row of every table, and the schema, read without changing the file."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found: dict[str, Any] = {
        name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names
    }
    found["_schema"] = conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    found["_version"] = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return found


def names_of(db: sqlite_utils.Database, kind: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = ?", [kind])}


def test_version_1_archive_is_upgraded_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_archive_at(path, 1)
    before = dump(path)
    assert before["_version"] == 1
    assert not set(LATER_TABLES) & {r[1] for r in before["_schema"]}

    db = open_archive(path)
    assert schema_version(db) == SCHEMA_VERSION
    for table in V1_TABLES:
        rows = db.execute(f"SELECT * FROM {table}").fetchall()
        # Later versions may add columns (agreements.county_fips); the old values stay.
        width = len(before[table][0]) if before[table] else 0
        assert [row[:width] for row in rows] == before[table], table
    assert db.execute("SELECT county_fips, jurisdiction_basis FROM agreements").fetchall() == [
        (None, None)
    ]
    assert set(LATER_TABLES) <= names_of(db, "table")
    assert set(views.VIEW_NAMES) <= names_of(db, "view")
    # The old rows answer through the new views.
    assert db.execute(
        "SELECT agency, renames, former_names FROM agreement_timeline"
    ).fetchall() == [("Fort Myers Police Department", 1, "Ft. Myers Police Department")]
    assert db.execute("SELECT state, agency FROM current_agreements").fetchall() == [
        ("FL", "Fort Myers Police Department")
    ]
    db.close()


def test_failing_migration_leaves_the_archive_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v3.db"
    make_archive_at(path, 3)
    before = dump(path)
    # Migration 4 creates its views, then fails on its last statement.
    views_migration = MIGRATIONS[3]
    assert isinstance(views_migration, Migration)
    broken = replace(
        views_migration, sql=views_migration.sql + "CREATE INDEX broken ON no_such_table (x);\n"
    )
    monkeypatch.setattr(archive, "MIGRATIONS", [*MIGRATIONS[:3], broken, *MIGRATIONS[4:]])
    with pytest.raises(ArchiveError, match=r"no such table: main\.no_such_table"):
        open_archive(path)
    assert dump(path) == before
    assert before["_version"] == 3


def test_failing_later_migration_keeps_a_current_archive_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v4.db"
    make_archive_at(path, SCHEMA_VERSION)
    before = dump(path)

    def bad_migration(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("DELETE FROM events")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(archive, "MIGRATIONS", [*MIGRATIONS, bad_migration])
    monkeypatch.setattr(archive, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(ArchiveError, match="no such table: no_such_table"):
        open_archive(path)
    after = dump(path)
    assert after == before
    assert len(after["events"]) == 1


def test_newer_archive_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    make_archive_at(path, SCHEMA_VERSION)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    newer = f"schema version {SCHEMA_VERSION + 1}, newer than this program's {SCHEMA_VERSION}"
    with pytest.raises(ArchiveError, match=newer):
        open_archive(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_reader_holding_a_transaction_never_blocks_a_write(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    make_archive_at(path, SCHEMA_VERSION)
    writer = open_archive(path)
    writer.execute("PRAGMA busy_timeout = 0")  # would fail at once if the reader blocked it
    reader = open_read_only(path)  # as `watcher query` and Datasette read
    reader.execute("BEGIN")
    assert reader.execute("SELECT COUNT(*) FROM events").fetchone() == (1,)

    with writer.atomic():
        writer.execute(
            "INSERT INTO events (source, type, agreement_id, state, agency, support_type, "
            "observed_at, publication_id, created_at) VALUES ('ice', 'renewal', 1, 'FL', "
            "'Fort Myers Police Department', 'Task Force Model', '2025-08-01', 2, '2025-08-01')"
        )
    # The reader keeps its snapshot until its transaction ends, then sees the new row.
    assert reader.execute("SELECT COUNT(*) FROM events").fetchone() == (1,)
    reader.execute("COMMIT")
    assert reader.execute("SELECT COUNT(*) FROM events").fetchone() == (2,)
    assert writer.execute("SELECT COUNT(*) FROM events").fetchone() == (2,)
    reader.close()
    writer.close()


# sha256 of each released migration file. A changed hash means an old version was edited, which
# would give new archives a schema that old archives at the same version never had.
FROZEN = {
    "0001_ice_lists": "d49518b82f5c1bdd6b942f6e14dbc57f62faeb7ebb3fced25b63df5581d7c7df",
    "0002_alerts": "e732cb03994171ed700113877c7b36fc8950eee9f0bfb58e4bc86aace9275999",
    "0003_documents": "f9ff77f33223937334c0b8bdc9af2d6800d2a065281d5443e731666cd0b0544c",
    "0004_views": "0d61ebf90129151f51efef71fd7244939ff641806f2c4e00fafd82d4f92f5c4a",
    "0005_web_confirmations": "520366f5a2c8edb344aaeee64ea37d1db2f37921eb43200b58199b7196644603",
    "0006_cost_figure_detail": "20e979c19e33b4accf2a2baeb4c664e40453284b0788fd181a47e3c61e9854c6",
    "0007_moa_links_held": "571badf85536782ae7965e0e7319004e4043249989394f238a8d22ff196e4103",
    "0008_jurisdictions_portals": (
        "f8c8c320cbcc593a073851300aac0f2713020ab3d6c2c245a9a959ddb148ee93"
    ),
    "0009_personal_data_apart": "fca395f3a6b4ca263d2a93183cc75b22779dd515a3bfe0764f1c75a141444292",
    "0011_last_seen_per_list": "0a739b3c8ff55766539b8b1dbb3303c3292e0aa50e0a9b4865b4c04bbd9ed8cf",
}
PRIVATE_FROZEN = {
    "0001_personal": "652db32f8884a0b5284f85508b8cfde39c66266378a044f61f4bcd28314e8e0c",
}


def test_released_migrations_are_frozen() -> None:
    files = {
        f"{m.version:04d}_{m.name}": hashlib.sha256(m.sql.encode()).hexdigest()
        for m in load_migrations()
    }
    for name, digest in FROZEN.items():
        assert files.get(name) == digest, f"migration {name} was edited: add a new one instead"


def test_migrations_import_no_feature_code() -> None:
    package = Path(archive.__file__).parent / "migrations"
    code = (package / "__init__.py").read_text()
    assert [
        line for line in code.splitlines() if line.startswith(("from watcher", "import watcher"))
    ] == []
    assert sorted(
        p.suffix for p in package.iterdir() if p.is_file() and p.name != "__init__.py"
    ) == [".sql"] * (len(list(package.glob("*.sql"))))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_archive_at_every_old_version_upgrades_with_its_rows(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / f"v{version}.db"
    make_archive_at(path, version)
    before = dump(path)
    db = open_archive(path)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()
    after = dump(path)
    for table in V1_TABLES:
        width = len(before[table][0]) if before[table] else 0
        assert [row[:width] for row in after[table]] == before[table], table
    assert set(LATER_TABLES) <= set(after)


def test_private_migrations_are_frozen() -> None:
    files = {
        f"{m.version:04d}_{m.name}": hashlib.sha256(m.sql.encode()).hexdigest()
        for m in load_migrations("watcher.store.private_migrations")
    }
    assert files == PRIVATE_FROZEN


PERSONAL_ROWS = """
INSERT INTO subscribers (id, email, states, cadence, confirmed, created_at, updated_at, token)
VALUES (7, 'ana@example.org', '["TX"]', 'daily', 1, '2025-07-01T00:00:00+00:00',
        '2025-07-01T00:00:00+00:00', 'tok-ana');
INSERT INTO alert_payloads VALUES (1, '{"type": "rename"}', '2025-07-15T09:02:00+00:00');
INSERT INTO outbox (id, kind, dedupe_key, message_id, subscriber_id, event_id, state,
    next_attempt_at, created_at)
VALUES (3, 'event', 'event:1:7', '<m1@watcher>', 7, 1, 'queued', '2025-07-15T09:02:00+00:00',
        '2025-07-15T09:02:00+00:00');
INSERT INTO digest_items (id, subscriber_id, event_id, created_at)
VALUES (4, 7, 1, '2025-07-15T09:02:00+00:00');
INSERT INTO web_confirmations VALUES ('n1', 'bo@example.org', '{}', '2025-07-15T10:00:00+00:00',
    NULL);
"""


def archive_with_personal_rows(path: Path) -> None:
    """An archive as the release before the split left it: personal tables inside it."""
    make_archive_at(path, PERSONAL_SPLIT - 1)
    conn = sqlite3.connect(path)
    conn.executescript(PERSONAL_ROWS)
    conn.close()


def personal_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    rows = {name: conn.execute(f"SELECT * FROM {name}").fetchall() for name in PERSONAL}
    conn.close()
    return rows


def test_personal_rows_move_to_the_private_file_and_leave_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "watcher.db"
    archive_with_personal_rows(path)
    before = personal_rows(path)
    assert before["subscribers"][0][:2] == (7, "ana@example.org")
    db = open_archive(path)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()
    left = dump(path)
    assert not set(PERSONAL) & set(left)
    assert "ana@example.org" not in str(left) and "tok-ana" not in str(left)
    assert len(left["events"]) == 1
    moved = personal_rows(tmp_path / "watcher-private.db")
    assert moved["subscribers"] == [(*before["subscribers"][0], "email", "en")]
    for table in PERSONAL[1:]:
        assert moved[table] == before[table], table


def test_a_crash_between_copy_and_drop_loses_nothing_and_repeats_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "watcher.db"
    archive_with_personal_rows(path)
    before = personal_rows(path)
    index = next(
        i for i, m in enumerate(MIGRATIONS) if getattr(m, "name", "") == "personal_data_apart"
    )
    drop = MIGRATIONS[index]
    assert isinstance(drop, Migration)

    def crash(db: sqlite_utils.Database) -> None:
        raise sqlite3.OperationalError("disk I/O error (the process died here)")

    monkeypatch.setattr(
        archive, "MIGRATIONS", [*MIGRATIONS[:index], crash, *MIGRATIONS[index + 1 :]]
    )
    with pytest.raises(ArchiveError, match="disk I/O error"):
        open_archive(path)
    # The copy was committed in the private file; the archive still has everything.
    assert personal_rows(path) == before
    assert personal_rows(tmp_path / "watcher-private.db")["outbox"] == before["outbox"]
    monkeypatch.undo()
    open_archive(path).close()
    assert not set(PERSONAL) & set(dump(path))
    moved = personal_rows(tmp_path / "watcher-private.db")
    assert {table: len(rows) for table, rows in moved.items()} == {
        table: len(rows) for table, rows in before.items()
    }
    assert moved["digest_items"] == before["digest_items"]


@pytest.mark.parametrize("version", [1, LAST_SEEN_PER_LIST - 1])
def test_last_seen_kept_per_list_answers_as_the_old_table(tmp_path: Path, version: int) -> None:
    """The per-agreement table becomes a view over one row per list: an archive upgraded
    across that version gives the same answer, and an agreement that then drops off its list
    keeps the list that last showed it, not the one that dropped it."""
    path = tmp_path / f"v{version}.db"
    make_archive_at(path, version)
    before = dump(path)["agreement_last_seen"]
    assert before == [(1, "2025-07-15T09:00:00+00:00", 2)]
    db = open_archive(path)
    assert "agreement_last_seen" in names_of(db, "view")
    assert db.execute("SELECT * FROM agreement_last_seen").fetchall() == before
    assert db.execute("SELECT * FROM list_last_seen").fetchall() == [
        ("ice", "participating", "2025-07-15T09:00:00+00:00", 2)
    ]
    assert db.execute("SELECT last_seen_at, days_listed FROM current_agreements").fetchall() == [
        ("2025-07-15T09:00:00+00:00", 143)
    ]
    db.close()
