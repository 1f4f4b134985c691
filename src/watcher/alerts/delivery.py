"""From recorded events to sent email: queue what is new, send what is due.

Queueing is driven by the archive, not by the run that found the events: any event marked
for alerting that has no payload in the outbox yet is queued. So a crash between detection and
queueing loses nothing; the next run or delivery job picks the events up.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import sqlite_utils

from watcher.alerts.enrich import enriched_events
from watcher.alerts.models import DeliveryReport
from watcher.alerts.outbox import enqueue_events, queue_due_digests
from watcher.alerts.sending import deliver
from watcher.alerts.smtp import Sender, sender_from_config
from watcher.config import AlertsConfig, Config
from watcher.documents.meetings import agenda_events, unqueued_agenda_event_ids

log = logging.getLogger(__name__)


def unqueued_event_ids(db: sqlite_utils.Database) -> list[int]:
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM events WHERE alert = 1 AND id NOT IN "
            "(SELECT event_id FROM alert_payloads) ORDER BY id"
        )
    ]


def queue_events(config: Config, db: sqlite_utils.Database, now: dt.datetime | None = None) -> int:
    if config.alerts is None:
        return 0
    now = now or dt.datetime.now(dt.UTC)
    pending = unqueued_event_ids(db)
    queued = 0
    for start in range(0, len(pending), 500):
        events = enriched_events(db, ids=pending[start : start + 500])
        queued += enqueue_events(db, events, now=now)  # type: ignore[arg-type]
    # Agenda items (negative ids in the alert tables): the same matching, the same outbox.
    agenda = unqueued_agenda_event_ids(db)
    for start in range(0, len(agenda), 500):
        items = agenda_events(db, ids=agenda[start : start + 500], now=now)
        queued += enqueue_events(db, items, now=now)  # type: ignore[arg-type]
    pending += agenda
    if pending:
        log.info("alerts: %d event(s) matched %d subscription(s)", len(pending), queued)
    return queued


def queue_digests(config: Config, db: sqlite_utils.Database, now: dt.datetime | None = None) -> int:
    if config.alerts is None:
        return 0
    return int(
        queue_due_digests(
            db,
            now=now or dt.datetime.now(dt.UTC),
            daily_at=config.alerts.digest_time,
            weekly_on=config.alerts.weekly_day,
        )
    )


def queue_overdue_notices(
    config: Config, db: sqlite_utils.Database, now: dt.datetime | None = None
) -> int:
    """One operator email when a records request passes its statutory deadline."""
    if config.alerts is None:
        return 0
    from watcher.alerts.outbox import enqueue_operator_alert
    from watcher.law.requests import overdue_requests

    now = now or dt.datetime.now(dt.UTC)
    overdue = overdue_requests(db, now.date())
    lines = [
        f"#{r['id']} {r['agency']} ({r['state']}): sent {r['sent_date']}, due {r['due_date']}, "
        f"{r['days_overdue']} day(s) past the statutory deadline"
        for r in overdue
    ]
    queued = 0
    for record in overdue:
        body = (
            "A public-records request has passed its statutory deadline without a recorded "
            "answer. The days past the deadline are what a court is shown when asked to compel "
            "a response.\n\nOverdue requests:\n" + "\n".join(lines) + "\n\nRecord an answer "
            "with: watcher requests update ID --status fulfilled --document URL"
        )
        queued += int(
            bool(
                enqueue_operator_alert(
                    db,
                    key=f"overdue:{record['id']}:{record['due_date']}",
                    subject=(
                        f"watcher: records request #{record['id']} to {record['agency']} is overdue"
                    ),
                    body=body,
                    now=now,
                )
            )
        )
    return queued


def send_due(
    alerts: AlertsConfig,
    db: sqlite_utils.Database,
    sender: Sender,
    *,
    now: dt.datetime,
    limit: int | None = None,
) -> DeliveryReport:
    """Send what the outbox holds due at ``now``, as the alerts section describes."""
    return deliver(
        db,
        sender,
        now=now,
        base_url=alerts.base_url,
        from_addr=alerts.from_,
        operator_addr=alerts.operator,
        failure_threshold=alerts.failure_threshold,
        limit=limit,
    )


def delivery_words(report: DeliveryReport) -> str:
    """A delivery run for people and logs: '3 sent, 1 to retry later', not a repr."""
    parts = [
        f"{count} {what}"
        for count, what in (
            (report.sent, "sent"),
            (report.retry_later, "to retry later"),
            (report.failed, "failed"),
            (report.cancelled, "cancelled"),
            (report.deferred, "left queued (mail server unreachable)"),
        )
        if count
    ]
    return ", ".join(parts) or "nothing was due"


def deliver_due(
    config: Config, db: sqlite_utils.Database, now: dt.datetime | None = None
) -> DeliveryReport | None:
    if config.alerts is None:
        return None
    sender = sender_from_config(config.alerts, base_dir=config.base_dir)
    report = send_due(config.alerts, db, sender, now=now or dt.datetime.now(dt.UTC))
    log.info("delivery: %s", delivery_words(report))
    for error in report.errors[:5]:
        log.warning("delivery: %s", error)
    return report


def queue_and_deliver(
    config: Config,
    db: sqlite_utils.Database,
    *,
    deliver_now: bool = True,
    now: dt.datetime | None = None,
) -> DeliveryReport | None:
    queue_events(config, db, now)
    queue_digests(config, db, now)
    queue_overdue_notices(config, db, now)
    return deliver_due(config, db, now) if deliver_now else None


def refresh_feeds(
    config: Config, db: sqlite_utils.Database, now: dt.datetime | None = None
) -> None:
    """Write feeds_dir/all.xml and one feed per state with events."""
    if not config.feeds_dir:
        return
    from watcher.alerts.feed import build_feed, write_feed

    folder = Path(config.feeds_dir)
    folder = folder if folder.is_absolute() else config.base_dir / folder
    folder.mkdir(parents=True, exist_ok=True)
    now = now or dt.datetime.now(dt.UTC)
    base_url = config.alerts.base_url if config.alerts else "http://localhost:8000"
    states = [row[0] for row in db.execute("SELECT DISTINCT state FROM events ORDER BY state")]
    for state in [None, *states]:
        events = enriched_events(db, state=state, newest_first=True, limit=50)
        data = build_feed(events, base_url=base_url, now=now, state=state)
        write_feed(folder / f"{(state or 'all').lower()}.xml", data)
