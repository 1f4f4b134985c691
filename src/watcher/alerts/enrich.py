"""Events as alerts carry them: with local cost figures, program reference figures and the
state's law. Local and program-level figures are kept apart, never mixed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shlex
from decimal import Decimal
from typing import Any

import sqlite_utils

from watcher.costs import CostFigure, ReferenceFigure, reference_figures_for
from watcher.costs.program import AgencyFigure, agency_figures
from watcher.law import has_state_law, legal_context
from watcher.places import county as county_by_fips
from watcher.places import resolve_agency
from watcher.store.queries import iter_events

RECORDS_HINT = (
    "No local cost figures are on file yet. A ready public-records request for them: "
    "watcher records-request --agency {agency} --state {state}"
)


def _archived_fields(names: tuple[str, ...]) -> tuple[str, ...]:
    # Named as on the one CostFigure type: a renamed field fails here, at import, rather than
    # as a silently missing key in every alert.
    known = {field.name for field in dataclasses.fields(CostFigure)}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise TypeError(f"alerts carry cost-figure fields CostFigure lacks: {unknown}")
    return names


# What an alert carries of each local CostFigure: the fields the archive's cost_figures table
# keeps, plus the agency its passage named (a column of the table, not of the figure).
FIGURE_FIELDS: tuple[str, ...] = _archived_fields(
    ("amount", "kind", "fiscal_year", "period", "sentence", "url", "page", "doc_date")
)


def enriched_events(
    db: sqlite_utils.Database,
    *,
    since: str | None = None,
    state: str | None = None,
    event_type: str | None = None,
    ids: list[int] | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    events = list(
        iter_events(
            db,
            since=since,
            state=state,
            event_type=event_type,
            ids=ids,
            newest_first=newest_first,
            limit=limit,
        )
    )
    for event in events:
        enrich(db, event)
    return events


def enrich(db: sqlite_utils.Database, event: dict[str, Any]) -> dict[str, Any]:
    county, fips = _agreement_county(db, event)
    event["jurisdiction"] = {"state": event["state"], "county": county, "county_fips": fips}
    event["cost_figures"] = local_cost_figures(db, event["state"], county, event["agency"])
    # Only the program terms that apply to this agency (its state, kind, model, county size);
    # the state's other figures are one link away on the web page.
    chosen = agency_figures(
        event["state"], event["agency"], event["support_type"], county_by_fips(fips)
    )
    event["reference_figures"] = [agency_reference_dict(f) for f in chosen]
    shown = {key for f in chosen for key in f.figure_ids}
    event["reference_figures_more"] = sum(
        1 for f in reference_figures_for(event["state"]) if f.id not in shown
    )
    event["legal_context"] = _legal(event)
    event["legal_context_es"] = _legal(event, "es")
    if not event["cost_figures"]:
        # Quoted for a POSIX shell: a name holding $(...) or a quote is pasted as text.
        event["records_request_hint"] = RECORDS_HINT.format(
            agency=shlex.quote(event["agency"]), state=shlex.quote(event["state"])
        )
    return event


def reference_dict(figure: ReferenceFigure) -> dict[str, Any]:
    """A program-level figure as JSON-ready data, with its amount worded for people."""
    data = {
        key: float(value) if isinstance(value, Decimal) else value
        for key, value in dataclasses.asdict(figure).items()
    }
    data["amount_text"] = _amount_text(figure)
    # The amount already says dollars; "USD per officer" would say it twice.
    data["unit"] = figure.unit.removeprefix("USD ").strip()
    return data


def agency_reference_dict(chosen: AgencyFigure) -> dict[str, Any]:
    """A program figure worked out for one agency: the figure's keys plus ``computed`` (what it
    means for the agency) and ``basis`` (how that was worked out)."""
    data = reference_dict(chosen.figure)
    data["computed"] = chosen.computed
    data["basis"] = chosen.basis
    return data


def _amount_text(figure: ReferenceFigure) -> str:
    def money(value: Decimal) -> str:
        return f"${value:,.0f}" if value == value.to_integral_value() else f"${value:,.2f}"

    if figure.amount is not None:
        text = money(figure.amount)
    elif figure.percent is not None:
        # Units such as "percent of each officer's salary" carry the word already.
        text = f"{figure.percent}" + ("" if figure.unit.startswith("percent") else "%")
    elif figure.amount_min is not None and figure.amount_max is not None:
        text = f"{money(figure.amount_min)} to {money(figure.amount_max)}"
    elif figure.amount_max is not None:
        text = f"up to {money(figure.amount_max)}"
    else:
        text = "amount not stated"
    return text


def _legal(event: dict[str, Any], lang: str = "en") -> dict[str, Any] | None:
    if not has_state_law(event["state"]):
        return None  # territories (PR, GU, ...) are not in the state-law table
    on = dt.date.fromisoformat(event["observed_at"][:10])
    return dict(legal_context(event["state"], event["type"], on=on, lang=lang).to_dict())


def _agreement_county(
    db: sqlite_utils.Database, event: dict[str, Any]
) -> tuple[str | None, str | None]:
    """The agreement's county name (as cost figures are filed) and FIPS code."""
    row = db.execute(
        "SELECT jurisdiction_county, county_fips, jurisdiction_basis, agency_type, county "
        "FROM agreements WHERE id = ?",
        [event["agreement_id"]],
    ).fetchone()
    if row is None:
        return None, None
    name, fips, basis, agency_type, column = row
    if basis is None:  # stored before FIPS codes were kept and not refreshed since
        fips = resolve_agency(event["state"], event["agency"], agency_type, column).county_fips
    return name, fips


def local_cost_figures(
    db: sqlite_utils.Database, state: str, county: str | None, agency: str | None = None
) -> list[dict[str, Any]]:
    """Figures from this county's own documents (and any naming the agency itself)."""
    if county is None or not db["cost_figures"].exists():
        return []
    columns = (*FIGURE_FIELDS, "agency")
    rows = db.execute(
        f"SELECT {', '.join(columns)} "
        "FROM cost_figures WHERE state = ? AND county = ? COLLATE NOCASE "
        "ORDER BY doc_date DESC, id DESC LIMIT 20",
        [state, county],
    ).fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]
