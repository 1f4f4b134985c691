"""Read-only pages: recent events (paginated), one event, states with their law, chart and
upcoming agenda items, and the Atom feeds. Each in English or Spanish (``/es/...``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import sqlite_utils
from starlette.requests import Request
from starlette.responses import Response

from watcher.alerts.context import event_context, safe_url
from watcher.alerts.enrich import enriched_events, reference_dict
from watcher.alerts.feed import build_feed
from watcher.alerts.models import EVENT_HEADLINES, EVENT_TYPES
from watcher.alerts.wording import state_label, state_name
from watcher.costs.reference import reference_figures_for
from watcher.discovery.coverage import coverage
from watcher.documents.meetings import agenda_events
from watcher.i18n import N_, format_day, gettext_for
from watcher.law import has_state_law, legal_context
from watcher.states import US_STATES
from watcher.web.charts import legend, monthly_active, svg_chart
from watcher.web.context import lang_of, prefix, problem, render, web_of

RECENT = 50
MAX_PAGE = 1000
FEED_SIZE = 50


def _filters(request: Request) -> tuple[str | None, str | None] | Response:
    """Validated ?state= and ?type=; a polite 400 page (never echoing the input) otherwise."""
    state = (request.query_params.get("state") or "").strip().upper() or None
    kind = (request.query_params.get("type") or "").strip().lower() or None
    if state is not None and state not in US_STATES:
        return problem(
            request, 400, N_("Unknown state"), N_("Choose a state from the list, such as TX or FL.")
        )
    if kind is not None and kind not in EVENT_TYPES:
        return problem(
            request, 400, N_("Unknown event type"), N_("Choose a type of change from the list.")
        )
    return state, kind


def _summaries(request: Request, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lang = lang_of(request)
    return [event_context(event, lang=lang) for event in events]


def _page_number(request: Request) -> int:
    text = (request.query_params.get("page") or "1").strip()
    return min(int(text), MAX_PAGE) if text.isdigit() and int(text) > 0 else 1


def _event_page(
    db: sqlite_utils.Database, state: str | None, kind: str | None, page: int
) -> tuple[list[dict[str, Any]], bool]:
    """One page of events, newest first, and whether an older page exists."""
    where, params = ["1 = 1"], []
    if state:
        where.append("state = ?")
        params.append(state)
    if kind:
        where.append("type = ?")
        params.append(kind)
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT id FROM events WHERE {' AND '.join(where)} "
            "ORDER BY observed_at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, RECENT + 1, (page - 1) * RECENT],
        )
    ]
    events = enriched_events(db, ids=ids[:RECENT], newest_first=True) if ids else []
    return events, len(ids) > RECENT


def _pages(request: Request, page: int, older: bool) -> dict[str, Any] | None:
    if page == 1 and not older:
        return None

    def link(number: int) -> str:
        query = {k: v for k, v in request.query_params.items() if k != "page" and v}
        if number > 1:
            query["page"] = str(number)
        return prefix(request) + "/" + (f"?{urlencode(query)}" if query else "")

    return {
        "number": page,
        "newer": link(page - 1) if page > 1 else None,
        "older": link(page + 1) if older else None,
    }


async def home(request: Request) -> Response:
    checked = _filters(request)
    if isinstance(checked, Response):
        return checked
    state, kind = checked
    page = _page_number(request)
    events, older = await web_of(request).run(_event_page, state, kind, page)
    lang = lang_of(request)
    _ = gettext_for(lang)
    caption = _("Latest changes, newest first")
    if state or kind:
        where = state_label(state, lang) if state else ""
        what = _(EVENT_HEADLINES[kind]) if kind else ""
        caption = _("Latest changes ({selection}), newest first").format(
            selection=", ".join(part for part in (where, what) if part)
        )
    return render(
        request,
        "home.html",
        {
            "events": _summaries(request, events),
            "caption": caption,
            "pages": _pages(request, page, older),
            "state": state,
            "kind": kind,
            "states": sorted(
                ((code, state_label(code, lang)) for code in US_STATES), key=lambda c: c[1]
            ),
            "types": [(t, _(EVENT_HEADLINES[t])) for t in EVENT_TYPES],
        },
    )


async def event_page(request: Request) -> Response:
    event_id = int(request.path_params["event_id"])
    missing = (N_("Event not found"), N_("There is no event with that number."))
    if not 0 < event_id < 2**62:
        return problem(request, 404, *missing)
    events = await web_of(request).run(lambda db: enriched_events(db, ids=[event_id]))
    if not events:
        return problem(request, 404, *missing)
    return render(request, "event.html", {"e": event_context(events[0], lang=lang_of(request))})


def _state_code(request: Request) -> str | None:
    code = str(request.path_params["code"]).upper()
    return code if code in US_STATES else None


def upcoming_agenda(db: sqlite_utils.Database, code: str) -> list[dict[str, Any]]:
    """Upcoming county board agenda items about 287(g) in a state, soonest first."""
    rows = []
    for item in agenda_events(db, state=code, upcoming=True, limit=20):
        number = f"{item['item_number']}: " if item["item_number"] else ""
        rows.append(
            {
                "date": item["meeting_date"],
                "title": number + item["title"],
                "url": safe_url(item["url"]),
                "body": item["agency"],
            }
        )
    return rows


def _state_data(db: sqlite_utils.Database, code: str) -> dict[str, Any]:
    series = monthly_active(db, code)
    events = enriched_events(db, state=code, newest_first=True, limit=20)
    return {"series": series, "events": events, "agenda": upcoming_agenda(db, code)}


def _state_law(code: str, lang: str) -> dict[str, Any] | None:
    if not has_state_law(code):
        return None
    law = legal_context(code, "new", lang=lang)
    return {
        "text": law.law_sentence,
        "citation": law.citation,
        "as_of": format_day(law.as_of, lang),
        "disclaimer": law.disclaimer,
    }


async def state_page(request: Request) -> Response:
    code = _state_code(request)
    if code is None:
        return problem(request, 404, N_("State not found"), N_("Use a two-letter code such as TX."))
    data = await web_of(request).run(_state_data, code)
    series = data["series"]
    lang = lang_of(request)
    label = state_label(code, lang)
    title = gettext_for(lang)("Active 287(g) agreements in {state}, per model, by month").format(
        state=label
    )
    return render(
        request,
        "state.html",
        {
            "code": code,
            "label": label,
            "name": state_name(code, lang),
            "law": _state_law(code, lang),
            "agenda": data["agenda"],
            "chart": svg_chart(series, title=title) if series.months else None,
            "chart_title": title,
            "legend": legend(series),
            "series": series,
            "events": _summaries(request, data["events"]),
            # Alerts carry the few that apply to the agency; here is the state's full list.
            "figures": [reference_dict(f) for f in reference_figures_for(code)],
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
    lang = lang_of(request)
    named = sorted(((c, state_label(c, lang), n) for c, n in rows), key=lambda row: row[1])
    return render(request, "states.html", {"rows": named, "coverage": report})


async def feed(request: Request) -> Response:
    code: str | None = None
    if "code" in request.path_params:
        code = _state_code(request)
        if code is None:
            return problem(
                request, 404, N_("State not found"), N_("Use a two-letter code such as TX.")
            )
    web = web_of(request)
    events = await web.run(
        lambda db: enriched_events(db, state=code, newest_first=True, limit=FEED_SIZE)
    )
    body = build_feed(events, base_url=web.base_url, now=datetime.now(UTC), state=code)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
