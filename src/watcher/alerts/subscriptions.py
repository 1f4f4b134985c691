"""Subscribers: the alert tables, subscribing, unsubscribing, and matching events to filters."""

from __future__ import annotations

import functools
import json
import secrets
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx
import sqlite_utils
from email_validator import EmailNotValidError, validate_email

from watcher.alerts.channels import is_channel, parse_channel, probe, probe_client
from watcher.alerts.models import (
    CADENCES,
    EVENT_TYPES,
    OPT_IN_TYPES,
    AlertEvent,
    Subscriber,
    SubscriptionError,
)
from watcher.i18n import UnsupportedLanguage, check_lang
from watcher.states import US_STATES
from watcher.timestamps import iso

PAGE_SIZE = 1000


def _clean_list(values: Iterable[str] | None) -> list[str]:
    seen: dict[str, None] = {}
    for value in values or ():
        text = " ".join(str(value).split())
        if text:
            seen.setdefault(text, None)
    return list(seen)


def normalise_request(
    email: str,
    *,
    states: Iterable[str] | None,
    counties: Iterable[str] | None,
    agencies: Iterable[str] | None,
    types: Iterable[str] | None,
    cadence: str,
    channels: bool = False,
    lang: str = "en",
) -> dict[str, Any]:
    """Validate every part before anything is stored; raise SubscriptionError naming the part.

    With ``channels``, a chat channel URL may stand for the address (the operator's command
    line; the public web form takes email addresses only)."""
    channel = "email"
    if is_channel(email):
        if not channels:
            raise SubscriptionError(
                "chat channels are added by the site's operator; here give an email address"
            )
        found = parse_channel(email)
        email_norm, channel = found.url, found.service
    else:
        email_norm = _email(email)
    state_list = [s.upper() for s in _clean_list(states)]
    unknown_states = [s for s in state_list if s not in US_STATES]
    if unknown_states:
        raise SubscriptionError(
            f"unknown state {', '.join(unknown_states)}: use two-letter codes such as TX"
        )
    type_list = [t.lower() for t in _clean_list(types)]
    unknown_types = [t for t in type_list if t not in EVENT_TYPES]
    if unknown_types:
        raise SubscriptionError(
            f"unknown event type {', '.join(unknown_types)}: choose from {', '.join(EVENT_TYPES)}"
        )
    if cadence not in CADENCES:
        raise SubscriptionError(f"unknown cadence {cadence!r}: choose from {', '.join(CADENCES)}")
    try:
        language = check_lang(lang)
    except UnsupportedLanguage as err:
        raise SubscriptionError(str(err)) from None
    return {
        "email": email_norm,
        "lang": language,
        "channel": channel,
        "states": json.dumps(state_list),
        "counties": json.dumps(_clean_list(counties)),
        "agencies": json.dumps(_clean_list(agencies)),
        "types": json.dumps(type_list),
        "cadence": cadence,
    }


def _email(email: str) -> str:
    if any(ch in email for ch in "<>\r\n"):
        # "Name <a@b>" would let a display name pose as someone else in the To: header.
        raise SubscriptionError(
            f"invalid email address {email!r}: give the address alone, without a name or <>"
        )
    try:
        # ASCII only (IDN domains become punycode): every SMTP server can take the address.
        valid = validate_email(email.strip(), check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as err:
        raise SubscriptionError(f"invalid email address {email!r}: {err}") from err
    return str(valid.ascii_email or valid.normalized)


def subscribe(
    db: sqlite_utils.Database,
    email: str,
    *,
    states: Iterable[str] | None = None,
    counties: Iterable[str] | None = None,
    agencies: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
    cadence: str = "immediate",
    confirmed: bool = True,
    now: datetime | None = None,
    client: httpx.Client | None = None,
    lang: str = "en",
) -> Subscriber:
    """Create or update (same address, any case) a subscription; re-subscribing reactivates it.

    ``email`` may be a chat channel URL (see :mod:`watcher.alerts.channels`); a JSON webhook is
    pinged first (with ``client``) and refused when it is down or redirects elsewhere."""
    row = normalise_request(
        email,
        states=states,
        counties=counties,
        agencies=agencies,
        types=types,
        cadence=cadence,
        channels=True,
        lang=lang,
    )
    if row["channel"] in ("json", "webhook"):
        http = client or probe_client()
        try:
            probe(parse_channel(row["email"]), http)
        finally:
            if client is None:
                http.close()
    stamp = iso(now or datetime.now(UTC))
    with db.atomic():
        db.execute(
            """
            INSERT INTO subscribers (email, channel, lang, states, counties, agencies, types,
                                     cadence, confirmed, created_at, updated_at, token)
            VALUES (:email, :channel, :lang, :states, :counties, :agencies, :types, :cadence,
                    :confirmed, :now, :now, :token)
            ON CONFLICT (email) DO UPDATE SET channel = excluded.channel, lang = excluded.lang,
                states = excluded.states, counties = excluded.counties,
                agencies = excluded.agencies, types = excluded.types,
                cadence = excluded.cadence,
                confirmed = MAX(subscribers.confirmed, excluded.confirmed),
                updated_at = excluded.updated_at, unsubscribed_at = NULL,
                bouncing = 0, permanent_failures = 0
            """,
            {**row, "confirmed": int(confirmed), "now": stamp, "token": new_token()},
        )
        found = get_subscriber(db, row["email"])
    assert found is not None
    return found


def new_token() -> str:
    return secrets.token_urlsafe(32)


def unsubscribe(
    db: sqlite_utils.Database, email_or_token: str, *, now: datetime | None = None
) -> bool:
    """Stop a subscription by address or token. False when nothing active matched."""
    key = email_or_token.strip()
    cursor = db.execute(
        "UPDATE subscribers SET unsubscribed_at = ?, updated_at = ? "
        "WHERE (email = ? COLLATE NOCASE OR token = ?) AND unsubscribed_at IS NULL",
        [iso(now or datetime.now(UTC))] * 2 + [key, key],
    )
    return bool(cursor.rowcount)


_COLUMNS = (
    "id, email, states, counties, agencies, types, cadence, confirmed, created_at, token, "
    "unsubscribed_at, bouncing, channel, lang"
)


@functools.lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple[str, ...]:
    # Most subscribers share a handful of filter lists ("[]" above all): parse each once.
    return tuple(json.loads(text))


def _from_row(row: Sequence[Any]) -> Subscriber:
    return Subscriber(
        id=row[0],
        email=row[1],
        states=_json_tuple(row[2]),
        counties=_json_tuple(row[3]),
        agencies=_json_tuple(row[4]),
        types=_json_tuple(row[5]),
        cadence=row[6],
        confirmed=bool(row[7]),
        created_at=row[8],
        token=row[9],
        unsubscribed_at=row[10],
        bouncing=bool(row[11]),
        channel=row[12],
        lang=row[13],
    )


def get_subscriber(db: sqlite_utils.Database, email_or_token: str) -> Subscriber | None:
    key = email_or_token.strip()
    row = db.execute(
        f"SELECT {_COLUMNS} FROM subscribers WHERE email = ? COLLATE NOCASE OR token = ?",
        [key, key],
    ).fetchone()
    return _from_row(row) if row else None


def _json_list_filter(column: str, values: Collection[str] | None) -> tuple[str, list[str]]:
    # Lists are stored as JSON ('["TX", "FL"]'), so '"TX"' only matches the whole code.
    if values is None:
        return "", []
    if not values:
        return f" AND {column} = '[]'", []
    tests = " OR ".join(f"instr({column}, ?) > 0" for _ in values)
    return f" AND ({column} = '[]' OR {tests})", [json.dumps(v) for v in sorted(values)]


def iter_subscribers(
    db: sqlite_utils.Database,
    *,
    active_only: bool = False,
    page_size: int = PAGE_SIZE,
    states: Collection[str] | None = None,
    types: Collection[str] | None = None,
) -> Iterator[Subscriber]:
    """Subscribers by id, one SQL page at a time (memory stays flat at any list size).

    `states` / `types` narrow the scan in SQL to subscribers whose filter could match one
    of them; `matches` still makes the final decision.
    """
    where = " AND confirmed = 1 AND unsubscribed_at IS NULL AND bouncing = 0" if active_only else ""
    state_sql, state_params = _json_list_filter("states", states)
    type_sql, type_params = _json_list_filter("types", types)
    last_id = 0
    while True:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM subscribers WHERE id > ?{where}{state_sql}{type_sql} "
            "ORDER BY id LIMIT ?",
            [last_id, *state_params, *type_params, page_size],
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield _from_row(row)
        last_id = rows[-1][0]


_COUNTY_WORDS = frozenset({"county", "parish", "borough"})


def _county_matches(wanted: str, county: str) -> bool:
    # "Galveston" and "Galveston County" both match "Galveston County" and "Galveston";
    # a bare word must not match inside another word ("Gal" is no match).
    wanted_words = [w for w in wanted.casefold().split() if w not in _COUNTY_WORDS]
    county_words = county.casefold().split()
    if not wanted_words:
        return False
    size = len(wanted_words)
    return any(
        county_words[i : i + size] == wanted_words for i in range(len(county_words) - size + 1)
    )


def _previous_county(event: AlertEvent) -> str:
    # A relabel moves the agreement from one county to another: both counties' readers care.
    detail = event.get("detail")
    return str(detail.get("previous_county") or "") if isinstance(detail, dict) else ""


def matches(subscriber: Subscriber, event: AlertEvent) -> bool:
    """An empty filter list means everything; the non-empty ones must all match."""
    if subscriber.types and event.get("type") not in subscriber.types:
        return False
    if not subscriber.types and event.get("type") in OPT_IN_TYPES:
        return False  # a listing correction goes only to those who asked for corrections
    if subscriber.states and (event.get("state") or "").upper() not in subscriber.states:
        return False
    if subscriber.counties:
        counties = [event.get("county") or "", _previous_county(event)]
        if not any(
            _county_matches(wanted, county)
            for wanted in subscriber.counties
            for county in counties
            if county
        ):
            return False
    if subscriber.agencies:
        names = [event.get("agency") or "", event.get("previous_agency") or ""]
        folded = [name.casefold() for name in names if name]
        if not any(w.casefold() in name for w in subscriber.agencies for name in folded):
            return False
    return True


def is_active(db: sqlite_utils.Database, subscriber_id: int) -> bool:
    row = db.execute(
        "SELECT confirmed = 1 AND unsubscribed_at IS NULL AND bouncing = 0 "
        "FROM subscribers WHERE id = ?",
        [subscriber_id],
    ).fetchone()
    return bool(row and row[0])


def record_send_result(
    db: sqlite_utils.Database, subscriber_id: int, *, permanent_failure: bool, threshold: int
) -> None:
    """Count permanent failures in a row; the address is marked bouncing at the threshold."""
    if permanent_failure:
        db.execute(
            "UPDATE subscribers SET permanent_failures = permanent_failures + 1, "
            "bouncing = (permanent_failures + 1 >= ?) WHERE id = ?",
            [threshold, subscriber_id],
        )
    else:
        db.execute(
            "UPDATE subscribers SET permanent_failures = 0 WHERE id = ? AND permanent_failures > 0",
            [subscriber_id],
        )
