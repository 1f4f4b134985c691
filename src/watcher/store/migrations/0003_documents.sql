-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 3: county documents, their pages (full-text search), cost figures, records requests.
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
