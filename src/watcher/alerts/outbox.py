"""The outbox: queue one row per message to send, then deliver due rows exactly once.

Every row carries its Message-ID from the moment it is queued, and its state is committed
right after each send. A crash between the send and that commit is the only way a message
goes out twice, and then it repeats the same Message-ID, so mail clients fold the copies.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from watcher.alerts.models import (
    EVENT_TYPES,
    AlertEvent,
    DeliveryReport,
    OutgoingMessage,
    Subscriber,
)
from watcher.alerts.render import Renderer, build_message, event_subject
from watcher.alerts.smtp import Sender, SendError
from watcher.alerts.subscriptions import (
    PAGE_SIZE,
    iso,
    iter_subscribers,
    matches,
    record_send_result,
)

# The archive's migration imports the table setup from here.
__all__ = [
    "deliver",
    "enqueue_events",
    "enqueue_operator_alert",
    "queue_due_digests",
]

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
# With the 6-hour cap, 20 temporary failures span about four days of outage.
MAX_ATTEMPTS = 20
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


def enqueue_events(db: Any, events: Iterable[AlertEvent], *, now: datetime) -> int:
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
    db: Any, page: Sequence[Subscriber], events: Sequence[tuple[int, AlertEvent]], stamp: str
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
    db: Any, *, now: datetime, daily_at: str = "07:00", weekly_on: str = "mon"
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
        last_sub = subs[-1][0]


def _queue_digest(
    db: Any, sub_id: int, email: str, cadence: str, active: bool, slots: dict[str, str], stamp: str
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
        # Keyed by its first item: an item is attached once, in this same transaction.
        dedupe = f"digest:{sub_id}:{items[0][0]}"
        payload = json.dumps({"cadence": cadence, "event_ids": [row[1] for row in items]})
        db.execute(
            "INSERT OR IGNORE INTO outbox (kind, dedupe_key, message_id, subscriber_id, to_addr,"
            " payload, next_attempt_at, created_at) VALUES ('digest', ?, ?, ?, ?, ?, ?, ?)",
            [dedupe, _new_message_id(), sub_id, email, payload, stamp, stamp],
        )
        outbox_id = db.execute("SELECT id FROM outbox WHERE dedupe_key = ?", [dedupe]).fetchone()[0]
        db.conn.executemany(
            "UPDATE digest_items SET outbox_id = ? WHERE id = ?",
            [(outbox_id, row[0]) for row in items],
        )
    return 1


def enqueue_operator_alert(
    db: Any, *, key: str, subject: str, body: str, now: datetime, to: str | None = None
) -> bool:
    """Queue one email to the operator; a key already queued (or sent) is a no-op.

    `to` defaults to the `operator` address that `deliver` is given. Returns True if queued.
    """
    cursor = db.execute(
        "INSERT OR IGNORE INTO outbox (kind, dedupe_key, message_id, to_addr, payload,"
        " next_attempt_at, created_at) VALUES ('operator', ?, ?, ?, ?, ?, ?)",
        [
            f"operator:{key}",
            _new_message_id(),
            to,
            json.dumps({"subject": subject, "body": body}),
            iso(now),
            iso(now),
        ],
    )
    return bool(cursor.rowcount)


def backoff(attempts: int) -> timedelta:
    """Wait before retry number `attempts` (1, 2, 4 ... minutes, capped at six hours)."""
    delay: timedelta = BACKOFF_BASE * (2 ** min(max(attempts - 1, 0), 20))
    return min(delay, BACKOFF_CAP)


_DUE_SQL = """
SELECT o.id, o.kind, o.message_id, o.subscriber_id, o.event_id, o.to_addr, o.payload,
       o.attempts, s.token, s.cadence,
       s.id IS NULL OR (s.confirmed = 1 AND s.unsubscribed_at IS NULL AND s.bouncing = 0),
       s.permanent_failures
FROM outbox o LEFT JOIN subscribers s ON s.id = o.subscriber_id
WHERE o.state = 'queued' AND o.next_attempt_at <= ? AND o.id > ?
ORDER BY o.id LIMIT ?
"""


class _Run:
    """One delivery run: the renderer, the payload cache and the report."""

    def __init__(
        self, db: Any, *, now: datetime, base_url: str, from_addr: str, operator_addr: str | None
    ) -> None:
        self.db = db
        self.now = now
        self.stamp = iso(now)
        self.base_url = base_url.rstrip("/")
        self.from_addr = from_addr
        self.domain = from_addr.rpartition("@")[2].strip(" >") or "watcher.invalid"
        self.operator_addr = operator_addr
        self.renderer = Renderer()
        self.payloads: dict[int, dict[str, Any]] = {}
        self.report = DeliveryReport()

    def payload(self, event_id: int) -> dict[str, Any]:
        found = self.payloads.get(event_id)
        if found is None:
            row = self.db.execute(
                "SELECT payload FROM alert_payloads WHERE event_id = ?", [event_id]
            ).fetchone()
            if row is None:
                raise LookupError(f"no stored payload for event {event_id}")
            found = dict(json.loads(row[0]))
            if len(self.payloads) > 512:
                self.payloads.clear()
            self.payloads[event_id] = found
        return found

    def message(self, row: Sequence[Any]) -> OutgoingMessage:
        _, kind, local_id, _, event_id, to_addr, payload, _, token, cadence = row[:10]
        unsub = None if kind == "operator" else f"{self.base_url}/unsubscribe/{token}"
        html_body: str | None
        if kind == "operator":
            data = json.loads(payload)
            subject, text, html_body = data["subject"], data["body"], None
            to_addr = to_addr or self.operator_addr or ""
        elif kind == "event":
            event = self.payload(event_id)
            text, html_body = self.renderer.event_parts(event, unsub)
            subject = event_subject(event)
        else:
            data = json.loads(payload)
            events = [self.payload(i) for i in data["event_ids"]]
            subject, (text, html_body) = self.renderer.digest_parts(
                events, cadence=data.get("cadence") or cadence or "daily", unsubscribe_url=unsub
            )
        return build_message(
            subject=subject,
            text=text,
            html_body=html_body,
            to_addr=to_addr,
            unsubscribe_url=unsub,
            from_addr=self.from_addr,
            message_id=f"<{local_id}@{self.domain}>",
            date_=self.now,
        )

    def finish(
        self,
        row: Sequence[Any],
        state: str,
        *,
        error: str | None = None,
        retry_at: datetime | None = None,
        bounce: bool | None = None,
        threshold: int = 3,
    ) -> None:
        outbox_id, sub_id = row[0], row[3]
        update = (
            "UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = ?, "
            "next_attempt_at = COALESCE(?, next_attempt_at), "
            "sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?"
        )
        params = [
            state,
            0 if state == "cancelled" else 1,
            error,
            iso(retry_at) if retry_at else None,
            state,
            self.stamp,
            outbox_id,
        ]
        if bounce is None or sub_id is None or (bounce is False and not row[11]):
            self.db.execute(update, params)  # one statement: committed on its own
            return
        with self.db.atomic():
            self.db.execute(update, params)
            record_send_result(self.db, sub_id, permanent_failure=bounce, threshold=threshold)


def deliver(
    db: Any,
    sender: Sender,
    *,
    now: datetime,
    base_url: str,
    from_addr: str,
    batch_size: int = 200,
    operator_addr: str | None = None,
    failure_threshold: int = 3,
    max_attempts: int = MAX_ATTEMPTS,
    limit: int | None = None,
) -> DeliveryReport:
    """Send every queued message due at `now` through one sender session.

    Each outcome is committed before the next send. When the server cannot be reached the
    run stops and the remaining messages stay queued untouched (counted as `deferred`).
    """
    run = _Run(db, now=now, base_url=base_url, from_addr=from_addr, operator_addr=operator_addr)
    last_id = 0
    processed = 0
    with sender:
        while limit is None or processed < limit:
            size = batch_size if limit is None else min(batch_size, limit - processed)
            rows = db.execute(_DUE_SQL, [run.stamp, last_id, size]).fetchall()
            if not rows:
                break
            for row in rows:
                last_id = row[0]
                processed += 1
                if not _deliver_one(run, sender, row, failure_threshold, max_attempts):
                    run.report.deferred = db.execute(
                        "SELECT COUNT(*) FROM outbox WHERE state = 'queued' "
                        "AND next_attempt_at <= ? AND id >= ?",
                        [run.stamp, row[0]],
                    ).fetchone()[0]
                    return run.report
    return run.report


def _deliver_one(
    run: _Run, sender: Sender, row: Sequence[Any], threshold: int, max_attempts: int
) -> bool:
    """Send one row and record the outcome; False when the server is unreachable."""
    report = run.report
    if not row[10]:  # subscriber unsubscribed or bouncing since it was queued
        run.finish(row, "cancelled", error="subscriber no longer active")
        report.cancelled += 1
        return True
    if row[1] == "operator" and not (row[5] or run.operator_addr):
        report.errors.append(f"outbox {row[0]}: no operator address configured; left queued")
        return True
    try:
        message = run.message(row)
    except (LookupError, ValueError, TypeError) as err:
        run.finish(row, "failed", error=f"cannot render: {err}")
        report.failed += 1
        report.errors.append(f"outbox {row[0]}: cannot render: {err}")
        return True
    try:
        sender.send(message)
    except SendError as err:
        if err.unreachable:
            report.errors.append(str(err))
            return False
        attempts = row[7] + 1
        if err.permanent or attempts >= max_attempts:
            bounce = True if err.permanent else None  # a long outage is no bounce
            run.finish(row, "failed", error=str(err), bounce=bounce, threshold=threshold)
            report.failed += 1
        else:
            run.finish(row, "queued", error=str(err), retry_at=run.now + backoff(attempts))
            report.retry_later += 1
        return True
    run.finish(row, "sent", bounce=False, threshold=threshold)
    report.sent += 1
    return True
