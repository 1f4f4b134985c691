"""Which county an agreement belongs to: its 5-digit FIPS code (via :mod:`watcher.places`:
ICE's COUNTY column, the agency's name, the FBI's agency list, the city in the name; state
agencies statewide) and the county's name as cost figures are filed under."""

from __future__ import annotations

import re

import sqlite_utils

from watcher.places import Resolution, county, resolve_agency
from watcher.places.names import split_county_suffix

COUNTY_IN_NAME = re.compile(
    r"^(?:the\s+)?(?P<county>[A-Z][\w.' -]*?)\s+(?:County|Parish|Borough)\b", re.IGNORECASE
)
SUFFIX = re.compile(r"\s+(?:County|Parish|Borough|Co\.?)$", re.IGNORECASE)
NOT_A_COUNTY = re.compile(r"#N/A|^N/?A$|^none$|^unknown$", re.IGNORECASE)


def county_name(value: str | None) -> str | None:
    """'Galveston County' -> 'Galveston'; '#N/A' and blanks -> None."""
    if value is None:
        return None
    value = " ".join(value.split())
    if not value or NOT_A_COUNTY.search(value):
        return None
    return SUFFIX.sub("", value) or None


def jurisdiction_county(county_column: str | None, agency: str) -> str | None:
    """The county of an agreement by name only: ICE's column, then 'X County ...' in the name."""
    named = county_name(county_column)
    if named:
        return named
    match = COUNTY_IN_NAME.match(agency.strip())
    if match and not re.search(r"\b(?:city|town|village)\b", match.group("county"), re.I):
        return county_name(match.group("county"))
    return None


def locate(
    state: str, agency: str, agency_type: str | None, county_column: str | None
) -> tuple[Resolution, str | None]:
    """The agreement's resolution and its county's name (Census spelling, no suffix, when the
    FIPS code is known; else the name-only answer)."""
    found = resolve_agency(state, agency, agency_type, county_column)
    entry = county(found.county_fips)
    if entry is not None:
        return found, split_county_suffix(entry.name)[0]
    return found, jurisdiction_county(county_column, agency)


def fill_county_fips(db: sqlite_utils.Database) -> int:
    """Resolve agreements stored before FIPS codes were kept (``jurisdiction_basis`` empty).
    Runs in the caller's transaction."""
    if "county_fips" not in db["agreements"].columns_dict:
        return 0
    rows = db.execute(
        "SELECT id, state, agency, agency_type, county FROM agreements "
        "WHERE jurisdiction_basis IS NULL"
    ).fetchall()
    updates = []
    for agreement_id, state, agency, agency_type, column in rows:
        found, name = locate(state, agency, agency_type, column)
        updates.append((found.county_fips, found.basis, name, agreement_id))
    if updates:
        db.conn.executemany(
            "UPDATE agreements SET county_fips = ?, jurisdiction_basis = ?, "
            "jurisdiction_county = COALESCE(?, jurisdiction_county) WHERE id = ?",
            updates,
        )
    return len(updates)
