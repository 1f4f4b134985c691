"""What each outbox row says: its email (built whole, or stamped from its content's template,
see ``mailmerge``) or its chat message, with the payloads, renderers and templates of one
delivery run; and the queued rows themselves (`Due`, `due_rows`). Sending them and recording
the outcomes is :mod:`watcher.alerts.sending`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from watcher.alerts.chat import ChatMessage
from watcher.alerts.chattext import digest_message, event_message
from watcher.alerts.mailmerge import UNSUBSCRIBE_MARK, MergeTemplate, make_template
from watcher.alerts.models import OutgoingMessage
from watcher.alerts.render import Renderer, build_message, event_subject

__all__ = ["Composer", "Due", "due_rows"]

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


class Composer:
    """Messages for the rows of one delivery run (one date, sender and site address)."""

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
        self.base_url = base_url.rstrip("/")
        self.from_addr = from_addr
        self.domain = from_addr.rpartition("@")[2].strip(" >") or "watcher.invalid"
        self.operator_addr = operator_addr
        self.renderers: dict[str, Renderer] = {}
        self.payloads: dict[int, dict[str, Any]] = {}
        self.templates: dict[tuple[object, ...], MergeTemplate | None] = {}
        self.seen: set[tuple[object, ...]] = set()
        self.prepared: tuple[int, OutgoingMessage | Exception] | None = None

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

    def unsubscribe_url(self, row: Due) -> str:
        return f"{self.base_url}/unsubscribe/{row.token}"

    def digest(self, row: Due) -> tuple[list[int], str]:
        """A digest row's event ids and cadence."""
        data = json.loads(row.payload or "")
        return list(data["event_ids"]), data.get("cadence") or row.cadence or "daily"

    def chat_message(self, row: Due) -> ChatMessage:
        lang = row.lang or "en"
        unsub = self.unsubscribe_url(row)
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
        ids, cadence = self.digest(row)
        events = [self.payload(i) for i in ids]
        subject, _ = self.renderer(lang).digest_parts(
            events, cadence=cadence, unsubscribe_url=unsub
        )
        return digest_message(
            events,
            subject=subject,
            base_url=self.base_url,
            unsubscribe_url=unsub,
            delivery_id=delivery_id,
            lang=lang,
        )

    def prepare(self, row: Due | None) -> None:
        """Build `row`'s message ahead of its turn; an error is raised at its turn."""
        self.prepared = None
        if row is None or not row.active or row.kind == "operator":
            return
        if row.channel not in (None, "email"):
            return
        try:
            self.prepared = (row.id, self.message(row))
        except Exception as err:  # raised, as it is, when the row's turn comes
            self.prepared = (row.id, err)

    def take_prepared(self, row: Due) -> OutgoingMessage:
        found, self.prepared = self.prepared, None
        if found is None or found[0] != row.id:
            return self.message(row)
        if isinstance(found[1], Exception):
            raise found[1]
        return found[1]

    def content(self, row: Due, unsub: str | None) -> tuple[str, str, str | None]:
        """Subject, plain text and HTML of an event or digest row."""
        if row.kind == "event":
            if row.event_id is None:
                raise LookupError("event message without an event")
            event = self.payload(row.event_id)
            text, html_body = self.renderer(row.lang).event_parts(event, unsub)
            return event_subject(event, row.lang or "en"), text, html_body
        ids, cadence = self.digest(row)
        events = [self.payload(i) for i in ids]
        subject, (text, html_body) = self.renderer(row.lang).digest_parts(
            events, cadence=cadence, unsubscribe_url=unsub
        )
        return subject, text, html_body

    def merged(self, row: Due, unsub: str) -> OutgoingMessage | None:
        """The message stamped from its content's template (built on the content's second
        message: a digest's content is often one subscriber's alone), or None."""
        if row.kind == "event":
            key: tuple[object, ...] = (row.lang, row.event_id)
        else:
            ids, cadence = self.digest(row)
            key = (row.lang, cadence, tuple(ids))
        if key not in self.templates:
            if key not in self.seen:
                if len(self.seen) > 4096:
                    self.seen.clear()
                self.seen.add(key)
                return None
            subject, text, html_body = self.content(row, UNSUBSCRIBE_MARK)
            if len(self.templates) > 256:
                self.templates.clear()
            self.templates[key] = (
                None
                if html_body is None
                else make_template(
                    subject=subject,
                    text=text,
                    html_body=html_body,
                    from_addr=self.from_addr,
                    date_=self.now,
                )
            )
        template = self.templates[key]
        if template is None:
            return None
        return template.stamp(
            to_addr=row.to_addr or "",
            message_id=f"<{row.message_id}@{self.domain}>",
            unsubscribe_url=unsub,
        )

    def message(self, row: Due) -> OutgoingMessage:
        unsub = None if row.kind == "operator" else self.unsubscribe_url(row)
        to_addr = row.to_addr or ""
        html_body: str | None
        if row.kind == "operator":
            data = json.loads(row.payload or "")
            subject, text, html_body = data["subject"], data["body"], data.get("html")
            to_addr = to_addr or self.operator_addr or ""
        else:
            merged = self.merged(row, unsub or "")
            if merged is not None:
                return merged
            subject, text, html_body = self.content(row, unsub)
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
