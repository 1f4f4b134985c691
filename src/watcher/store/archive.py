"""The SQLite archive: schema, migrations and the few queries every stage shares.

The schema version lives in ``PRAGMA user_version``. Each migration runs in one transaction, so
an upgrade either happens whole or not at all. WAL mode and a busy timeout let readers
(sqlite3, Datasette, notebooks) keep the archive open while a run writes to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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


def open_archive(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and upgrade the archive; raise ArchiveError with a clear reason."""
    path = Path(path)
    if not path.parent.exists():
        raise ArchiveError(f"{path}: folder {path.parent} does not exist")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL still never corrupts the archive; it only skips an fsync per
        # commit, which a backfill of hundreds of publications would otherwise wait on.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if migrate:
            upgrade(db)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: cannot open the archive: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite_utils.Database) -> int:
    """Apply pending migrations, each in its own transaction. Returns the new version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise ArchiveError(
            f"the archive is at schema version {version}, newer than this program's "
            f"{SCHEMA_VERSION}: upgrade watcher before using it"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


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
