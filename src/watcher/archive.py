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

from .errors import ArchiveError

BUSY_TIMEOUT_MS = 30_000

SCHEMA_V1 = """
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    url TEXT NOT NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_run_at TEXT,
    last_success_at TEXT,
    last_failure_at TEXT,
    last_error TEXT,
    failing_alerted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE http_cache (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    fetched_at TEXT
);
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    first_seen_at TEXT NOT NULL
);
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(name),
    url TEXT,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    as_of TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    list_kind TEXT,
    layout TEXT,
    row_count INTEGER,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'baseline', 'rejected')),
    reason TEXT,
    warnings TEXT,
    UNIQUE (source, sha256, as_of)
);
CREATE INDEX publications_source_kind ON publications (source, list_kind, status, id);
CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(name),
    list_kind TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL,
    agency TEXT NOT NULL,
    agency_key TEXT NOT NULL,
    support_type TEXT NOT NULL,
    agency_type TEXT,
    county TEXT,
    jurisdiction_county TEXT,
    signed TEXT,
    moa_url TEXT,
    addendum_url TEXT,
    content_hash TEXT NOT NULL,
    flags TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'missing', 'withdrawn', 'left')),
    absent_count INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    first_absent_at TEXT,
    first_absent_publication_id INTEGER REFERENCES publications(id),
    ended_at TEXT,
    first_publication_id INTEGER REFERENCES publications(id),
    UNIQUE (source, list_kind, key)
);
-- Apart from agreements: every accepted list refreshes it for every agreement it shows, and
-- rewriting this narrow table costs a tenth of rewriting the wide one.
CREATE TABLE agreement_last_seen (
    agreement_id INTEGER PRIMARY KEY REFERENCES agreements(id),
    last_seen_at TEXT NOT NULL,
    last_publication_id INTEGER NOT NULL REFERENCES publications(id)
);
CREATE INDEX agreements_state ON agreements (state, status);
CREATE TABLE agreement_history (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    publication_id INTEGER NOT NULL REFERENCES publications(id),
    observed_at TEXT NOT NULL,
    change TEXT NOT NULL,
    agency TEXT NOT NULL,
    signed TEXT,
    moa_url TEXT,
    addendum_url TEXT,
    county TEXT,
    status TEXT NOT NULL,
    detail TEXT
);
CREATE INDEX agreement_history_agreement ON agreement_history (agreement_id, id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(name),
    type TEXT NOT NULL,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    state TEXT NOT NULL,
    agency TEXT NOT NULL,
    county TEXT,
    support_type TEXT NOT NULL,
    signed TEXT,
    previous_signed TEXT,
    previous_agency TEXT,
    moa_url TEXT,
    observed_at TEXT NOT NULL,
    publication_id INTEGER NOT NULL REFERENCES publications(id),
    previous_publication_id INTEGER REFERENCES publications(id),
    alert INTEGER NOT NULL DEFAULT 1,
    detail TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX events_observed ON events (observed_at);
CREATE INDEX events_state_type ON events (state, type);
"""


def _migration_1(db: sqlite_utils.Database) -> None:
    """ICE's lists: sources, raw publications, agreements, their history, events."""
    _run_script(db, SCHEMA_V1)


def _migration_2(db: sqlite_utils.Database) -> None:
    """Tables of the alerts package (subscribers, outbox, digests)."""
    from .alerts.subscriptions import ALERT_SCHEMA

    _run_script(db, ALERT_SCHEMA)


SCHEMA_V3 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(name),
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    title TEXT,
    format TEXT,
    doc_date TEXT,
    pages INTEGER,
    state TEXT NOT NULL,
    county TEXT,
    agency TEXT,
    status TEXT NOT NULL CHECK (status IN ('extracted', 'no_mention', 'no_text', 'failed')),
    notes TEXT,
    figure_count INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT NOT NULL,
    UNIQUE (source, url, sha256)
);
CREATE INDEX documents_place ON documents (state, county);
CREATE TABLE document_pages (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (document_id, page)
);
CREATE VIRTUAL TABLE document_pages_fts USING fts5(
    text, content='document_pages', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER document_pages_ai AFTER INSERT ON document_pages BEGIN
    INSERT INTO document_pages_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER document_pages_ad AFTER DELETE ON document_pages BEGIN
    INSERT INTO document_pages_fts (document_pages_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
END;
CREATE TABLE cost_figures (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL,
    county TEXT NOT NULL DEFAULT '',  -- '' when the source names no county: keeps UNIQUE exact
    agency TEXT,
    amount REAL NOT NULL,
    kind TEXT NOT NULL,
    fiscal_year TEXT,
    period TEXT,
    sentence TEXT NOT NULL,
    url TEXT NOT NULL,
    page INTEGER,
    doc_date TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    first_seen_at TEXT NOT NULL,
    seen_in INTEGER NOT NULL DEFAULT 1,
    UNIQUE (state, county, fingerprint)
);
CREATE INDEX cost_figures_place ON cost_figures (state, county);
CREATE TABLE records_requests (
    id INTEGER PRIMARY KEY,
    state TEXT NOT NULL,
    agency TEXT NOT NULL,
    sent_date TEXT NOT NULL,
    due_date TEXT,
    due_explanation TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'sent'
        CHECK (status IN ('sent', 'acknowledged', 'partial', 'fulfilled', 'denied', 'withdrawn')),
    response_documents TEXT NOT NULL DEFAULT '[]',
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def _migration_3(db: sqlite_utils.Database) -> None:
    """County documents, their pages (with full-text search), cost figures, records requests."""
    _run_script(db, SCHEMA_V3)


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    # Not executescript(): it commits first, and a migration must stay in its transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _migration_4(db: sqlite_utils.Database) -> None:
    """Views for analysts (watcher.analyst.views)."""
    from .analyst.views import VIEWS_SQL

    _run_script(db, VIEWS_SQL)


SCHEMA_V5 = """
CREATE TABLE IF NOT EXISTS web_confirmations (
    nonce TEXT PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE,
    request TEXT NOT NULL,
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX IF NOT EXISTS web_confirmations_email ON web_confirmations (email);
"""


def _migration_5(db: sqlite_utils.Database) -> None:
    """Double opt-in requests of the web page (here, not in watcher.web: the web extra may not
    be installed, and the archive's schema must not depend on it)."""
    _run_script(db, SCHEMA_V5)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
]
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


def iso(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return moment.isoformat()


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
