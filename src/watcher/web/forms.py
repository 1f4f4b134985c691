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
from watcher.alerts.wording import state_label
from watcher.i18n import LANGUAGES, N_, gettext_for
from watcher.states import US_STATES
from watcher.timestamps import iso
from watcher.web.context import lang_of, problem, render, web_of
from watcher.web.security import CSRF_FIELD, BodyTooLarge, client_key
from watcher.web.subscribing import (
    CADENCE_WORDS,
    Pending,
    TokenProblem,
    confirm,
    pending,
    request_subscription,
)

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
        return problem(
            request, 415, N_("Unsupported form"), N_("Please submit the form from the page.")
        )
    try:
        async with request.form(max_files=0, max_fields=100, max_part_size=8192) as form:
            fields = {key: form.getlist(key) for key in form}
    except BodyTooLarge:
        return problem(
            request, 413, N_("Request too large"), N_("That was more data than we accept.")
        )
    except (MultiPartException, FormParserError, UnicodeDecodeError, ValueError):
        return problem(request, 400, N_("Unreadable form"), N_("The form data could not be read."))
    if any(not isinstance(value, str) for values in fields.values() for value in values):
        return problem(request, 400, N_("Unreadable form"), N_("Files are not accepted here."))
    return {key: [str(v) for v in values] for key, values in fields.items()}


def _csrf_ok(request: Request, form: Form) -> bool:
    submitted = form.get(CSRF_FIELD) or [""]
    return len(submitted) == 1 and web_of(request).csrf.valid(request, submitted[0])


def _forbidden(request: Request) -> Response:
    return problem(
        request,
        403,
        N_("Please use the form"),
        N_(
            "This form has expired or did not come from this site. Go back, reload the page and "
            "submit it again. Cookies must be allowed for this site."
        ),
    )


def _form_context(
    request: Request, values: dict[str, Any] | None = None, errors: dict[str, str] | None = None
) -> dict[str, Any]:
    _ = gettext_for(lang_of(request))
    empty = {"email": "", "states": "", "counties": "", "types": [], "cadence": "", "lang": ""}
    return {
        "values": values or empty,
        "types": [(t, _(EVENT_HEADLINES[t])) for t in EVENT_TYPES],
        "cadences": CADENCES,
        "languages": list(LANGUAGES.items()),
        "errors": errors or {},
    }


async def subscribe_form(request: Request) -> Response:
    if web_of(request).alerts is None:
        return _not_configured(request)
    return render(request, "subscribe.html", _form_context(request), form=True)


def _field_errors(values: dict[str, Any], states: list[str], lang: str) -> dict[str, str]:
    """Every problem of the form at once, keyed by the field that has it."""
    _ = gettext_for(lang)
    errors: dict[str, str] = {}
    if not values["email"]:
        errors["email"] = _("Please enter your email address.")
    else:
        try:
            normalise_request(
                values["email"], states=None, counties=None, agencies=None, types=None,
                cadence="immediate",
            )  # fmt: skip
        except SubscriptionError:
            errors["email"] = _("That email address does not look right. Please check it.")
    unknown = [code for code in states if code.upper() not in US_STATES]
    if unknown:
        errors["states"] = _(
            "Unknown state: {codes}. Use two-letter codes such as TX, separated by commas."
        ).format(codes=", ".join(unknown[:5]))
    if values["cadence"] not in CADENCES:
        errors["cadence"] = _("Choose how often to receive alerts.")
    if values["lang"] not in LANGUAGES:
        errors["lang"] = _("Choose English or Spanish.")
    return errors


def _not_configured(request: Request) -> Response:
    return problem(
        request,
        503,
        N_("Email alerts are not set up"),
        N_("This site does not send email alerts yet."),
    )


def _one(form: Form, key: str) -> str:
    values = form.get(key) or [""]
    return values[0].strip() if len(values) == 1 else ""


async def subscribe_post(request: Request) -> Response:
    web = web_of(request)
    wait = web.client_limit.hit(client_key(request))
    if wait:
        _ = gettext_for(lang_of(request))
        minutes = max(1, round(wait / 60))
        return problem(
            request,
            429,
            N_("Too many attempts"),
            _("Please wait about {minutes} minute(s) before trying again.").format(minutes=minutes),
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
        "lang": _one(form, "lang") or lang_of(request),
    }
    states = [s for s in re.split(r"[\s,;]+", values["states"]) if s]
    counties = [c.strip() for c in _SPLIT.split(values["counties"]) if c.strip()]
    errors = _field_errors(values, states, lang_of(request))
    if errors:
        return _invalid(request, values, errors)
    try:
        # Validated before anything else, so an invalid request is neither stored nor counted.
        row = normalise_request(
            values["email"],
            states=states,
            counties=counties,
            agencies=None,
            types=values["types"],
            cadence=values["cadence"],
            lang=values["lang"],
        )
    except SubscriptionError as err:
        return _invalid(request, values, {"email": _explain(err)})
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
            lang=values["lang"],
        )
    # The same page whether the address was new, pending, confirmed or over its limit.
    return render(request, "subscribe_sent.html", {"email": row["email"]})


def _explain(err: SubscriptionError) -> str:
    text = str(err)
    if text.startswith("invalid email address"):
        return "That email address does not look right. Please check it."
    return text[:1].upper() + text[1:] + "."


def _invalid(request: Request, values: dict[str, Any], errors: dict[str, str]) -> Response:
    return render(
        request, "subscribe.html", _form_context(request, values, errors), status=400, form=True
    )


def _token_problem(request: Request, err: TokenProblem) -> Response:
    _ = gettext_for(lang_of(request))
    titles = {400: N_("Link not valid"), 409: N_("Already confirmed"), 410: N_("Link expired")}
    advice = {
        400: N_("Please copy the whole link from the email, or subscribe again."),
        410: N_("Please subscribe again to get a new link."),
        409: N_("Nothing was changed."),
    }
    more = advice.get(err.status)
    return problem(
        request,
        err.status,
        titles.get(err.status, N_("Link not valid")),
        _(str(err)) + (" " + _(more) if more else ""),
    )


def _summary(item: Pending, lang: str) -> dict[str, Any]:
    _ = gettext_for(lang)
    request = item.request
    return {
        "email": item.email,
        "states": [state_label(code, lang) for code in json.loads(request["states"])],
        "counties": json.loads(request["counties"]),
        "types": [_(EVENT_HEADLINES.get(t, t)) for t in json.loads(request["types"])],
        "cadence": _(CADENCE_WORDS.get(request["cadence"], request["cadence"])),
    }


def masked(address: str) -> str:
    """Enough of an address for its owner to recognise it: "a***@example.org"."""
    if "://" in address:  # a chat channel: its service, never its (placeholder) path
        return address.split("://", 1)[0] + "://…"
    local, _, domain = address.rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"


async def confirm_page(request: Request) -> Response:
    web = web_of(request)
    token = str(request.path_params["token"])
    try:
        item = await web.run(pending, web.tokens, token)
    except TokenProblem as err:
        return _token_problem(request, err)
    if item.confirmed_at:
        return _token_problem(request, TokenProblem(409, N_("This link was already used.")))
    return render(
        request, "confirm.html", {"s": _summary(item, lang_of(request)), "token": token}, form=True
    )


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
    return render(request, "confirmed.html", {"s": _summary(item, lang_of(request))})


def _subscriber_by_token(
    db: sqlite_utils.Database, token: str
) -> tuple[int, str | None, str] | None:
    # By token only: subscriptions.get_subscriber also matches addresses, which would let
    # anyone who knows an address unsubscribe it.
    row = db.execute(
        "SELECT id, unsubscribed_at, email FROM subscribers WHERE token = ?", [token]
    ).fetchone()
    return (int(row[0]), row[1], str(row[2])) if row else None


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
        N_("Link not recognised"),
        N_("This unsubscribe link is not valid. Please copy the whole link from the email."),
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
    context = {"done": bool(found[1]), "token": token, "masked": masked(found[2])}
    return render(request, "unsubscribe.html", context, form=True)


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
