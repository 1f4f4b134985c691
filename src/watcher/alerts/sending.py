"""Deliver the outbox's due rows exactly once, through one sender session (email) and the
chat channels' sender (chat subscriptions), each message in its subscriber's language.

Each outcome is committed right after its send. A crash between the send and that commit is
the only way a message goes out twice, and then it repeats the same Message-ID (given when
the row was queued), so mail clients fold the copies.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from watcher.alerts.chat import ChannelSender, ChatMessage
from watcher.alerts.chattext import digest_message, event_message
from watcher.alerts.models import DeliveryReport, OutgoingMessage
from watcher.alerts.render import Renderer, build_message, event_subject
from watcher.alerts.smtp import Sender, SendError
from watcher.alerts.subscriptions import record_send_result
from watcher.timestamps import iso

__all__ = ["MAX_ATTEMPTS", "Due", "backoff", "deliver", "due_rows"]

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)
# With the 6-hour cap, 20 temporary failures span about four days of outage.
MAX_ATTEMPTS = 20


def _wait(err: SendError, attempts: int) -> timedelta:
    """The backoff, or longer when the receiver asked for it (capped like the backoff)."""
    asked = timedelta(seconds=min(err.retry_after or 0.0, BACKOFF_CAP.total_seconds()))
    return max(backoff(attempts), asked)


def backoff(attempts: int) -> timedelta:
    """Wait before retry number `attempts` (1, 2, 4 ... minutes, capped at six hours)."""
    delay: timedelta = BACKOFF_BASE * (2 ** min(max(attempts - 1, 0), 20))
    return min(delay, BACKOFF_CAP)


_DUE_SQL = """
SELECT o.id, o.kind, o.message_id, o.subscriber_id, o.event_id, o.to_addr, o.payload,
       o.attempts, s.token, s.cadence,
       s.id IS NULL OR (s.confirmed = 1 AND s.unsubscribed_at IS NULL AND s.bouncing = 0)
           AS active,
       s.permanent_failures, s.channel, s.lang
FROM outbox o LEFT JOIN subscribers s ON s.id = o.subscriber_id
WHERE o.state = 'queued' AND o.next_attempt_at <= ? AND o.id > ?
ORDER BY o.id LIMIT ?
"""


@dataclass(frozen=True)
class Due:
    """One queued outbox row due now, with its subscriber's state (None for operator mail)."""

    id: int
    kind: str  # 'event', 'digest' or 'operator'
    message_id: str
    subscriber_id: int | None
    event_id: int | None
    to_addr: str | None
    payload: str | None
    attempts: int
    token: str | None
    cadence: str | None
    active: bool  # no subscriber, or one still confirmed, subscribed and not bouncing
    permanent_failures: int | None
    channel: str | None  # 'email', a chat service, or None for operator mail
    lang: str | None


def due_rows(db: sqlite_utils.Database, stamp: str, after: int, size: int) -> list[Due]:
    """Up to `size` queued rows due at `stamp` (UTC text), after outbox id `after`, by id."""
    cursor = db.execute(_DUE_SQL, [stamp, after, size])
    names = [column[0] for column in cursor.description]
    return [Due(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


class _Run:
    """One delivery run: the renderer, the payload cache and the report."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        *,
        now: datetime,
        base_url: str,
        from_addr: str,
        operator_addr: str | None,
    ) -> None:
        self.db = db
        self.now = now
        self.stamp = iso(now)
        self.base_url = base_url.rstrip("/")
        self.from_addr = from_addr
        self.domain = from_addr.rpartition("@")[2].strip(" >") or "watcher.invalid"
        self.operator_addr = operator_addr
        self.renderers: dict[str, Renderer] = {}
        self.payloads: dict[int, dict[str, Any]] = {}
        self.report = DeliveryReport()
        self.channels: ChannelSender | None = None

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

    def renderer(self, lang: str | None) -> Renderer:
        """One renderer (and template cache) per language of the run's subscribers."""
        lang = lang or "en"
        if lang not in self.renderers:
            self.renderers[lang] = Renderer(base_url=self.base_url, lang=lang)
        return self.renderers[lang]

    def chat_message(self, row: Due) -> ChatMessage:
        lang = row.lang or "en"
        unsub = f"{self.base_url}/unsubscribe/{row.token}"
        delivery_id = f"{row.message_id}@{self.domain}"
        if row.kind == "event":
            if row.event_id is None:
                raise LookupError("event message without an event")
            return event_message(
                self.payload(row.event_id),
                base_url=self.base_url,
                unsubscribe_url=unsub,
                delivery_id=delivery_id,
                lang=lang,
            )
        data = json.loads(row.payload or "")
        events = [self.payload(i) for i in data["event_ids"]]
        subject, _ = self.renderer(lang).digest_parts(
            events, cadence=data.get("cadence") or row.cadence or "daily", unsubscribe_url=unsub
        )
        return digest_message(
            events,
            subject=subject,
            base_url=self.base_url,
            unsubscribe_url=unsub,
            delivery_id=delivery_id,
            lang=lang,
        )

    def send(self, sender: Sender, row: Due) -> None:
        """Render and send one row, by email or to its chat channel. Raises SendError."""
        if row.kind != "operator" and row.channel not in (None, "email"):
            if self.channels is None:
                self.channels = ChannelSender()
            self.channels.send(row.to_addr or "", self.chat_message(row))
        else:
            sender.send(self.message(row))

    def message(self, row: Due) -> OutgoingMessage:
        unsub = None if row.kind == "operator" else f"{self.base_url}/unsubscribe/{row.token}"
        to_addr = row.to_addr or ""
        html_body: str | None
        if row.kind == "operator":
            data = json.loads(row.payload or "")
            subject, text, html_body = data["subject"], data["body"], data.get("html")
            to_addr = to_addr or self.operator_addr or ""
        elif row.kind == "event":
            if row.event_id is None:
                raise LookupError("event message without an event")
            event = self.payload(row.event_id)
            text, html_body = self.renderer(row.lang).event_parts(event, unsub)
            subject = event_subject(event, row.lang or "en")
        else:
            data = json.loads(row.payload or "")
            events = [self.payload(i) for i in data["event_ids"]]
            subject, (text, html_body) = self.renderer(row.lang).digest_parts(
                events,
                cadence=data.get("cadence") or row.cadence or "daily",
                unsubscribe_url=unsub,
            )
        return build_message(
            subject=subject,
            text=text,
            html_body=html_body,
            to_addr=to_addr,
            unsubscribe_url=unsub,
            from_addr=self.from_addr,
            message_id=f"<{row.message_id}@{self.domain}>",
            date_=self.now,
        )

    def finish(
        self,
        row: Due,
        state: str,
        *,
        error: str | None = None,
        retry_at: datetime | None = None,
        bounce: bool | None = None,
        threshold: int = 3,
    ) -> None:
        outbox_id, sub_id = row.id, row.subscriber_id
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
        if bounce is None or sub_id is None or (bounce is False and not row.permanent_failures):
            self.db.execute(update, params)  # one statement: committed on its own
            return
        with self.db.atomic():
            self.db.execute(update, params)
            record_send_result(self.db, sub_id, permanent_failure=bounce, threshold=threshold)


def deliver(
    db: sqlite_utils.Database,
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
    try:
        return _deliver_due(run, sender, batch_size, limit, failure_threshold, max_attempts)
    finally:
        if run.channels is not None:
            run.channels.close()


def _deliver_due(
    run: _Run,
    sender: Sender,
    batch_size: int,
    limit: int | None,
    failure_threshold: int,
    max_attempts: int,
) -> DeliveryReport:
    db = run.db
    last_id = 0
    processed = 0
    with sender:
        while limit is None or processed < limit:
            size = batch_size if limit is None else min(batch_size, limit - processed)
            rows = due_rows(db, run.stamp, last_id, size)
            if not rows:
                break
            for row in rows:
                last_id = row.id
                processed += 1
                if not _deliver_one(run, sender, row, failure_threshold, max_attempts):
                    run.report.deferred = db.execute(
                        "SELECT COUNT(*) FROM outbox WHERE state = 'queued' "
                        "AND next_attempt_at <= ? AND id >= ?",
                        [run.stamp, row.id],
                    ).fetchone()[0]
                    return run.report
    return run.report


def _deliver_one(run: _Run, sender: Sender, row: Due, threshold: int, max_attempts: int) -> bool:
    """Send one row and record the outcome; False when the server is unreachable."""
    report = run.report
    if not row.active:  # subscriber unsubscribed or bouncing since it was queued
        run.finish(row, "cancelled", error="subscriber no longer active")
        report.cancelled += 1
        return True
    if row.kind == "operator" and not (row.to_addr or run.operator_addr):
        report.errors.append(f"outbox {row.id}: no operator address configured; left queued")
        return True
    try:
        run.send(sender, row)
    except (LookupError, ValueError, TypeError) as err:
        run.finish(row, "failed", error=f"cannot render: {err}")
        report.failed += 1
        report.errors.append(f"outbox {row.id}: cannot render: {err}")
        return True
    except SendError as err:
        if err.unreachable:
            report.errors.append(str(err))
            return False
        attempts = row.attempts + 1
        if err.permanent or attempts >= max_attempts:
            # A long outage is no bounce, nor is a message the server found too long or big.
            bounce = True if err.permanent and not err.message_fault else None
            run.finish(row, "failed", error=str(err), bounce=bounce, threshold=threshold)
            report.failed += 1
        else:
            run.finish(row, "queued", error=str(err), retry_at=run.now + _wait(err, attempts))
            report.retry_later += 1
        return True
    run.finish(row, "sent", bounce=False, threshold=threshold)
    report.sent += 1
    return True
