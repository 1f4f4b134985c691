-- Frozen: an archive at this version was made by exactly this SQL; never edit it,
-- add a new version instead.
-- Version 8: every agreement's county by FIPS code; the registry of agenda portals; what
-- discovery tried for each county.
ALTER TABLE agreements ADD COLUMN county_fips TEXT;
ALTER TABLE agreements ADD COLUMN jurisdiction_basis TEXT;
CREATE INDEX agreements_county_fips ON agreements (county_fips);
CREATE TABLE portals (
    id INTEGER PRIMARY KEY,
    government TEXT NOT NULL,
    state TEXT NOT NULL,
    county_fips TEXT,
    platform TEXT NOT NULL,
    url TEXT NOT NULL,
    client TEXT,
    evidence TEXT NOT NULL,
    confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    status TEXT NOT NULL
        CHECK (status IN ('known', 'proposed', 'verified', 'accepted', 'rejected', 'failed')),
    reason TEXT,
    verified_at TEXT,
    source_name TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (county_fips, platform, url)
);
CREATE INDEX portals_county ON portals (county_fips, status);
CREATE TABLE discovery_attempts (
    id INTEGER PRIMARY KEY,
    county_fips TEXT NOT NULL,
    state TEXT NOT NULL,
    government TEXT NOT NULL,
    started_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('proposed', 'registry', 'nothing', 'failed')),
    reason TEXT,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    portal_id INTEGER REFERENCES portals(id)
);
CREATE INDEX discovery_attempts_county ON discovery_attempts (county_fips, id);
