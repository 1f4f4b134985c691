"""The SQLite archive and its private companion: schema, migrations, shared queries.

The archive holds what may be published (ICE's lists, events, documents, cost figures); the
private file (``watcher-private.db`` beside ``watcher.db`` unless ``WATCHER_PRIVATE_DB`` says
otherwise) holds subscribers, confirmations and the outbox. Every connection from
:func:`open_archive` attaches the private file as ``private``; the personal tables exist only
there, so the unqualified names the alert code uses resolve to them.

Each file's schema version lives in its ``user_version``. Each migration runs in one
transaction, so an upgrade either happens whole or not at all. WAL mode and a busy timeout let
readers (sqlite3, Datasette, notebooks) keep the archive open while a run writes to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from watcher.errors import ArchiveError
from watcher.store.migrations import load_migrations
from watcher.timestamps import iso

BUSY_TIMEOUT_MS = 30_000

MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = list(load_migrations())
SCHEMA_VERSION = len(MIGRATIONS)
PRIVATE_MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = list(
    load_migrations("watcher.store.private_migrations")
)
# What older archives kept beside the public data; they move to the private file.
PERSONAL_TABLES = ("subscribers", "web_confirmations", "alert_payloads", "outbox", "digest_items")


def private_path(archive: str | Path) -> Path:
    """The private file for ``archive``: $WATCHER_PRIVATE_DB, else ``NAME-private.db`` beside it."""
    explicit = os.environ.get("WATCHER_PRIVATE_DB")
    if explicit:
        return Path(explicit)
    archive = Path(archive)
    return archive.with_name(f"{archive.stem}-private{archive.suffix or '.db'}")


def open_archive(
    path: str | Path, *, migrate: bool = True, private: str | Path | None = None
) -> sqlite_utils.Database:
    """Open (creating if needed) and upgrade the archive with its private file attached.

    Raises ArchiveError with a clear reason."""
    path = Path(path)
    private = Path(private) if private is not None else private_path(path)
    for file in (path, private):
        if not file.parent.exists():
            raise ArchiveError(f"{file}: folder {file.parent} does not exist")
    if private.resolve() == path.resolve():
        raise ArchiveError(f"{path}: the private file must not be the archive itself")
    try:
        if migrate:
            upgrade_private(private)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("ATTACH DATABASE ? AS private", [str(private)])
        for schema in ("main", "private"):
            db.execute(f"PRAGMA {schema}.journal_mode = WAL")
            # In WAL mode NORMAL still never corrupts the archive; it only skips an fsync per
            # commit, which a backfill of hundreds of publications would otherwise wait on.
            db.execute(f"PRAGMA {schema}.synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if migrate:
            copy_personal_rows(db)
            upgrade(db)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: cannot open the archive: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database, schema: str = "main") -> int:
    return int(db.execute(f"PRAGMA {schema}.user_version").fetchone()[0])


def upgrade(db: sqlite_utils.Database) -> int:
    """Apply pending migrations, each in its own transaction. Returns the new version."""
    return _upgrade(db, MIGRATIONS)


def upgrade_private(path: Path) -> int:
    """Apply the private file's pending migrations, on a connection of its own (its SQL names
    its tables plainly, as in any SQLite file)."""
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        return _upgrade(db, PRIVATE_MIGRATIONS, "the private file")
    finally:
        db.close()


def _upgrade(
    db: sqlite_utils.Database,
    migrations: list[Callable[[sqlite_utils.Database], None]],
    what: str = "the archive",
) -> int:
    # Both files are upgraded as the main schema of their connection; the latest version is
    # the number of migrations, so it cannot drift from the list.
    latest = len(migrations)
    version = schema_version(db)
    if version > latest:
        raise ArchiveError(
            f"{what} is at schema version {version}, newer than this program's "
            f"{latest}: upgrade watcher before using it"
        )
    for number in range(version + 1, latest + 1):
        with db.atomic():
            migrations[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return latest


def table_exists(db: sqlite_utils.Database, name: str, schema: str | None = None) -> bool:
    """Whether a table exists in ``schema`` (any attached one when None)."""
    sql = "SELECT 1 FROM pragma_table_list WHERE name = ? AND type = 'table'"
    params = [name]
    if schema is not None:
        sql += " AND schema = ?"
        params.append(schema)
    return db.execute(sql, params).fetchone() is not None


def copy_personal_rows(db: sqlite_utils.Database) -> int:
    """Copy an older archive's personal rows into the private file, in one committed transaction.

    Run before the migration that drops them from the archive, so a crash between the two
    loses nothing; rows already copied are skipped, so a rerun repeats nothing. Returns how
    many rows were copied."""
    present = [name for name in PERSONAL_TABLES if table_exists(db, name, "main")]
    if not present:
        return 0
    copied = 0
    with db.atomic():
        for name in present:
            ours = {r[1] for r in db.execute(f"PRAGMA private.table_info({name})")}
            columns = ", ".join(
                r[1] for r in db.execute(f"PRAGMA main.table_info({name})") if r[1] in ours
            )
            cursor = db.execute(
                f"INSERT OR IGNORE INTO private.{name} ({columns}) "
                f"SELECT {columns} FROM main.{name}"
            )
            copied += max(cursor.rowcount, 0)
    return copied


def ensure_source(db: sqlite_utils.Database, name: str, kind: str, url: str) -> None:
    db.execute(
        "INSERT INTO sources (name, kind, url) VALUES (?, ?, ?) "
        "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, url = excluded.url",
        [name, kind, url],
    )


def store_blob(db: sqlite_utils.Database, content: bytes, seen_at: dt.datetime) -> str:
    """Keep the raw bytes once, addressed by their SHA-256."""
    digest = hashlib.sha256(content).hexdigest()
    db.execute(
        "INSERT OR IGNORE INTO blobs (sha256, size, content, first_seen_at) VALUES (?, ?, ?, ?)",
        [digest, len(content), content, iso(seen_at)],
    )
    return digest
