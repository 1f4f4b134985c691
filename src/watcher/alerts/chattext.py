"""What a chat channel receives: the alert's first paragraph and its links, short enough for
a phone's notification, plus the event's data for a JSON webhook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from watcher.alerts.chat import ChatMessage
from watcher.alerts.render import event_context, event_subject, group_for_digest

MAX_DIGEST_LINES = 20


def _lines(ctx: Mapping[str, Any]) -> list[str]:
    lines = [ctx["lede"], f"This agency's page: {ctx['agency_url']}"]
    lines.append(f"Records-request letter: {ctx['letter_url']}")
    if ctx["legal"]:
        lines.append(f"{ctx['law_label']}{ctx['legal']['text']} {ctx['legal']['disclaimer']}")
    return lines


def event_message(
    event: Mapping[str, Any], *, base_url: str, unsubscribe_url: str, delivery_id: str
) -> ChatMessage:
    ctx = event_context(event, base_url)
    text = "\n\n".join([*_lines(ctx), f"Unsubscribe: {unsubscribe_url}"])
    return ChatMessage(
        subject=event_subject(event),
        text=text,
        delivery_id=delivery_id,
        data={
            "type": "event",
            "event": dict(event),
            "links": {"agency": ctx["agency_url"], "records_request": ctx["letter_url"]},
        },
    )


def digest_message(
    events: Sequence[Mapping[str, Any]],
    *,
    subject: str,
    base_url: str,
    unsubscribe_url: str,
    delivery_id: str,
) -> ChatMessage:
    groups = group_for_digest(event_context(event, base_url) for event in events)
    lines = []
    for by_type in groups.values():
        for _, items in by_type:
            lines += [f"- {ctx['lede']} {ctx['agency_url']}" for ctx in items]
    shown = lines[:MAX_DIGEST_LINES]
    if len(lines) > len(shown):
        shown.append(f"... and {len(lines) - len(shown)} more on {base_url or 'the web site'}")
    return ChatMessage(
        subject=subject,
        text="\n".join([*shown, "", f"Unsubscribe: {unsubscribe_url}"]),
        delivery_id=delivery_id,
        data={"type": "digest", "events": [dict(event) for event in events]},
    )
