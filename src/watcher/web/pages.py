"""Read-only pages: recent events, one event, states with their chart and upcoming 287(g)
agenda items, and the Atom feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlite_utils
from starlette.requests import Request
from starlette.responses import Response

from watcher.alerts.enrich import enriched_events, reference_dict
from watcher.alerts.feed import build_feed
from watcher.alerts.models import EVENT_HEADLINES, EVENT_TYPES
from watcher.alerts.render import event_context
from watcher.costs.reference import reference_figures_for
from watcher.discovery.coverage import coverage
from watcher.documents.meetings import agenda_events
from watcher.states import US_STATES
from watcher.web.charts import legend, monthly_active, svg_chart
from watcher.web.context import problem, render, web_of

RECENT = 50
FEED_SIZE = 50
AGENDA_ITEMS = 50  # upcoming 287(g) agenda items on a state page


def _filters(request: Request) -> tuple[str | None, str | None] | Response:
    """Validated ?state= and ?type=; a polite 400 page (never echoing the input) otherwise."""
    state = (request.query_params.get("state") or "").strip().upper() or None
    kind = (request.query_params.get("type") or "").strip().lower() or None
    if state is not None and state not in US_STATES:
        return problem(
            request, 400, "Unknown state", "Choose a state from the list, such as TX or FL."
        )
    if kind is not None and kind not in EVENT_TYPES:
        return problem(
            request, 400, "Unknown event type", f"Choose one of: {', '.join(EVENT_TYPES)}."
        )
    return state, kind


def _summaries(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [event_context(event) for event in events]


async def home(request: Request) -> Response:
    checked = _filters(request)
    if isinstance(checked, Response):
        return checked
    state, kind = checked
    events = await web_of(request).run(
        lambda db: enriched_events(
            db, state=state, event_type=kind, newest_first=True, limit=RECENT
        )
    )
    return render(
        request,
        "home.html",
        {
            "events": _summaries(events),
            "state": state,
            "kind": kind,
            "states": sorted(US_STATES),
            "types": [(t, EVENT_HEADLINES[t]) for t in EVENT_TYPES],
        },
    )


async def event_page(request: Request) -> Response:
    event_id = int(request.path_params["event_id"])
    if not 0 < event_id < 2**62:
        return problem(request, 404, "Event not found", "There is no event with that number.")
    events = await web_of(request).run(lambda db: enriched_events(db, ids=[event_id]))
    if not events:
        return problem(request, 404, "Event not found", "There is no event with that number.")
    return render(request, "event.html", {"e": event_context(events[0])})


def _state_code(request: Request) -> str | None:
    code = str(request.path_params["code"]).upper()
    return code if code in US_STATES else None


def _state_data(db: sqlite_utils.Database, code: str) -> dict[str, Any]:
    series = monthly_active(db, code)
    events = enriched_events(db, state=code, newest_first=True, limit=20)
    agenda = agenda_events(db, state=code, upcoming=True, limit=AGENDA_ITEMS)
    return {"series": series, "events": events, "agenda": agenda}


def _agenda_row(item: dict[str, Any]) -> dict[str, Any]:
    """An upcoming agenda item as the state page shows it; only web links become links."""
    documents = [
        {**d, "url": d["url"] if str(d["url"]).startswith(("http://", "https://")) else None}
        for d in item["documents"]
    ]
    return {**item, "documents": documents}


async def state_page(request: Request) -> Response:
    code = _state_code(request)
    if code is None:
        return problem(request, 404, "State not found", "Use a two-letter code such as TX.")
    data = await web_of(request).run(_state_data, code)
    series = data["series"]
    title = f"Active 287(g) agreements in {code}, per model, by month"
    return render(
        request,
        "state.html",
        {
            "code": code,
            "chart": svg_chart(series, title=title) if series.months else None,
            "chart_title": title,
            "legend": legend(series),
            "series": series,
            "events": _summaries(data["events"]),
            # Alerts carry the few that apply to the agency; here is the state's full list.
            "figures": [reference_dict(f) for f in reference_figures_for(code)],
            "agenda": [_agenda_row(item) for item in data["agenda"]],
        },
    )


def _active_by_state(db: sqlite_utils.Database) -> list[tuple[str, int]]:
    rows = db.execute(
        "SELECT state, SUM(status = 'active') FROM agreements "
        "WHERE list_kind = 'participating' GROUP BY state ORDER BY state"
    ).fetchall()
    return [(row[0], int(row[1] or 0)) for row in rows if row[0] in US_STATES]


async def states_index(request: Request) -> Response:
    web = web_of(request)
    rows = await web.run(_active_by_state)
    report = await web.run(coverage)
    return render(request, "states.html", {"rows": rows, "coverage": report})


async def feed(request: Request) -> Response:
    code: str | None = None
    if "code" in request.path_params:
        code = _state_code(request)
        if code is None:
            return problem(request, 404, "State not found", "Use a two-letter code such as TX.")
    web = web_of(request)
    events = await web.run(
        lambda db: enriched_events(db, state=code, newest_first=True, limit=FEED_SIZE)
    )
    body = build_feed(events, base_url=web.base_url, now=datetime.now(UTC), state=code)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
