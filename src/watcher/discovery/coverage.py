"""Coverage: per state, the active agreements, their jurisdictions, how many have a watched
portal and a local cost figure, and which alerts would carry only program-level figures.

Reads the archive only (the web page runs it too); agreements stored before FIPS codes were
kept are resolved in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from watcher.places import resolve_agency


@dataclass
class StateCoverage:
    state: str
    agreements: int = 0
    statewide: int = 0  # agreements of state agencies
    unresolved: int = 0  # agreements whose county is not known
    counties: set[str] = field(default_factory=set)
    watched_counties: set[str] = field(default_factory=set)
    with_portal: int = 0
    with_local_figure: int = 0
    program_only: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "agreements": self.agreements,
            "jurisdictions": len(self.counties) + (1 if self.statewide else 0),
            "counties": len(self.counties),
            "statewide_agreements": self.statewide,
            "unresolved_agreements": self.unresolved,
            "counties_with_watched_portal": len(self.watched_counties),
            "agreements_with_watched_portal": self.with_portal,
            "agreements_with_local_figure": self.with_local_figure,
            "agreements_program_figures_only": len(self.program_only),
            "program_only": self.program_only,
        }


def coverage(db: sqlite_utils.Database, state: str | None = None) -> dict[str, Any]:
    """``{"states": [per state], "total": {...}}``, states in alphabetical order."""
    watched = _watched_counties(db)
    figures = _figure_counties(db)
    per_state: dict[str, StateCoverage] = {}
    total = StateCoverage("total")
    for row in _active_agreements(db, state):
        entry = per_state.setdefault(row["state"], StateCoverage(row["state"]))
        for target in (entry, total):
            _count(target, row, watched, figures)
    states = [per_state[code].to_dict() for code in sorted(per_state)]
    summary = total.to_dict()
    summary["jurisdictions"] = sum(s["jurisdictions"] for s in states)
    summary.pop("program_only")
    return {"states": states, "total": summary}


def _count(
    entry: StateCoverage,
    row: dict[str, Any],
    watched: set[str],
    figures: set[tuple[str, str]],
) -> None:
    entry.agreements += 1
    fips = row["county_fips"]
    if row["basis"] == "statewide":
        entry.statewide += 1
    elif fips:
        entry.counties.add(fips)
    else:
        entry.unresolved += 1
    if fips and fips in watched:
        entry.watched_counties.add(fips)
        entry.with_portal += 1
    county = (row["jurisdiction_county"] or "").lower()
    if county and (row["state"], county) in figures:
        entry.with_local_figure += 1
    else:
        entry.program_only.append(
            {k: row[k] for k in ("id", "state", "agency", "support_type", "county_fips")}
        )


def _active_agreements(db: sqlite_utils.Database, state: str | None) -> list[dict[str, Any]]:
    has_fips = "county_fips" in db["agreements"].columns_dict
    fips_columns = "county_fips, jurisdiction_basis" if has_fips else "NULL, NULL"
    sql = (
        f"SELECT id, state, agency, support_type, agency_type, county, jurisdiction_county, "
        f"{fips_columns} FROM agreements WHERE list_kind = 'participating' "
        "AND status IN ('active', 'missing')"
    )
    params: list[str] = []
    if state:
        sql += " AND state = ?"
        params.append(state.upper())
    out = []
    for row in db.execute(sql + " ORDER BY state, agency, support_type", params):
        (agreement_id, code, agency, model, agency_type, column, name, fips, basis) = row
        if basis is None:  # stored before FIPS codes were kept
            found = resolve_agency(code, agency, agency_type, column)
            fips, basis = found.county_fips, found.basis
        out.append(
            {"id": agreement_id, "state": code, "agency": agency, "support_type": model,
             "county_fips": fips, "basis": basis, "jurisdiction_county": name}
        )  # fmt: skip
    return out


def _watched_counties(db: sqlite_utils.Database) -> set[str]:
    if "portals" not in db.table_names():
        return set()
    rows = db.execute(
        "SELECT DISTINCT county_fips FROM portals WHERE status = 'accepted' "
        "AND county_fips IS NOT NULL"
    )
    return {r[0] for r in rows}


def _figure_counties(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    if "cost_figures" not in db.table_names():
        return set()
    rows = db.execute("SELECT DISTINCT state, lower(county) FROM cost_figures WHERE county != ''")
    return {(r[0], r[1]) for r in rows}


def coverage_lines(report: dict[str, Any]) -> list[str]:
    """The report as a fixed-width table for the terminal."""
    head = (
        f"{'state':<6}{'agreements':>11}{'juris.':>8}{'statewide':>10}{'unresolved':>11}"
        f"{'portal':>8}{'local $':>8}{'program only':>13}"
    )
    lines = [head]
    for entry in [*report["states"], report["total"]]:
        lines.append(
            f"{entry['state']:<6}{entry['agreements']:>11}{entry['jurisdictions']:>8}"
            f"{entry['statewide_agreements']:>10}{entry['unresolved_agreements']:>11}"
            f"{entry['agreements_with_watched_portal']:>8}"
            f"{entry['agreements_with_local_figure']:>8}"
            f"{entry['agreements_program_figures_only']:>13}"
        )
    return lines
