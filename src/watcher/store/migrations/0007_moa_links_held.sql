-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 7: MOA links held for confirmation. When one publication moves the MOA links of
-- many rows to other agencies' files at once (a shifted block), a link that would otherwise
-- be a renewal is held here until a later publication still links it.
CREATE TABLE moa_links_held (
    agreement_id INTEGER PRIMARY KEY REFERENCES agreements(id),
    moa_url TEXT NOT NULL,
    publication_id INTEGER NOT NULL REFERENCES publications(id),
    block_size INTEGER NOT NULL
);
