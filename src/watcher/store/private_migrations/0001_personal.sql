-- Frozen: a private file at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 1: subscribers (email address or chat channel, language), web confirmations,
-- alert payloads, the outbox and digest items, kept apart from the publishable archive.
CREATE TABLE IF NOT EXISTS subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    states TEXT NOT NULL DEFAULT '[]',
    counties TEXT NOT NULL DEFAULT '[]',
    agencies TEXT NOT NULL DEFAULT '[]',
    types TEXT NOT NULL DEFAULT '[]',
    cadence TEXT NOT NULL DEFAULT 'immediate'
        CHECK (cadence IN ('immediate', 'daily', 'weekly')),
    confirmed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    unsubscribed_at TEXT,
    bouncing INTEGER NOT NULL DEFAULT 0,
    permanent_failures INTEGER NOT NULL DEFAULT 0,
    channel TEXT NOT NULL DEFAULT 'email',
    lang TEXT NOT NULL DEFAULT 'en'
);
CREATE TABLE IF NOT EXISTS web_confirmations (
    nonce TEXT PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE,
    request TEXT NOT NULL,
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX IF NOT EXISTS web_confirmations_email ON web_confirmations (email);
CREATE TABLE IF NOT EXISTS alert_payloads (
    event_id INTEGER PRIMARY KEY,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'digest', 'operator')),
    dedupe_key TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL UNIQUE,
    subscriber_id INTEGER REFERENCES subscribers(id),
    event_id INTEGER,
    to_addr TEXT,
    payload TEXT,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at, id);
CREATE TABLE IF NOT EXISTS digest_items (
    id INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
    event_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    outbox_id INTEGER REFERENCES outbox(id),
    UNIQUE (subscriber_id, event_id)
);
CREATE INDEX IF NOT EXISTS digest_items_pending ON digest_items (subscriber_id, outbox_id);
