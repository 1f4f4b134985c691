"""What a chat channel receives: the alert's first paragraph and its links, short enough for
a phone's notification, plus the event's data for a JSON webhook."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from watcher.alerts.chat import ChatMessage
from watcher.alerts.context import event_context
from watcher.alerts.render import event_subject, group_for_digest
from watcher.i18n import gettext_for

MAX_DIGEST_LINES = 20


def _lines(ctx: Mapping[str, Any]) -> list[str]:
    _ = gettext_for(ctx["lang"])
    lines = [ctx["lede"], _("This agency's page:") + f" {ctx['agency_url']}"]
    lines.append(_("Records-request letter, ready to send:") + f" {ctx['letter_url']}")
    if ctx["legal"]:
        lines.append(f"{ctx['law_label']}{ctx['legal']['text']} {ctx['legal']['disclaimer']}")
    return lines


def event_message(
    event: Mapping[str, Any],
    *,
    base_url: str,
    unsubscribe_url: str,
    delivery_id: str,
    lang: str = "en",
) -> ChatMessage:
    ctx = event_context(event, base_url, lang)
    unsubscribe = gettext_for(lang)("Unsubscribe:") + f" {unsubscribe_url}"
    text = "\n\n".join([*_lines(ctx), unsubscribe])
    return ChatMessage(
        subject=event_subject(event, lang),
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
    lang: str = "en",
) -> ChatMessage:
    _ = gettext_for(lang)
    groups = group_for_digest(event_context(event, base_url, lang) for event in events)
    lines = []
    for by_type in groups.values():
        for _, items in by_type:
            lines += [f"- {ctx['lede']} {ctx['agency_url']}" for ctx in items]
    shown = lines[:MAX_DIGEST_LINES]
    if len(lines) > len(shown):
        more = _("... and {count} more on {site}")
        shown.append(more.format(count=len(lines) - len(shown), site=base_url or "watcher"))
    return ChatMessage(
        subject=subject,
        text="\n".join([*shown, "", _("Unsubscribe:") + f" {unsubscribe_url}"]),
        delivery_id=delivery_id,
        data={"type": "digest", "events": [dict(event) for event in events]},
    )
