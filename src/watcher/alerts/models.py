"""The shapes the alerts package exchanges with the rest of watcher."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict

from watcher.i18n import N_

EventType = Literal[
    "new", "renewal", "withdrawal", "rename", "relabel", "pending", "reinstated", "agenda_item"
]
Cadence = Literal["immediate", "daily", "weekly"]

EVENT_TYPES: tuple[str, ...] = (
    "new",
    "renewal",
    "withdrawal",
    "rename",
    "relabel",
    "pending",
    "reinstated",
    "agenda_item",
)
# Corrections of ICE's listing, not changes of an agreement: emailed only to subscribers who
# chose the type, never to those who left the type filter empty ("everything").
OPT_IN_TYPES: frozenset[str] = frozenset({"relabel"})
CADENCES: tuple[str, ...] = ("immediate", "daily", "weekly")

# Subject prefixes, one per event type (the issue fixes the wording).
EVENT_HEADLINES: dict[str, str] = {
    "new": N_("New 287(g) agreement"),
    "renewal": N_("287(g) agreement renewed"),
    "withdrawal": N_("287(g) agreement withdrawn"),
    "rename": N_("287(g) agency renamed"),
    "relabel": N_("287(g) listing corrected"),
    "pending": N_("Pending 287(g) agreement"),
    "reinstated": N_("287(g) agreement reinstated"),
    # A county agenda item about 287(g): the alert that can come before the vote.
    "agenda_item": N_("287(g) on a county agenda"),
}


class AlertEvent(TypedDict):
    """One detected change, as the detector hands it over. Optional keys may be absent."""

    id: int
    type: str  # one of EVENT_TYPES
    state: str
    agency: str
    county: str | None
    support_type: str
    signed: str | None
    previous_signed: str | None
    previous_agency: str | None
    moa_url: str | None
    observed_at: str
    source: str
    # JSON-ready, as the payload is stored: each cost figure carries the archived fields of a
    # watcher.costs.CostFigure (see watcher.alerts.enrich.FIGURE_FIELDS) and each reference
    # figure those of a watcher.costs.ReferenceFigure; legal_context is
    # watcher.law.LegalContext.to_dict().
    cost_figures: list[dict[str, Any]]
    reference_figures: list[dict[str, Any]]
    legal_context: NotRequired[dict[str, Any] | None]
    records_request_hint: NotRequired[str | None]
    detail: NotRequired[dict[str, Any] | None]  # e.g. a relabel's previous_county


class SubscriptionError(ValueError):
    """A subscription request is invalid; the message says which part and why."""


@dataclass(frozen=True)
class Subscriber:
    id: int
    email: str
    states: tuple[str, ...]
    counties: tuple[str, ...]
    agencies: tuple[str, ...]
    types: tuple[str, ...]
    cadence: str
    confirmed: bool
    created_at: str
    token: str
    unsubscribed_at: str | None = None
    bouncing: bool = False
    channel: str = "email"  # or the chat service whose URL (placeholders, no secret) is `email`
    lang: str = "en"

    def public_dict(self) -> dict[str, Any]:
        """What `watcher subscribers --json` prints: everything but the secret token."""
        return {
            "email": self.email,
            "states": list(self.states),
            "counties": list(self.counties),
            "agencies": list(self.agencies),
            "types": list(self.types),
            "cadence": self.cadence,
            "confirmed": self.confirmed,
            "created_at": self.created_at,
            "unsubscribed_at": self.unsubscribed_at,
            "bouncing": self.bouncing,
            "channel": self.channel,
            "lang": self.lang,
        }


@dataclass(frozen=True)
class OutgoingMessage:
    """A rendered message: envelope addresses, its stable Message-ID, and the bytes (CRLF)."""

    from_addr: str
    to_addr: str
    message_id: str
    data: bytes


@dataclass
class DeliveryReport:
    sent: int = 0
    retry_later: int = 0  # temporary failures, rescheduled with backoff
    failed: int = 0  # permanent failures (or too many temporary ones)
    cancelled: int = 0  # subscriber unsubscribed or bouncing before the send
    deferred: int = 0  # left untouched because the server could not be reached
    errors: list[str] = field(default_factory=list)

    @property
    def attempted(self) -> int:
        return self.sent + self.retry_later + self.failed
