-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 1: ICE's lists: sources, raw publications, agreements, their history, events.
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
