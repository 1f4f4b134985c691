"""Meetings from agenda platforms in the archive: the meetings and their documents, the 287(g)
agenda items found in them, and each source's cursor.

An item republished (agenda, then packet, then minutes) stays one agenda item: it is keyed by
meeting and item number, a mention without a number joins the meeting's item, and each document
it appears in is linked to it. Minutes that record the vote set ``vote``. Every scanned document
is one transaction: its text, figures, item links and "scanned" mark land together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from watcher.agendas import Meeting
from watcher.config import Jurisdiction
from watcher.documents.agenda_items import Mention, find_mentions, mentions_287g, vote_in
from watcher.documents.apply import DocumentResult, apply_document
from watcher.timestamps import iso

# A 287(g) item of a meeting older than this when first found is history: recorded, no alert.
ALERT_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True)
class DueDocument:
    id: int
    meeting_id: int
    kind: str
    title: str
    url: str
    item_number: str | None
    action: str | None
    meeting_date: str


def get_cursor(db: sqlite_utils.Database, source: str) -> str | None:
    row = db.execute("SELECT cursor FROM source_cursors WHERE source = ?", [source]).fetchone()
    return str(row[0]) if row else None


def set_cursor(db: sqlite_utils.Database, source: str, cursor: str, now: dt.datetime) -> None:
    db.execute(
        "INSERT INTO source_cursors (source, cursor, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(source) DO UPDATE SET cursor = excluded.cursor, "
        "updated_at = excluded.updated_at",
        [source, cursor, iso(now)],
    )


def record_meeting(
    db: sqlite_utils.Database,
    *,
    source: str,
    meeting: Meeting,
    jurisdiction: Jurisdiction,
    now: dt.datetime,
) -> int:
    """Insert or update a meeting and the documents it lists; return its id."""
    stamp = iso(now)
    with db.atomic():
        before = db.execute(
            "SELECT modified_at FROM meetings WHERE source = ? AND source_id = ?",
            [source, meeting.source_id],
        ).fetchone()
        db.execute(
            "INSERT INTO meetings (source, platform, source_id, body, starts_at, title, status, "
            "url, modified_at, state, county, first_seen_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source, source_id) DO "
            "UPDATE SET body = excluded.body, starts_at = excluded.starts_at, title = "
            "excluded.title, status = excluded.status, url = excluded.url, modified_at = "
            "excluded.modified_at, updated_at = excluded.updated_at",
            [
                source, meeting.platform, meeting.source_id, meeting.body, meeting.starts_at,
                meeting.title, meeting.status, meeting.url, meeting.modified_at,
                jurisdiction.state, jurisdiction.county, stamp, stamp,
            ],
        )  # fmt: skip
        row = db.execute(
            "SELECT id FROM meetings WHERE source = ? AND source_id = ?",
            [source, meeting.source_id],
        ).fetchone()
        meeting_id = int(row[0])
        if before is not None and meeting.modified_at and meeting.modified_at != before[0]:
            # The platform says the meeting changed (an amended agenda under the same URL):
            # read its documents again; unchanged bytes are recognised and skipped.
            db.execute(
                "UPDATE meeting_documents SET scanned_at = NULL WHERE meeting_id = ? "
                "AND kind != 'item'",
                [meeting_id],
            )
        db.conn.executemany(
            "INSERT INTO meeting_documents (meeting_id, kind, title, url, item_number, action) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(meeting_id, url) DO UPDATE SET "
            "title = excluded.title, action = coalesce(excluded.action, action)",
            [
                (meeting_id, d.kind, d.title, d.url, d.item_number, d.action)
                for d in meeting.documents
                if d.url
            ],
        )
    return meeting_id


def documents_due(db: sqlite_utils.Database, meeting_id: int) -> list[DueDocument]:
    """The meeting's documents not scanned yet (new ones, or all after the platform said the
    meeting changed)."""
    rows = db.execute(
        "SELECT d.id, d.meeting_id, d.kind, d.title, d.url, d.item_number, d.action, "
        "substr(m.starts_at, 1, 10) FROM meeting_documents d JOIN meetings m ON m.id = "
        "d.meeting_id WHERE d.meeting_id = ? AND d.scanned_at IS NULL ORDER BY d.id",
        [meeting_id],
    ).fetchall()
    return [DueDocument(*row) for row in rows]


def scan_document(
    db: sqlite_utils.Database,
    *,
    source: str,
    due: DueDocument,
    content: bytes,
    content_type: str | None,
    fetched_at: dt.datetime,
    jurisdiction: Jurisdiction,
    now: dt.datetime,
) -> DocumentResult:
    """Apply one document of a meeting and record the 287(g) items it holds."""
    with db.atomic():
        applied = apply_document(
            db, source=source, url=due.url, content=content, content_type=content_type,
            jurisdiction=jurisdiction, fetched_at=fetched_at,
            doc_date=dt.date.fromisoformat(due.meeting_date), title=due.title,
        )  # fmt: skip
        if applied.status == "failed":
            return applied  # not marked scanned: tried again next pass
        if applied.status != "unchanged" and applied.document_id is not None:
            pages = [
                str(row[0])
                for row in db.execute(
                    "SELECT text FROM document_pages WHERE document_id = ? ORDER BY page",
                    [applied.document_id],
                )
            ]
            for mention in _mentions(due, pages):
                _record_item(db, due, mention, now)
        db.execute(
            "UPDATE meeting_documents SET document_id = coalesce(?, document_id), "
            "sha256 = (SELECT sha256 FROM documents WHERE id = ?), scanned_at = ? WHERE id = ?",
            [applied.document_id, applied.document_id, iso(now), due.id],
        )
    return applied


def mark_scanned(db: sqlite_utils.Database, due: DueDocument, now: dt.datetime) -> None:
    """An agenda item whose text does not mention 287(g): read, nothing to record."""
    db.execute("UPDATE meeting_documents SET scanned_at = ? WHERE id = ?", [iso(now), due.id])


def _mentions(due: DueDocument, pages: list[str]) -> list[Mention]:
    if due.kind != "item":
        return find_mentions(pages, minutes=due.kind == "minutes")
    text = "\n".join([due.title, *pages])
    if not mentions_287g(text):
        return []
    vote = vote_in(due.action or "")
    return [Mention(1, due.item_number, due.title[:300], due.title[:300], vote)]


def _record_item(
    db: sqlite_utils.Database, due: DueDocument, mention: Mention, now: dt.datetime
) -> None:
    key = mention.item_number or ""
    rows = db.execute(
        "SELECT id, item_key FROM agenda_items WHERE meeting_id = ? ORDER BY id", [due.meeting_id]
    ).fetchall()
    by_key = {str(row[1]): int(row[0]) for row in rows}
    stamp = iso(now)
    if key in by_key:
        item_id = by_key[key]
    elif not key and rows:
        item_id = int(rows[0][0])  # an unnumbered mention joins the meeting's item
    elif key and "" in by_key:
        item_id = by_key[""]  # the item now has its number: the same item, better known
        db.execute(
            "UPDATE agenda_items SET item_key = ?, item_number = ?, title = ? WHERE id = ?",
            [key, mention.item_number, mention.title, item_id],
        )
    else:
        alert = due.meeting_date >= (now - ALERT_WINDOW).date().isoformat()
        cursor = db.execute(
            "INSERT INTO agenda_items (meeting_id, item_key, item_number, title, url, page, "
            "excerpt, vote, alert, first_seen_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                due.meeting_id, key, mention.item_number, mention.title, due.url, mention.page,
                mention.excerpt, mention.vote, int(alert), stamp, stamp,
            ],
        )  # fmt: skip
        item_id = int(cursor.lastrowid or 0)
    if mention.vote:
        db.execute(
            "UPDATE agenda_items SET vote = ?, updated_at = ? WHERE id = ?",
            [mention.vote, stamp, item_id],
        )
    db.execute(
        "INSERT OR IGNORE INTO agenda_item_documents (agenda_item_id, meeting_document_id, page) "
        "VALUES (?, ?, ?)",
        [item_id, due.id, mention.page],
    )


ITEM_COLUMNS = (
    "i.id, i.item_number, i.title, i.url, i.page, i.excerpt, i.vote, i.first_seen_at, "
    "i.updated_at, m.source, m.platform, m.body, m.starts_at, m.title, m.status, m.url, "
    "m.state, m.county, i.alert"
)


def agenda_events(
    db: sqlite_utils.Database,
    *,
    ids: Iterable[int] | None = None,
    state: str | None = None,
    upcoming: bool = False,
    now: dt.datetime | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    """Agenda items as ``agenda_item`` events, soonest meeting first.

    In the alert tables an agenda item's event id is the negative of its id, so it never meets
    an id of the ``events`` table.
    """
    today = (now or dt.datetime.now(dt.UTC)).date().isoformat()
    where: list[str] = ["1 = 1"]
    params: list[str | int] = []
    if ids is not None:
        wanted = [abs(int(i)) for i in ids]
        if not wanted:
            return []
        where.append(f"i.id IN ({', '.join('?' for _ in wanted)})")
        params.extend(wanted)
    if state:
        where.append("m.state = ?")
        params.append(state.upper())
    if upcoming:
        where.append("substr(m.starts_at, 1, 10) >= ? AND m.status != 'cancelled'")
        params.append(today)
    rows = db.execute(
        f"SELECT {ITEM_COLUMNS} FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
        f"WHERE {' AND '.join(where)} ORDER BY m.starts_at, i.id LIMIT {int(limit)}",
        params,
    ).fetchall()
    return [_event(db, row, today) for row in rows]


def _event(db: sqlite_utils.Database, row: tuple[Any, ...], today: str) -> dict[str, Any]:
    (item_id, number, title, url, page, excerpt, vote, first_seen, updated, source, platform,
     body, starts_at, meeting_title, status, meeting_url, state, county, alert) = row  # fmt: skip
    documents = [
        {"kind": d[0], "title": d[1], "url": d[2], "page": d[3]}
        for d in db.execute(
            "SELECT d.kind, d.title, d.url, l.page FROM agenda_item_documents l JOIN "
            "meeting_documents d ON d.id = l.meeting_document_id WHERE l.agenda_item_id = ? "
            "ORDER BY d.id",
            [item_id],
        )
    ]
    return {
        "id": -int(item_id),
        "type": "agenda_item",
        "source": source,
        "platform": platform,
        "state": state,
        "county": county,
        "agency": _place(body, county),
        "support_type": f"meeting of {str(starts_at)[:10]}",
        "jurisdiction": {"state": state, "county": county},
        "body": body,
        "meeting_title": meeting_title,
        "meeting_date": str(starts_at)[:10],
        "starts_at": starts_at,
        "meeting_status": status,
        "meeting_url": meeting_url,
        "upcoming": str(starts_at)[:10] >= today and status != "cancelled",
        "item_number": number,
        "title": title,
        "url": url,
        "page": page,
        "excerpt": excerpt,
        "vote": vote,
        "documents": documents,
        "cost_figures": _figures(db, [d["url"] for d in documents]),
        "observed_at": first_seen,
        "updated_at": updated,
        "alert": bool(alert),
    }


def _place(body: str, county: str | None) -> str:
    """ "Board of Commissioners" says little in a subject line; the county says where."""
    if not county or county.casefold() in body.casefold():
        return body
    return f"{county} County {body}"


def _figures(db: sqlite_utils.Database, urls: list[str]) -> list[dict[str, Any]]:
    if not urls:
        return []
    marks = ", ".join("?" for _ in urls)
    columns = ("amount", "kind", "fiscal_year", "period", "sentence", "url", "page", "doc_date")
    return [
        dict(zip(columns, row, strict=True))
        for row in db.execute(
            f"SELECT {', '.join(columns)} FROM cost_figures WHERE url IN ({marks}) "
            "ORDER BY amount DESC LIMIT 20",
            urls,
        )
    ]


def unqueued_agenda_event_ids(db: sqlite_utils.Database) -> list[int]:
    """Alert ids (negative) of agenda items to alert on that are not queued yet."""
    return [
        -int(row[0])
        for row in db.execute(
            "SELECT id FROM agenda_items WHERE alert = 1 AND -id NOT IN "
            "(SELECT event_id FROM alert_payloads) ORDER BY id"
        )
    ]
