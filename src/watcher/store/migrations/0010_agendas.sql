-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 10: agenda platforms: meetings, their documents, 287(g) agenda items, source cursors.
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES sources(name),
    platform TEXT NOT NULL,
    source_id TEXT NOT NULL,
    body TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('upcoming', 'past', 'cancelled')),
    url TEXT,
    modified_at TEXT,
    state TEXT NOT NULL,
    county TEXT,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX meetings_place ON meetings (state, county, starts_at);
CREATE TABLE meeting_documents (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    kind TEXT NOT NULL CHECK (kind IN ('agenda', 'packet', 'minutes', 'item', 'attachment')),
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    item_number TEXT,
    action TEXT,
    document_id INTEGER REFERENCES documents(id),
    sha256 TEXT,
    scanned_at TEXT,
    UNIQUE (meeting_id, url)
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_key TEXT NOT NULL,
    item_number TEXT,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    page INTEGER,
    excerpt TEXT NOT NULL,
    vote TEXT,
    alert INTEGER NOT NULL DEFAULT 1,
    first_seen_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (meeting_id, item_key)
);
CREATE TABLE agenda_item_documents (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    meeting_document_id INTEGER NOT NULL REFERENCES meeting_documents(id),
    page INTEGER,
    PRIMARY KEY (agenda_item_id, meeting_document_id)
);
CREATE TABLE source_cursors (
    source TEXT PRIMARY KEY REFERENCES sources(name),
    cursor TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
