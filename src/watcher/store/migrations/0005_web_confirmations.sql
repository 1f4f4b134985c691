-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 5: double opt-in requests of the web page.
CREATE TABLE IF NOT EXISTS web_confirmations (
    nonce TEXT PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE,
    request TEXT NOT NULL,
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX IF NOT EXISTS web_confirmations_email ON web_confirmations (email);
