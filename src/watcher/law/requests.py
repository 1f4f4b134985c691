"""Public-records requests tracked to their statutory deadline (`watcher requests`).

Days past the deadline are what an advocate shows a court when asking it to compel an answer,
so they are counted from the statute's own rule (business or calendar days) and shown in
`watcher status` and the operator's email.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from watcher.errors import WatcherError
from watcher.law import get_state_law, statutory_due_date

STATUSES = ("sent", "acknowledged", "partial", "fulfilled", "denied", "withdrawn")
OPEN_STATUSES = ("sent", "acknowledged", "partial")
COLUMNS = ("id", "state", "agency", "sent_date", "due_date", "due_explanation", "status",
           "response_documents", "notes", "created_at", "updated_at")  # fmt: skip


class RequestError(WatcherError):
    """A records request cannot be added or updated as asked."""


def add_request(
    db: sqlite_utils.Database, *, state: str, agency: str, sent: dt.date, notes: str | None = None
) -> dict[str, Any]:
    try:
        code = get_state_law(state).code
    except (KeyError, ValueError) as exc:
        raise RequestError(str(exc).strip("'\"")) from None
    if not agency.strip():
        raise RequestError("--agency must name the agency the request was sent to")
    due = statutory_due_date(code, sent)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO records_requests (state, agency, sent_date, due_date, due_explanation, "
            "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                code,
                agency.strip(),
                sent.isoformat(),
                due.due.isoformat() if due.due else None,
                due.explanation,
                notes,
                now,
                now,
            ],
        )
    return get_request(db, int(cursor.lastrowid or 0))


def get_request(db: sqlite_utils.Database, request_id: int) -> dict[str, Any]:
    row = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM records_requests WHERE id = ?", [request_id]
    ).fetchone()
    if row is None:
        raise RequestError(f"no records request #{request_id} (see `watcher requests list`)")
    return _record(row)


def update_request(
    db: sqlite_utils.Database,
    request_id: int,
    *,
    status: str | None = None,
    add_documents: list[str] | None = None,
    notes: str | None = None,
) -> dict[str, Any]:
    current = get_request(db, request_id)
    if status is not None and status not in STATUSES:
        raise RequestError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    documents = current["response_documents"] + list(add_documents or [])
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    with db.atomic():
        db.execute(
            "UPDATE records_requests SET status = ?, response_documents = ?, notes = ?, "
            "updated_at = ? WHERE id = ?",
            [
                status or current["status"],
                json.dumps(documents),
                notes if notes is not None else current["notes"],
                now,
                request_id,
            ],
        )
    return get_request(db, request_id)


def list_requests(db: sqlite_utils.Database, today: dt.date | None = None) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM records_requests ORDER BY id").fetchall()
    return [_with_overdue(_record(row), today or dt.date.today()) for row in rows]


def overdue_requests(
    db: sqlite_utils.Database, today: dt.date | None = None
) -> list[dict[str, Any]]:
    if not db["records_requests"].exists():
        return []
    return [r for r in list_requests(db, today) if r["days_overdue"]]


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    record = dict(zip(COLUMNS, row, strict=True))
    record["response_documents"] = json.loads(record["response_documents"] or "[]")
    return record


def _with_overdue(record: dict[str, Any], today: dt.date) -> dict[str, Any]:
    due = record["due_date"]
    days = 0
    if due and record["status"] in OPEN_STATUSES:
        days = max(0, (today - dt.date.fromisoformat(due)).days)
    record["days_overdue"] = days
    return record
