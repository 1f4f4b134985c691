"""An agency's page (its agreement's history, costs, program figures and state law), its
records-request letter filled in a form (to copy or download; nothing is stored), and the short
links alerts use for a program figure's source."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import sqlite_utils
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from watcher.alerts.context import event_context
from watcher.alerts.enrich import enriched_events
from watcher.alerts.wording import state_label
from watcher.costs.reference import reference_figures_for
from watcher.i18n import N_
from watcher.law import has_state_law, records_request_letter
from watcher.web.context import lang_of, prefix, problem, render, web_of
from watcher.web.forms import Form, _csrf_ok, _forbidden, _one, read_form

_LIMITS = {"name": 120, "address": 400, "email": 320}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _agreement_data(db: sqlite_utils.Database, agreement_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT agency, state, support_type, jurisdiction_county, status, signed FROM agreements "
        "WHERE id = ?",
        [agreement_id],
    ).fetchone()
    if row is None:
        return None
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id FROM events WHERE agreement_id = ? ORDER BY observed_at, id", [agreement_id]
        )
    ]
    events = enriched_events(db, ids=ids) if ids else []
    keys = ("agency", "state", "support_type", "county", "status", "signed")
    return {**dict(zip(keys, row, strict=True)), "events": events}


def _not_found(request: Request) -> Response:
    return problem(
        request, 404, N_("Agency not found"), N_("There is no agreement with that number.")
    )


async def agreement_page(request: Request) -> Response:
    agreement_id = int(request.path_params["agreement_id"])
    if not 0 < agreement_id < 2**62:
        return _not_found(request)
    data = await web_of(request).run(_agreement_data, agreement_id)
    if data is None:
        return _not_found(request)
    lang = lang_of(request)
    events = [event_context(event, lang=lang) for event in data["events"]]
    return render(
        request,
        "agreement.html",
        {
            "a": data,
            "state_label": state_label(data["state"], lang),
            "latest": events[-1] if events else None,
            "events": list(reversed(events)),
            "letter_url": f"{prefix(request)}/agreements/{agreement_id}/records-request",
        },
    )


def _letter_target(request: Request, data: dict[str, Any] | None) -> tuple[str, str] | None:
    """(agency, state) from the agreement, or from ?agency=&state= for a letter by name."""
    if data is not None:
        return str(data["agency"]), str(data["state"])
    state = (request.query_params.get("state") or "").strip().upper()
    agency = " ".join((request.query_params.get("agency") or "").split())[:200]
    if not re.fullmatch(r"[A-Z]{2}", state) or not has_state_law(state):
        return None
    return agency, state


def _clean(form: Form, key: str) -> str:
    text = "\n".join(form.get(key) or [])[: _LIMITS[key]]
    lines = [" ".join(_CONTROL.sub(" ", line).split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def letter_text(agency: str, state: str, you: dict[str, str], today: date) -> str:
    """The generator's letter with the reader's own name, address and email put in."""
    letter = records_request_letter(
        agency=agency or None, state=state, requester_name=you.get("name") or None, today=today
    )
    if you.get("address"):
        letter = letter.replace("[YOUR ADDRESS]", you["address"], 1)
    if you.get("email"):
        letter = letter.replace("[YOUR E-MAIL]", you["email"], 1)
    return letter


async def records_request_page(request: Request) -> Response:
    data = None
    if "agreement_id" in request.path_params:
        agreement_id = int(request.path_params["agreement_id"])
        data = await web_of(request).run(_agreement_data, agreement_id) if agreement_id else None
        if data is None:
            return _not_found(request)
    target = _letter_target(request, data)
    if target is None:
        return problem(
            request,
            400,
            N_("Unknown state"),
            N_("A records-request letter needs a state such as TX."),
        )
    you = {"name": "", "address": "", "email": ""}
    if request.method == "POST":
        form = await read_form(request)
        if isinstance(form, Response):
            return form
        if not _csrf_ok(request, form):
            return _forbidden(request)
        you = {key: _clean(form, key) for key in _LIMITS}
        if _one(form, "action") == "download":
            return Response(
                letter_text(*target, you, date.today()),
                media_type="text/plain; charset=utf-8",
                headers={
                    "Content-Disposition": 'attachment; filename="records-request.txt"',
                    "Cache-Control": "no-store",
                },
            )
    agency, state = target
    return render(
        request,
        "records_request.html",
        {
            "agency": agency,
            "state_label": state_label(state, lang_of(request)),
            "letter": letter_text(agency, state, you, date.today()),
            "you": you,
            "action": str(request.url.path)
            + (f"?{request.url.query}" if request.url.query else ""),
        },
        form=True,
    )


async def figure_source(request: Request) -> Response:
    """/figures/ID: the source of a program-level figure (the alerts' plain-text short link)."""
    wanted = str(request.path_params["figure_id"])
    state = wanted[:2].upper()
    figures = reference_figures_for(state if re.fullmatch(r"[A-Z]{2}", state) else "US")
    for figure in figures:
        if figure.id == wanted and re.match(r"https?://", figure.source_url):
            return RedirectResponse(figure.source_url, status_code=303)
    return problem(
        request, 404, N_("Figure not found"), N_("There is no program figure by that name.")
    )
