"""Pages that change something: subscribe, confirm, unsubscribe. Every POST is CSRF-checked,
except RFC 8058's one-click unsubscribe, which a mail client sends without any page."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import sqlite_utils
from python_multipart.exceptions import FormParserError
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response

from watcher.alerts.models import CADENCES, EVENT_HEADLINES, EVENT_TYPES, SubscriptionError
from watcher.alerts.subscriptions import normalise_request
from watcher.timestamps import iso
from watcher.web.context import problem, render, web_of
from watcher.web.security import CSRF_FIELD, BodyTooLarge, client_key
from watcher.web.subscribing import Pending, TokenProblem, confirm, pending, request_subscription

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# subscriptions.new_token(): 32 random bytes, URL-safe base64. Anything else is no token;
# in particular an address must never stand in for one.
UNSUB_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")
_SPLIT = re.compile(r"[,;\n]+")
Form = dict[str, list[str]]


async def read_form(request: Request) -> Form | Response:
    """The submitted fields, or the polite error page for a body we will not read."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in FORM_TYPES:
        return problem(request, 415, "Unsupported form", "Please submit the form from the page.")
    try:
        async with request.form(max_files=0, max_fields=100, max_part_size=8192) as form:
            fields = {key: form.getlist(key) for key in form}
    except BodyTooLarge:
        return problem(request, 413, "Request too large", "That was more data than we accept.")
    except (MultiPartException, FormParserError, UnicodeDecodeError, ValueError):
        return problem(request, 400, "Unreadable form", "The form data could not be read.")
    if any(not isinstance(value, str) for values in fields.values() for value in values):
        return problem(request, 400, "Unreadable form", "Files are not accepted here.")
    return {key: [str(v) for v in values] for key, values in fields.items()}


def _csrf_ok(request: Request, form: Form) -> bool:
    submitted = form.get(CSRF_FIELD) or [""]
    return len(submitted) == 1 and web_of(request).csrf.valid(request, submitted[0])


def _forbidden(request: Request) -> Response:
    return problem(
        request,
        403,
        "Please use the form",
        "This form has expired or did not come from this site. Go back, reload the page and "
        "submit it again. Cookies must be allowed for this site.",
    )


def _form_context(values: dict[str, Any] | None = None, error: str | None = None) -> dict[str, Any]:
    return {
        "values": values or {"email": "", "states": "", "counties": "", "types": [], "cadence": ""},
        "types": [(t, EVENT_HEADLINES[t]) for t in EVENT_TYPES],
        "cadences": CADENCES,
        "error": error,
    }


async def subscribe_form(request: Request) -> Response:
    if web_of(request).alerts is None:
        return _not_configured(request)
    return render(request, "subscribe.html", _form_context(), form=True)


def _not_configured(request: Request) -> Response:
    return problem(
        request, 503, "Email alerts are not set up", "This site does not send email alerts yet."
    )


def _one(form: Form, key: str) -> str:
    values = form.get(key) or [""]
    return values[0].strip() if len(values) == 1 else ""


async def subscribe_post(request: Request) -> Response:
    web = web_of(request)
    wait = web.client_limit.hit(client_key(request))
    if wait:
        minutes = max(1, round(wait / 60))
        return problem(
            request,
            429,
            "Too many attempts",
            f"Please wait about {minutes} minute(s) before trying again.",
            headers={"Retry-After": str(int(wait))},
        )
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    if not _csrf_ok(request, form):
        return _forbidden(request)
    if web.alerts is None:
        return _not_configured(request)
    values: dict[str, Any] = {
        "email": _one(form, "email")[:320],
        "states": " ".join(form.get("states", []))[:400],
        "counties": " ".join(form.get("counties", []))[:1000],
        "types": [t for t in form.get("types", []) if t in EVENT_TYPES],
        "cadence": _one(form, "cadence") or "immediate",
    }
    if not values["email"]:
        return _invalid(request, values, "Please enter your email address.")
    states = [s for s in re.split(r"[\s,;]+", values["states"]) if s]
    counties = [c.strip() for c in _SPLIT.split(values["counties"]) if c.strip()]
    try:
        # Validated before anything else, so an invalid request is neither stored nor counted.
        row = normalise_request(
            values["email"],
            states=states,
            counties=counties,
            agencies=None,
            types=values["types"],
            cadence=values["cadence"],
        )
    except SubscriptionError as err:
        return _invalid(request, values, _explain(err))
    if not web.address_limit.hit(row["email"].lower()):
        await web.run(
            request_subscription,
            web.tokens,
            base_url=web.base_url,
            email=row["email"],
            states=states,
            counties=counties,
            types=values["types"],
            cadence=values["cadence"],
        )
    # The same page whether the address was new, pending, confirmed or over its limit.
    return render(request, "subscribe_sent.html", {"email": row["email"]})


def _explain(err: SubscriptionError) -> str:
    text = str(err)
    if text.startswith("invalid email address"):
        return "That email address does not look right. Please check it."
    return text[:1].upper() + text[1:] + "."


def _invalid(request: Request, values: dict[str, Any], message: str) -> Response:
    return render(request, "subscribe.html", _form_context(values, message), status=400, form=True)


def _token_problem(request: Request, err: TokenProblem) -> Response:
    titles = {400: "Link not valid", 409: "Already confirmed", 410: "Link expired"}
    advice = {
        400: " Please copy the whole link from the email, or subscribe again.",
        410: " Please subscribe again to get a new link.",
        409: " Nothing was changed.",
    }
    return problem(
        request,
        err.status,
        titles.get(err.status, "Link not valid"),
        str(err) + advice.get(err.status, ""),
    )


def _summary(item: Pending) -> dict[str, Any]:
    request = item.request
    return {
        "email": item.email,
        "states": json.loads(request["states"]),
        "counties": json.loads(request["counties"]),
        "types": [EVENT_HEADLINES.get(t, t) for t in json.loads(request["types"])],
        "cadence": request["cadence"],
    }


async def confirm_page(request: Request) -> Response:
    web = web_of(request)
    token = str(request.path_params["token"])
    try:
        item = await web.run(pending, web.tokens, token)
    except TokenProblem as err:
        return _token_problem(request, err)
    if item.confirmed_at:
        return _token_problem(request, TokenProblem(409, "This link was already used."))
    return render(request, "confirm.html", {"s": _summary(item), "token": token}, form=True)


async def confirm_post(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    if not _csrf_ok(request, form):
        return _forbidden(request)
    try:
        item = await web.run(confirm, web.tokens, str(request.path_params["token"]))
    except TokenProblem as err:
        return _token_problem(request, err)
    return render(request, "confirmed.html", {"s": _summary(item)})


def _subscriber_by_token(db: sqlite_utils.Database, token: str) -> tuple[int, str | None] | None:
    # By token only: subscriptions.get_subscriber also matches addresses, which would let
    # anyone who knows an address unsubscribe it.
    row = db.execute(
        "SELECT id, unsubscribed_at FROM subscribers WHERE token = ?", [token]
    ).fetchone()
    return (int(row[0]), row[1]) if row else None


def _unsubscribe_by_token(db: sqlite_utils.Database, token: str) -> bool:
    stamp = iso(datetime.now(UTC))
    cursor = db.execute(
        "UPDATE subscribers SET unsubscribed_at = ?, updated_at = ? "
        "WHERE token = ? AND unsubscribed_at IS NULL",
        [stamp, stamp, token],
    )
    return bool(cursor.rowcount)


def _unknown_link(request: Request) -> Response:
    return problem(
        request,
        404,
        "Link not recognised",
        "This unsubscribe link is not valid. Please copy the whole link from the email.",
    )


async def unsubscribe_page(request: Request) -> Response:
    token = str(request.path_params["token"])
    found = (
        await web_of(request).run(_subscriber_by_token, token)
        if UNSUB_TOKEN.fullmatch(token)
        else None
    )
    if found is None:
        return _unknown_link(request)
    return render(request, "unsubscribe.html", {"done": bool(found[1]), "token": token}, form=True)


async def unsubscribe_post(request: Request) -> Response:
    token = str(request.path_params["token"])
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    one_click = form.get("List-Unsubscribe") == ["One-Click"]
    if not one_click and not _csrf_ok(request, form):
        return _forbidden(request)
    web = web_of(request)
    if not UNSUB_TOKEN.fullmatch(token) or await web.run(_subscriber_by_token, token) is None:
        return _unknown_link(request)
    await web.run(_unsubscribe_by_token, token)
    return render(request, "unsubscribed.html", {})
