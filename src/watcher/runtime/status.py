"""`watcher status`: whether everything is healthy, in one screen and one exit code."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from watcher.config import Config
from watcher.discovery.registry import with_accepted_portals
from watcher.store.archive import table_exists


def collect_status(config: Config, db: sqlite_utils.Database) -> dict[str, Any]:
    config = with_accepted_portals(config, db)  # accepted portals are sources too
    sources = [
        _source_status(db, source.name, source.kind, source.schedule, source.enabled)
        for source in config.sources
    ]
    outbox = _counts(db, "outbox", "state")
    subscribers = _subscriber_counts(db)
    overdue = _overdue_requests(db)
    stuck = _stuck_messages(db)
    # A message failed for one bad address is that subscriber's problem, shown but not
    # "unhealthy"; mail due for an hour and unsent means delivery itself is broken. A source
    # that has never succeeded has not shown it works: not healthy yet.
    healthy = all(s["state"] == "ok" for s in sources if s["enabled"]) and not stuck
    return {
        "healthy": healthy,
        "sources": sources,
        "outbox": outbox,
        "outbox_stuck": stuck,
        "subscribers": subscribers,
        "overdue_requests": overdue,
    }


def _source_status(
    db: sqlite_utils.Database, name: str, kind: str, schedule: str, enabled: bool
) -> dict[str, Any]:
    row = db.execute(
        "SELECT last_run_at, last_success_at, last_failure_at, last_error, consecutive_failures "
        "FROM sources WHERE name = ?",
        [name],
    ).fetchone()
    last_run, last_success, last_failure, last_error, failures = row or (None,) * 4 + (0,)
    publications = [
        dict(zip(("id", "list_kind", "as_of", "row_count", "status", "reason"), pub, strict=True))
        for pub in db.execute(
            "SELECT id, list_kind, as_of, row_count, status, reason FROM publications p "
            "WHERE source = ? AND id = (SELECT MAX(id) FROM publications q "
            "WHERE q.source = p.source AND coalesce(q.list_kind, '') = coalesce(p.list_kind, '')) "
            "ORDER BY list_kind",
            [name],
        )
    ]
    state = "ok"
    if failures:
        state = "failing"
    elif last_success is None:
        state = "never run" if last_run is None else "never succeeded"
    return {
        "name": name,
        "kind": kind,
        "state": state,
        "schedule": schedule,
        "enabled": enabled,
        "last_run_at": last_run,
        "last_success_at": last_success,
        "last_failure_at": last_failure,
        "last_error": last_error,
        "consecutive_failures": failures,
        "last_publications": publications,
    }


def _counts(db: sqlite_utils.Database, table: str, column: str) -> dict[str, int]:
    if not table_exists(db, table) or column not in {
        r[1] for r in db.execute(f"SELECT * FROM pragma_table_info('{table}')")
    }:
        return {}
    return {
        str(key): int(count)
        for key, count in db.execute(f"SELECT {column}, COUNT(*) FROM {table} GROUP BY {column}")
    }


def _stuck_messages(db: sqlite_utils.Database) -> int:
    if not table_exists(db, "outbox"):
        return 0
    an_hour_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).replace(microsecond=0)
    row = db.execute(
        "SELECT COUNT(*) FROM outbox WHERE state = 'queued' AND next_attempt_at < ?",
        [an_hour_ago.isoformat()],
    ).fetchone()
    return int(row[0])


def _subscriber_counts(db: sqlite_utils.Database) -> dict[str, int]:
    if not table_exists(db, "subscribers"):
        return {}
    row = db.execute(
        "SELECT SUM(confirmed = 1 AND unsubscribed_at IS NULL AND bouncing = 0), "
        "SUM(confirmed = 0 AND unsubscribed_at IS NULL), SUM(unsubscribed_at IS NOT NULL), "
        "SUM(bouncing = 1 AND unsubscribed_at IS NULL) FROM subscribers"
    ).fetchone()
    keys = ("active", "unconfirmed", "unsubscribed", "bouncing")
    return {key: int(value) for key, value in zip(keys, row, strict=True) if value}


def _overdue_requests(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    from watcher.law.requests import overdue_requests

    return overdue_requests(db)


def render_status(report: dict[str, Any]) -> str:
    headline = "healthy"
    if not report["healthy"]:
        failing = report["outbox_stuck"] or any(
            s["state"] == "failing" for s in report["sources"] if s["enabled"]
        )
        headline = "SOMETHING IS FAILING" if failing else "NOT YET HEALTHY (a source never ran)"
    lines = [f"watcher: {headline}", ""]
    for s in report["sources"]:
        flag = {"ok": "ok ", "failing": "ERR"}.get(s["state"], "NEW")
        lines.append(
            f"[{flag}] {s['name']} ({s['kind']}, {s['schedule']}"
            f"{'' if s['enabled'] else ', disabled'})"
        )
        if s["state"] in ("never run", "never succeeded"):
            lines.append(f"      {s['state']}: `watcher run` (or `watcher serve`) will fetch it")
        lines.append(
            f"      last success {s['last_success_at'] or 'never'}; "
            f"last failure {s['last_failure_at'] or 'never'}; "
            f"{s['consecutive_failures']} consecutive failure(s)"
        )
        if s["last_error"] and s["consecutive_failures"]:
            lines.append(f"      why: {s['last_error']}")
        for pub in s["last_publications"]:
            lines.append(
                f"      last {pub['list_kind'] or 'unreadable'} publication #{pub['id']}: "
                f"{pub['as_of']}, {pub['row_count'] or 0} rows, {pub['status']}"
                + (f" ({pub['reason']})" if pub["reason"] else "")
            )
    outbox = report["outbox"]
    lines += [
        "",
        "outbox: " + (", ".join(f"{n} {k}" for k, n in sorted(outbox.items())) or "empty"),
    ]
    if report["outbox_stuck"]:
        lines.append(
            f"OUTBOX STUCK: {report['outbox_stuck']} message(s) due for over an hour "
            "(is `watcher serve` or `watcher deliver` running? is the SMTP server up?)"
        )
    subs = report["subscribers"]
    lines.append(
        "subscribers: " + (", ".join(f"{n} {k}" for k, n in sorted(subs.items())) or "none")
    )
    for req in report["overdue_requests"]:
        lines.append(
            f"OVERDUE records request #{req['id']}: {req['agency']} ({req['state']}), "
            f"{req['days_overdue']} day(s) past the statutory deadline {req['due_date']}"
        )
    return "\n".join(lines)
