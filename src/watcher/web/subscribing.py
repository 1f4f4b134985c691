"""Double opt-in over the archive: pending requests, signed confirmation tokens, confirming.

A web request never changes what a confirmed subscriber receives until the address owner
clicks the link. So the requested filters wait in `web_confirmations` (one row per request,
keyed by a random nonce that the signed token carries) and are applied on confirmation:

* a new address gets an unconfirmed `subscribers` row at once (it receives nothing);
* an address that exists unconfirmed has its filters updated (it still receives nothing);
* an address that is already confirmed, or confirmed and since unsubscribed, is left exactly
  as it is; confirming applies the new filters (and resumes it after an unsubscribe).

Each request queues one confirmation email. A token works once: a replay is reported and
changes nothing. Tokens expire after CONFIRM_MAX_AGE.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from watcher.alerts.models import EVENT_HEADLINES
from watcher.alerts.outbox import enqueue_operator_alert
from watcher.alerts.render import Renderer
from watcher.alerts.subscriptions import get_subscriber, normalise_request, subscribe
from watcher.alerts.wording import state_label
from watcher.i18n import LANGUAGES, N_, gettext_for
from watcher.timestamps import iso

CONFIRM_MAX_AGE = 48 * 3600


CADENCE_WORDS = {
    "immediate": N_("each change as it is found"),
    "daily": N_("one digest a day"),
    "weekly": N_("one digest a week"),
}


class TokenProblem(Exception):
    """A confirmation token that cannot be used; `status` is the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Pending:
    nonce: str
    email: str
    request: dict[str, Any]
    confirmed_at: str | None


class Tokens:
    def __init__(self, secret: str, *, max_age: int = CONFIRM_MAX_AGE) -> None:
        self.serializer = URLSafeTimedSerializer(secret, salt="watcher-web-confirm")
        self.max_age = max_age

    def make(self, email: str, nonce: str) -> str:
        return str(self.serializer.dumps({"e": email, "n": nonce}))

    def read(self, token: str) -> tuple[str, str]:
        """(email, nonce) from a token, or TokenProblem (400 forged, 410 expired)."""
        if len(token) > 500:
            raise TokenProblem(400, N_("This confirmation link is not valid."))
        try:
            data = self.serializer.loads(token, max_age=self.max_age)
        except SignatureExpired:
            raise TokenProblem(410, N_("This confirmation link has expired.")) from None
        except BadSignature:
            raise TokenProblem(400, N_("This confirmation link is not valid.")) from None
        if not isinstance(data, dict) or not {"e", "n"} <= data.keys():
            raise TokenProblem(400, N_("This confirmation link is not valid."))
        return str(data["e"]), str(data["n"])


def describe(request: dict[str, Any], lang: str = "en") -> list[tuple[str, str]]:
    """What a request asks for, in words: [("States", "Texas (TX)"), ...]."""
    _ = gettext_for(lang)

    def values(key: str) -> list[str]:
        found = json.loads(request[key]) if isinstance(request[key], str) else request[key]
        return [str(value) for value in found]

    states = [state_label(code, lang) for code in values("states")]
    types = [_(EVENT_HEADLINES.get(kind, kind)) for kind in values("types")]
    return [
        (_("States"), ", ".join(states) or _("all")),
        (_("Counties"), ", ".join(values("counties")) or _("all")),
        (_("Changes"), ", ".join(types) or _("all")),
        (_("How often"), _(CADENCE_WORDS.get(request["cadence"], request["cadence"]))),
        (_("Language"), LANGUAGES[request.get("lang") or "en"]),
    ]


def request_subscription(
    db: sqlite_utils.Database,
    tokens: Tokens,
    *,
    base_url: str,
    email: str,
    states: list[str],
    counties: list[str],
    types: list[str],
    cadence: str,
    now: datetime | None = None,
    lang: str = "en",
) -> str:
    """Record a pending request and queue its confirmation email; returns the token.

    Raises SubscriptionError (nothing stored) when any part is invalid.
    """
    row = normalise_request(
        email,
        states=states,
        counties=counties,
        agencies=None,
        types=types,
        cadence=cadence,
        lang=lang,
    )
    _ = gettext_for(row["lang"])
    moment = now or datetime.now(UTC)
    nonce = secrets.token_urlsafe(16)
    token = tokens.make(row["email"], nonce)
    link = f"{base_url.rstrip('/')}{'/es' if row['lang'] == 'es' else ''}/confirm/{token}"
    request = {key: row[key] for key in ("states", "counties", "types", "cadence", "lang")}
    text, html = Renderer(lang=row["lang"]).confirmation_parts(describe(request, row["lang"]), link)
    with db.atomic():
        existing = get_subscriber(db, row["email"])
        if existing is None or not existing.confirmed:
            subscribe(
                db,
                row["email"],
                states=json.loads(row["states"]),
                counties=json.loads(row["counties"]),
                types=json.loads(row["types"]),
                cadence=cadence,
                confirmed=False,
                now=moment,
                lang=row["lang"],
            )
        db.execute(
            "INSERT INTO web_confirmations (nonce, email, request, created_at) VALUES (?, ?, ?, ?)",
            [nonce, row["email"], json.dumps(request), iso(moment)],
        )
        enqueue_operator_alert(
            db,
            key=f"confirm:{nonce}",
            subject=_("Confirm your 287(g) alert subscription"),
            body=text,
            html=html,
            now=moment,
            to=row["email"],
        )
    return token


def pending(db: sqlite_utils.Database, tokens: Tokens, token: str) -> Pending:
    """The request behind a valid token, or TokenProblem."""
    email, nonce = tokens.read(token)
    row = db.execute(
        "SELECT nonce, email, request, confirmed_at FROM web_confirmations "
        "WHERE nonce = ? AND email = ?",
        [nonce, email],
    ).fetchone()
    if row is None:  # signed by us but its row is gone (archive restored): treat as unusable
        raise TokenProblem(400, N_("This confirmation link is not valid."))
    return Pending(row[0], row[1], json.loads(row[2]), row[3])


def confirm(
    db: sqlite_utils.Database, tokens: Tokens, token: str, *, now: datetime | None = None
) -> Pending:
    """Apply the pending request once. TokenProblem(409) when the token was already used."""
    found = pending(db, tokens, token)
    stamp = iso(now or datetime.now(UTC))
    with db.atomic():
        used = db.execute(
            "UPDATE web_confirmations SET confirmed_at = ? "
            "WHERE nonce = ? AND confirmed_at IS NULL",
            [stamp, found.nonce],
        ).rowcount
        if not used:
            raise TokenProblem(
                409, N_("This link was already used: the subscription is confirmed.")
            )
        request = found.request
        subscribe(
            db,
            found.email,
            states=json.loads(request["states"]),
            counties=json.loads(request["counties"]),
            types=json.loads(request["types"]),
            cadence=request["cadence"],
            lang=request.get("lang") or "en",
            confirmed=False,
            now=now,
        )
        db.execute(
            "UPDATE subscribers SET confirmed = 1 WHERE email = ? COLLATE NOCASE", [found.email]
        )
    return Pending(found.nonce, found.email, request, stamp)
