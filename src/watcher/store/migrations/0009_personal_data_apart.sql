-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 9: personal data leaves the archive for the private file (attached as `private`),
-- so the archive can be published as it is. open_archive has already copied these rows into
-- the private file and committed them there; the copies below find them present (OR IGNORE),
-- so a crash between that commit and this drop loses nothing, and a rerun repeats nothing.
INSERT OR IGNORE INTO private.subscribers (id, email, states, counties, agencies, types, cadence,
    confirmed, created_at, updated_at, token, unsubscribed_at, bouncing, permanent_failures)
SELECT id, email, states, counties, agencies, types, cadence, confirmed, created_at, updated_at,
    token, unsubscribed_at, bouncing, permanent_failures FROM main.subscribers;
INSERT OR IGNORE INTO private.web_confirmations (nonce, email, request, created_at, confirmed_at)
SELECT nonce, email, request, created_at, confirmed_at FROM main.web_confirmations;
INSERT OR IGNORE INTO private.alert_payloads (event_id, payload, created_at)
SELECT event_id, payload, created_at FROM main.alert_payloads;
INSERT OR IGNORE INTO private.outbox (id, kind, dedupe_key, message_id, subscriber_id, event_id,
    to_addr, payload, state, attempts, next_attempt_at, last_error, created_at, sent_at)
SELECT id, kind, dedupe_key, message_id, subscriber_id, event_id, to_addr, payload, state,
    attempts, next_attempt_at, last_error, created_at, sent_at FROM main.outbox;
INSERT OR IGNORE INTO private.digest_items (id, subscriber_id, event_id, created_at, outbox_id)
SELECT id, subscriber_id, event_id, created_at, outbox_id FROM main.digest_items;
DROP TABLE main.digest_items;
DROP TABLE main.outbox;
DROP TABLE main.alert_payloads;
DROP TABLE main.web_confirmations;
DROP TABLE main.subscribers;
