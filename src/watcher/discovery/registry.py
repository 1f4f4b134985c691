"""The portal registry (table ``portals``): known portals from public lists and the configured
sources, discovery's proposals, and the operator's accept / reject. Accepted portals are watched:
a configured source, or a source built from the row (:func:`accepted_sources`)."""

from __future__ import annotations

import csv
import io
import typing
from dataclasses import dataclass
from importlib import resources
from typing import Any

import sqlite_utils

from watcher.config import Config, Jurisdiction, SourceConfig
from watcher.discovery.platforms import recognise
from watcher.errors import WatcherError
from watcher.places import county
from watcher.places.names import split_county_suffix
from watcher.places.resolve import county_matches
from watcher.timestamps import now_iso

CONFIGURED = "sources.yaml"
COLUMNS = (
    "id", "government", "state", "county_fips", "platform", "url", "client", "evidence",
    "confidence", "status", "reason", "verified_at", "source_name", "created_at", "updated_at",
)  # fmt: skip
_SOURCE_KINDS: tuple[str, ...] = typing.get_args(SourceConfig.model_fields["kind"].annotation)


class PortalError(WatcherError):
    """A portal cannot be accepted or rejected as asked; the message says why."""


@dataclass(frozen=True)
class Proposal:
    government: str
    state: str
    county_fips: str
    platform: str
    url: str
    client: str | None
    evidence: str
    confidence: str  # high (verified), medium (a public list), low (a link, unverified)
    status: str  # proposed, verified, failed
    reason: str | None = None
    verified_at: str | None = None


def seed_from_lists(db: sqlite_utils.Database) -> int:
    """Add the shipped public-list rows (data/portals.csv) not yet in the registry."""
    path = resources.files("watcher").joinpath("data/portals.csv")
    if not path.is_file():
        return 0
    lines = [line for line in io.StringIO(path.read_text("utf-8")) if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    if rows and all(_listed(db, row) for row in (rows[0], rows[-1])):
        return 0  # seeded before from this very file
    now, added = now_iso(), 0
    for row in rows:
        entry = county(row["fips"])
        if entry is None:
            continue
        cursor = db.execute(
            "INSERT OR IGNORE INTO portals (government, state, county_fips, platform, url, "
            "client, evidence, confidence, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'medium', 'known', ?, ?)",
            [entry.name, entry.state, entry.fips, row["platform"], row["url"],
             row["client"] or None, row["evidence"], now, now],
        )  # fmt: skip
        added += cursor.rowcount
    return added


def _listed(db: sqlite_utils.Database, row: dict[str, str]) -> bool:
    found = db.execute(
        "SELECT 1 FROM portals WHERE county_fips = ? AND platform = ? AND url = ?",
        [row["fips"], row["platform"], row["url"]],
    ).fetchone()
    return found is not None


def sync_configured(db: sqlite_utils.Database, config: Config) -> int:
    """Record each configured county source as a watched portal; a source taken out of the
    configuration leaves its row as merely known."""
    now, names = now_iso(), []
    for source in config.sources:
        place = source.jurisdiction
        if source.kind == "ice_287g" or place is None or not place.county:
            continue
        found = county_matches(place.state, place.county)
        fips = found[0] if len(found) == 1 else None
        entry = county(fips)
        link = recognise(str(source.url))
        platform = (
            "legistar" if source.kind == "legistar" else (link.platform if link else "website")
        )
        names.append(source.name)
        values = [entry.name if entry else place.county, place.state, fips, platform,
                  str(source.url), source.client or (link.client if link else None)]  # fmt: skip
        updated = db.execute(
            "UPDATE portals SET government = ?, state = ?, county_fips = ?, platform = ?, url = ?, "
            "client = ?, status = 'accepted', updated_at = ? WHERE source_name = ? "
            "AND evidence LIKE 'sources.yaml%'",
            [*values, now, source.name],
        )
        if updated.rowcount == 0:
            db.execute(
                "INSERT OR REPLACE INTO portals (government, state, county_fips, platform, url, "
                "client, evidence, confidence, status, source_name, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'high', 'accepted', ?, ?, ?)",
                [*values, f"{CONFIGURED}: source {source.name}", source.name, now, now],
            )
    marks = ",".join("?" * len(names)) or "''"
    db.execute(
        "UPDATE portals SET status = 'known', source_name = NULL, updated_at = ? "
        f"WHERE evidence LIKE 'sources.yaml%' AND source_name NOT IN ({marks})",
        [now, *names],
    )
    return len(names)


def store_proposal(db: sqlite_utils.Database, proposal: Proposal) -> int:
    """Insert or refresh a proposal; an accepted or rejected portal keeps its decision."""
    now = now_iso()
    row = db.execute(
        "SELECT id, status FROM portals WHERE county_fips = ? AND platform = ? AND url = ?",
        [proposal.county_fips, proposal.platform, proposal.url],
    ).fetchone()
    values = [proposal.evidence, proposal.confidence, proposal.reason, proposal.verified_at]
    if row is None:
        cursor = db.execute(
            "INSERT INTO portals (government, state, county_fips, platform, url, client, "
            "evidence, confidence, reason, verified_at, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [proposal.government, proposal.state, proposal.county_fips, proposal.platform,
             proposal.url, proposal.client, *values, proposal.status, now, now],
        )  # fmt: skip
        return int(cursor.lastrowid or 0)
    if row[1] not in ("accepted", "rejected"):
        db.execute(
            "UPDATE portals SET evidence = ?, confidence = ?, reason = ?, verified_at = ?, "
            "status = ?, client = COALESCE(?, client), updated_at = ? WHERE id = ?",
            [*values, proposal.status, proposal.client, now, row[0]],
        )
    return int(row[0])


def list_portals(
    db: sqlite_utils.Database, *, status: str | None = None, state: str | None = None
) -> list[dict[str, Any]]:
    where, params = ["1 = 1"], []
    if status:
        where.append("status = ?")
        params.append(status)
    if state:
        where.append("state = ?")
        params.append(state.upper())
    sql = (
        f"SELECT {', '.join(COLUMNS)} FROM portals WHERE {' AND '.join(where)} "
        "ORDER BY state, government, platform, id"
    )
    return [dict(zip(COLUMNS, row, strict=True)) for row in db.execute(sql, params)]


def accept(db: sqlite_utils.Database, portal_id: int) -> str:
    """Make a portal a watched source; returns the source's name."""
    row = db.execute(
        "SELECT status, county_fips, platform FROM portals WHERE id = ?", [portal_id]
    ).fetchone()
    if row is None:
        raise PortalError(f"no portal {portal_id}")
    if row[0] in ("rejected", "failed"):
        raise PortalError(f"portal {portal_id} is {row[0]}: it cannot become a source")
    if row[1] is None:
        raise PortalError(f"portal {portal_id} has no county FIPS code")
    name = f"portal-{portal_id}-{row[2]}"
    db.execute(
        "UPDATE portals SET status = 'accepted', source_name = COALESCE(source_name, ?), "
        "updated_at = ? WHERE id = ?",
        [name, now_iso(), portal_id],
    )
    return str(
        db.execute("SELECT source_name FROM portals WHERE id = ?", [portal_id]).fetchone()[0]
    )


def accept_verified(db: sqlite_utils.Database) -> list[str]:
    ids = [r[0] for r in db.execute("SELECT id FROM portals WHERE status = 'verified' ORDER BY id")]
    return [accept(db, portal_id) for portal_id in ids]


def reject(db: sqlite_utils.Database, portal_id: int, reason: str | None = None) -> None:
    """Remember the operator's no: discovery never proposes this portal again."""
    row = db.execute("SELECT status, evidence FROM portals WHERE id = ?", [portal_id]).fetchone()
    if row is None:
        raise PortalError(f"no portal {portal_id}")
    if row[1].startswith(CONFIGURED):
        raise PortalError(f"portal {portal_id} is a configured source: edit sources.yaml instead")
    db.execute(
        "UPDATE portals SET status = 'rejected', reason = ?, source_name = NULL, updated_at = ? "
        "WHERE id = ?",
        [reason or "rejected by the operator", now_iso(), portal_id],
    )


def accepted_sources(db: sqlite_utils.Database) -> list[SourceConfig]:
    """Accepted portals (not from sources.yaml) as sources for ``watcher run``: the platform's
    own source kind when watcher has it, else a ``document_index`` of the portal's page."""
    if "portals" not in db.table_names():
        return []
    out = []
    for row in list_portals(db, status="accepted"):
        if row["evidence"].startswith(CONFIGURED) or not row["source_name"]:
            continue
        entry = county(row["county_fips"])
        base = split_county_suffix(entry.name)[0] if entry else row["government"]
        place = Jurisdiction(state=row["state"], county=base)
        if row["platform"] == "legistar" and row["client"]:
            kind, url, client = "legistar", "https://webapi.legistar.com/v1/", row["client"]
        elif row["platform"] in _SOURCE_KINDS:
            kind, url, client = row["platform"], row["url"], row["client"]
        else:
            kind, url, client = "document_index", row["url"], None
        out.append(
            SourceConfig.model_validate(
                {"name": row["source_name"], "kind": kind, "url": url, "client": client,
                 "jurisdiction": place, "link_pattern": None if kind != "document_index"
                 else r"(?i)agenda|minutes"}
            )
        )  # fmt: skip
    return out


def with_accepted_portals(config: Config, db: sqlite_utils.Database) -> Config:
    """``config`` with the accepted portals added as sources (a configured name wins)."""
    names = {source.name for source in config.sources}
    extra = [source for source in accepted_sources(db) if source.name not in names]
    if not extra:
        return config
    return config.model_copy(update={"sources": [*config.sources, *extra]})
