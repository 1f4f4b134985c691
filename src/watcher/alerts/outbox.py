"""The outbox: queue one row per message to send (sending is :mod:`watcher.alerts.sending`).

Every row carries its Message-ID from the moment it is queued, so a message sent twice after
a crash repeats the same Message-ID and mail clients fold the copies.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

import sqlite_utils

from watcher.alerts.models import (
    EVENT_TYPES,
    AlertEvent,
    Subscriber,
)
from watcher.alerts.subscriptions import (
    PAGE_SIZE,
    iter_subscribers,
    matches,
)
from watcher.timestamps import iso

__all__ = ["enqueue_events", "enqueue_operator_alert", "queue_due_digests"]

_EVENT_CHUNK = 100
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _new_message_id() -> str:
    return uuid.uuid4().hex


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check_event(event: Mapping[str, Any]) -> int:
    event_id = event.get("id")
    if not isinstance(event_id, int) or isinstance(event_id, bool):
        raise ValueError(f"alert event without an integer id: {event!r:.200}")
    if event.get("type") not in EVENT_TYPES:
        raise ValueError(f"alert event {event_id} has unknown type {event.get('type')!r}")
    return event_id


def enqueue_events(
    db: sqlite_utils.Database, events: Iterable[AlertEvent], *, now: datetime
) -> int:
    """Match events to subscribers; return how many (subscriber, event) pairs were new.

    Immediate subscribers get an outbox row each, the others a pending digest item. Both are
    UNIQUE per (subscriber, event), so enqueueing the same events again changes nothing.
    """
    stamp = iso(now)
    created = 0
    for chunk in _chunks(events, _EVENT_CHUNK):
        ids = [_check_event(event) for event in chunk]
        with db.atomic():
            db.conn.executemany(
                "INSERT OR IGNORE INTO alert_payloads (event_id, payload, created_at) "
                "VALUES (?, ?, ?)",
                [(i, json.dumps(e, default=str), stamp) for i, e in zip(ids, chunk, strict=True)],
            )
        subscribers = iter_subscribers(
            db,
            active_only=True,
            states={str(e.get("state") or "").upper() for e in chunk},
            types={str(e.get("type")) for e in chunk},
        )
        for page in _chunks(subscribers, PAGE_SIZE):
            created += _enqueue_page(db, page, list(zip(ids, chunk, strict=True)), stamp)
    return created


def _enqueue_page(
    db: sqlite_utils.Database,
    page: Sequence[Subscriber],
    events: Sequence[tuple[int, AlertEvent]],
    stamp: str,
) -> int:
    immediate: list[tuple[Any, ...]] = []
    digest: list[tuple[Any, ...]] = []
    for sub in page:
        for event_id, event in events:
            if not matches(sub, event):
                continue
            if sub.cadence == "immediate":
                immediate.append(
                    (
                        f"event:{sub.id}:{event_id}",
                        _new_message_id(),
                        sub.id,
                        event_id,
                        sub.email,
                        stamp,
                        stamp,
                    )
                )
            else:
                digest.append((sub.id, event_id, stamp))
    if not immediate and not digest:
        return 0
    with db.atomic():
        added = db.conn.executemany(
            "INSERT OR IGNORE INTO outbox (kind, dedupe_key, message_id, subscriber_id, event_id,"
            " to_addr, next_attempt_at, created_at) VALUES ('event', ?, ?, ?, ?, ?, ?, ?)",
            immediate,
        ).rowcount
        added += db.conn.executemany(
            "INSERT OR IGNORE INTO digest_items (subscriber_id, event_id, created_at) "
            "VALUES (?, ?, ?)",
            digest,
        ).rowcount
    return int(added)


def _last_slot(now: datetime, at: str, weekday: int | None) -> datetime:
    """The latest scheduled digest time not after `now`, in now's own timezone."""
    hour, minute = (int(part) for part in at.split(":"))
    local = now if now.tzinfo else now.replace(tzinfo=UTC)
    slot = datetime.combine(local.date(), time(hour, minute), tzinfo=local.tzinfo)
    if slot > local:
        slot -= timedelta(days=1)
    if weekday is not None:
        slot -= timedelta(days=(slot.weekday() - weekday) % 7)
    return slot


def queue_due_digests(
    db: sqlite_utils.Database, *, now: datetime, daily_at: str = "07:00", weekly_on: str = "mon"
) -> int:
    """Gather pending digest items into one outbox row per subscriber whose digest is due.

    An item joins the digest of the first slot at or after the moment it was recorded.
    Returns the number of digest messages queued.
    """
    slots = {
        "daily": iso(_last_slot(now, daily_at, None)),
        "weekly": iso(_last_slot(now, daily_at, _WEEKDAYS.index(weekly_on[:3].lower()))),
        "immediate": iso(now),  # switched to immediate since: flush at once
    }
    queued = 0
    last_sub = 0
    while True:
        subs = db.execute(
            "SELECT s.id, s.email, s.cadence, "
            "s.confirmed = 1 AND s.unsubscribed_at IS NULL AND s.bouncing = 0 "
            "FROM subscribers s WHERE s.id > ? AND EXISTS (SELECT 1 FROM digest_items d "
            "WHERE d.subscriber_id = s.id AND d.outbox_id IS NULL) ORDER BY s.id LIMIT ?",
            [last_sub, PAGE_SIZE],
        ).fetchall()
        if not subs:
            return queued
        for sub_id, email, cadence, active in subs:
            queued += _queue_digest(db, sub_id, email, cadence, bool(active), slots, iso(now))
            last_sub = sub_id


def _queue_digest(
    db: sqlite_utils.Database,
    sub_id: int,
    email: str,
    cadence: str,
    active: bool,
    slots: dict[str, str],
    stamp: str,
) -> int:
    with db.atomic():
        if not active:
            db.execute(
                "DELETE FROM digest_items WHERE subscriber_id = ? AND outbox_id IS NULL", [sub_id]
            )
            return 0
        items = db.execute(
            "SELECT id, event_id FROM digest_items WHERE subscriber_id = ? AND outbox_id IS NULL "
            "AND created_at <= ? ORDER BY id",
            [sub_id, slots.get(cadence, stamp)],
        ).fetchall()
        if not items:
            return 0
        item_ids = [item_id for item_id, _ in items]
        # Keyed by its first item: an item is attached once, in this same transaction.
        dedupe = f"digest:{sub_id}:{item_ids[0]}"
        payload = json.dumps({"cadence": cadence, "event_ids": [event for _, event in items]})
        db.execute(
            "INSERT OR IGNORE INTO outbox (kind, dedupe_key, message_id, subscriber_id, to_addr,"
            " payload, next_attempt_at, created_at) VALUES ('digest', ?, ?, ?, ?, ?, ?, ?)",
            [dedupe, _new_message_id(), sub_id, email, payload, stamp, stamp],
        )
        outbox_id = db.execute("SELECT id FROM outbox WHERE dedupe_key = ?", [dedupe]).fetchone()[0]
        db.conn.executemany(
            "UPDATE digest_items SET outbox_id = ? WHERE id = ?",
            [(outbox_id, item_id) for item_id in item_ids],
        )
    return 1


def enqueue_operator_alert(
    db: sqlite_utils.Database,
    *,
    key: str,
    subject: str,
    body: str,
    now: datetime,
    to: str | None = None,
    html: str | None = None,
) -> bool:
    """Queue one email to the operator; a key already queued (or sent) is a no-op.

    `html`, when given, is sent as the HTML alternative of `body`.

    `to` defaults to the `operator` address that `deliver` is given. Returns True if queued.
    """
    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (kind, dedupe_key, message_id, to_addr, payload,"
        " next_attempt_at, created_at) VALUES ('operator', ?, ?, ?, ?, ?, ?)",
        [
            f"operator:{key}",
            _new_message_id(),
            to,
            json.dumps({"subject": subject, "body": body, **({"html": html} if html else {})}),
            iso(now),
            iso(now),
        ],
    )
    return bool(cursor.rowcount)
