-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 11: when a list last showed an agreement is kept per list, not per agreement.
-- Every accepted list used to rewrite a row for each agreement it showed (1,200 rows a list,
-- twice a day); an agreement still listed was last seen with its list's latest publication,
-- so that is now one row per list, and an agreement's own row is written once, when it
-- stops being listed. agreement_last_seen becomes a view giving exactly what the table held.
CREATE TABLE list_last_seen (
    source TEXT NOT NULL REFERENCES sources(name),
    list_kind TEXT NOT NULL CHECK (list_kind IN ('participating', 'pending')),
    last_seen_at TEXT NOT NULL,
    last_publication_id INTEGER NOT NULL REFERENCES publications(id),
    PRIMARY KEY (source, list_kind)
);
CREATE TABLE agreement_last_listed (
    agreement_id INTEGER PRIMARY KEY REFERENCES agreements(id),
    last_seen_at TEXT NOT NULL,
    last_publication_id INTEGER NOT NULL REFERENCES publications(id)
);
INSERT INTO agreement_last_listed (agreement_id, last_seen_at, last_publication_id)
SELECT agreement_id, last_seen_at, last_publication_id FROM agreement_last_seen;
-- Every agreement a list shows was refreshed by its latest publication: any one of them
-- (the latest, by SQLite's bare column beside MAX) says when that was.
INSERT INTO list_last_seen (source, list_kind, last_seen_at, last_publication_id)
SELECT a.source, a.list_kind, s.last_seen_at, MAX(s.last_publication_id)
FROM agreements a JOIN agreement_last_seen s ON s.agreement_id = a.id
WHERE a.status = 'active'
GROUP BY a.source, a.list_kind;
DROP TABLE agreement_last_seen;
CREATE VIEW agreement_last_seen AS
SELECT a.id AS agreement_id,
       CAST(CASE WHEN a.status = 'active' THEN l.last_seen_at ELSE s.last_seen_at END
            AS TEXT) AS last_seen_at,
       CAST(CASE WHEN a.status = 'active' THEN l.last_publication_id
                 ELSE s.last_publication_id END AS INTEGER) AS last_publication_id
FROM agreements a
LEFT JOIN list_last_seen l ON l.source = a.source AND l.list_kind = a.list_kind
LEFT JOIN agreement_last_listed s ON s.agreement_id = a.id;
-- The last accepted publication of a list, looked up before every publication is applied,
-- in one step instead of a sort of all the list's accepted publications.
CREATE INDEX publications_last_accepted ON publications (source, list_kind, as_of, id)
WHERE status IN ('accepted', 'baseline');
