"""Events as alerts carry them: with local cost figures, program reference figures and the
state's law. Local and program-level figures are kept apart, never mixed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import sqlite_utils

from watcher.costs.reference import ReferenceFigure, reference_figures_for
from watcher.law import has_state_law, legal_context
from watcher.store.queries import iter_events

RECORDS_HINT = (
    "No local cost figures are on file yet. A ready public-records request for them: "
    'watcher records-request --agency "{agency}" --state {state}'
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
    county = _agreement_county(db, event["agreement_id"])
    event["jurisdiction"] = {"state": event["state"], "county": county}
    event["cost_figures"] = local_cost_figures(db, event["state"], county, event["agency"])
    event["reference_figures"] = [reference_dict(f) for f in reference_figures_for(event["state"])]
    event["legal_context"] = _legal(event)
    if not event["cost_figures"]:
        event["records_request_hint"] = RECORDS_HINT.format(
            agency=event["agency"].replace('"', "'"), state=event["state"]
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


def _legal(event: dict[str, Any]) -> dict[str, Any] | None:
    if not has_state_law(event["state"]):
        return None  # territories (PR, GU, ...) are not in the state-law table
    on = dt.date.fromisoformat(event["observed_at"][:10])
    return dict(legal_context(event["state"], event["type"], on=on).to_dict())


def _agreement_county(db: sqlite_utils.Database, agreement_id: int) -> str | None:
    row = db.execute(
        "SELECT jurisdiction_county FROM agreements WHERE id = ?", [agreement_id]
    ).fetchone()
    return row[0] if row else None


def local_cost_figures(
    db: sqlite_utils.Database, state: str, county: str | None, agency: str | None = None
) -> list[dict[str, Any]]:
    """Figures from this county's own documents (and any naming the agency itself)."""
    if county is None or not db["cost_figures"].exists():
        return []
    rows = db.execute(
        "SELECT amount, kind, fiscal_year, period, sentence, url, page, doc_date, agency "
        "FROM cost_figures WHERE state = ? AND county = ? COLLATE NOCASE "
        "ORDER BY doc_date DESC, id DESC LIMIT 20",
        [state, county],
    ).fetchall()
    keys = (
        "amount",
        "kind",
        "fiscal_year",
        "period",
        "sentence",
        "url",
        "page",
        "doc_date",
        "agency",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]
