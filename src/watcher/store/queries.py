"""Read-side queries shared by the command line, the alerts and the feeds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlite_utils

EVENT_TYPES = ("new", "renewal", "withdrawal", "rename", "relabel", "pending", "reinstated")

EVENT_COLUMNS = (
    "id",
    "type",
    "state",
    "agency",
    "county",
    "support_type",
    "signed",
    "previous_signed",
    "previous_agency",
    "moa_url",
    "observed_at",
    "source",
    "agreement_id",
    "publication_id",
    "previous_publication_id",
    "alert",
    "detail",
)


def iter_events(
    db: sqlite_utils.Database,
    *,
    since: str | None = None,
    state: str | None = None,
    event_type: str | None = None,
    ids: list[int] | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Events as plain dicts (the shape `watcher events --json` prints), oldest first."""
    where: list[str] = ["1 = 1"]
    params: list[str | int] = []
    if since:
        where.append("observed_at >= ?")
        params.append(since)
    if state:
        where.append("state = ?")
        params.append(state.upper())
    if event_type:
        where.append("type = ?")
        params.append(event_type)
    if ids is not None:
        where.append(f"id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    order = "DESC" if newest_first else "ASC"
    sql = (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {' AND '.join(where)} "
        f"ORDER BY observed_at {order}, id {order}"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    for row in db.execute(sql, params):
        event = dict(zip(EVENT_COLUMNS, row, strict=True))
        detail = json.loads(event.pop("detail")) if event["detail"] else {}
        event["alert"] = bool(event["alert"])
        event["detail"] = detail
        yield event


AGREEMENT_COLUMNS = (
    "id",
    "source",
    "list_kind",
    "state",
    "agency",
    "support_type",
    "agency_type",
    "county",
    "jurisdiction_county",
    "county_fips",
    "jurisdiction_basis",
    "signed",
    "moa_url",
    "addendum_url",
    "status",
    "first_seen_at",
    "last_seen_at",
    "absent_count",
    "ended_at",
)


def iter_agreements(
    db: sqlite_utils.Database,
    *,
    state: str | None = None,
    status: str | None = None,
    list_kind: str = "participating",
) -> Iterator[dict[str, Any]]:
    where: list[str] = ["a.list_kind = ?"]
    params: list[str] = [list_kind]
    if state:
        where.append("a.state = ?")
        params.append(state.upper())
    if status == "active":
        where.append("a.status IN ('active', 'missing')")  # 'missing' is not yet a withdrawal
    elif status:
        where.append("a.status = ?")
        params.append(status)
    sql = (
        f"SELECT {', '.join(_qualified(c) for c in AGREEMENT_COLUMNS)} FROM agreements a "
        f"JOIN agreement_last_seen s ON s.agreement_id = a.id WHERE {' AND '.join(where)} "
        "ORDER BY a.state, a.agency, a.support_type"
    )
    for row in db.execute(sql, params):
        yield dict(zip(AGREEMENT_COLUMNS, row, strict=True))


def _qualified(column: str) -> str:
    return f"s.{column}" if column == "last_seen_at" else f"a.{column}"
