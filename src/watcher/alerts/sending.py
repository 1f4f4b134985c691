"""Deliver the outbox's due rows exactly once, through one sender session (email) and the
chat channels' sender (chat subscriptions), each message in its subscriber's language.

Each outcome is committed before the next message is handed over (over SMTP, while the
server reads the next MAIL FROM: a message is only delivered at its final dot). So at most one
sent message is unrecorded at any moment, and a crash then is the only way a message goes out
twice; it repeats the same Message-ID (given when the row was queued), so mail clients fold
the copies. The next message is built while the server takes the current one in, and
messages of one content are stamped from one template (``mailmerge``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta

import sqlite_utils

from watcher.alerts.chat import ChannelSender
from watcher.alerts.compose import Composer, Due, due_rows
from watcher.alerts.models import DeliveryReport
from watcher.alerts.smtp import Sender, SendError, SmtpSender
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


class _Unrecorded(Exception):
    """A sent message's outcome could not be committed: the run stops, as at a crash."""


class _Run:
    """One delivery run: what its messages say (`compose`), the sends, outcomes, report."""

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
        self.compose = Composer(
            db, now=now, base_url=base_url, from_addr=from_addr, operator_addr=operator_addr
        )
        self.report = DeliveryReport()
        self.channels: ChannelSender | None = None
        self.pending: Callable[[], None] | None = None  # the last send's outcome, to commit

    def send(self, sender: Sender, row: Due, ahead: Due | None = None) -> None:
        """Render and send one row, by email or to its chat channel. Raises SendError.

        The previous outcome is committed before this message is handed over: while the SMTP
        server reads its MAIL FROM, or else just before the send. The next row's message
        (`ahead`) is built while the server takes this one in."""
        if row.kind != "operator" and row.channel not in (None, "email"):
            self.settle()
            if self.channels is None:
                self.channels = ChannelSender()
            self.channels.send(row.to_addr or "", self.compose.chat_message(row))
            return
        message = self.compose.take_prepared(row)
        if isinstance(sender, SmtpSender):
            sender.send(
                message,
                before_mail_reply=self.settle,
                before_data_reply=lambda: self.compose.prepare(ahead),
            )
        else:
            self.settle()
            sender.send(message)

    def settle(self) -> None:
        """Commit the outcome left pending by the last send, if any."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        try:
            pending()
        except Exception as err:  # never mistaken for the next message's render error
            raise _Unrecorded from err

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
        self.settle()  # outcomes are committed in the order of their sends
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

    Each outcome is committed before the next message is handed over. When the server cannot
    be reached the run stops and the remaining messages stay queued untouched (counted as
    `deferred`).
    """
    run = _Run(db, now=now, base_url=base_url, from_addr=from_addr, operator_addr=operator_addr)
    try:
        try:
            return _deliver_due(run, sender, batch_size, limit, failure_threshold, max_attempts)
        finally:
            run.settle()  # a message that went out is recorded, even when the run stops early
    except _Unrecorded as err:
        cause = err.__cause__
        raise cause if cause is not None else err from None
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
            for n, row in enumerate(rows):
                last_id = row.id
                processed += 1
                ahead = rows[n + 1] if n + 1 < len(rows) else None
                if not _deliver_one(run, sender, row, ahead, failure_threshold, max_attempts):
                    run.report.deferred = db.execute(
                        "SELECT COUNT(*) FROM outbox WHERE state = 'queued' "
                        "AND next_attempt_at <= ? AND id >= ?",
                        [run.stamp, row.id],
                    ).fetchone()[0]
                    return run.report
    return run.report


def _deliver_one(
    run: _Run, sender: Sender, row: Due, ahead: Due | None, threshold: int, max_attempts: int
) -> bool:
    """Send one row and record the outcome; False when the server is unreachable."""
    report = run.report
    if not row.active:  # subscriber unsubscribed or bouncing since it was queued
        run.finish(row, "cancelled", error="subscriber no longer active")
        report.cancelled += 1
        return True
    if row.kind == "operator" and not (row.to_addr or run.compose.operator_addr):
        report.errors.append(f"outbox {row.id}: no operator address configured; left queued")
        return True
    try:
        run.send(sender, row, ahead)
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
    # Committed while the server reads the next message's MAIL FROM: nothing is delivered
    # before a message's final dot, so at most one sent message is ever unrecorded.
    run.pending = functools.partial(run.finish, row, "sent", bounce=False, threshold=threshold)
    report.sent += 1
    return True
