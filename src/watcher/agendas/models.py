"""What every agenda platform is turned into: meetings with their documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocKind = Literal["agenda", "packet", "minutes", "item", "attachment"]
Status = Literal["upcoming", "past", "cancelled"]


@dataclass(frozen=True)
class MeetingDocument:
    """A document a meeting lists: the agenda, the packet, minutes, an item or an attachment.

    For an agenda item ``title`` is the item's text (it may itself mention 287(g)) and ``url``
    the place the item can be read; ``action`` is what the minutes record ("Approved 4-1").
    """

    kind: DocKind
    title: str
    url: str
    item_number: str | None = None
    action: str | None = None
    ref: str | None = None  # the platform's id for follow-up requests (a Legistar matter id)


@dataclass(frozen=True)
class Meeting:
    """One meeting of one body, as a platform lists it.

    ``starts_at`` is ISO 8601: a date and time with its offset where the platform states one,
    local time without offset where it does not, a bare date where it gives no time.
    ``modified_at`` is the platform's own last-modified stamp (the cursor), when it has one.
    """

    platform: str
    source_id: str
    body: str
    starts_at: str
    title: str
    status: Status
    url: str | None
    documents: tuple[MeetingDocument, ...] = ()
    modified_at: str | None = None

    @property
    def date(self) -> str:
        return self.starts_at[:10]


@dataclass(frozen=True)
class Listing:
    """A parsed listing: its meetings, newest first, and what the parser had to say."""

    meetings: tuple[Meeting, ...]
    notes: tuple[str, ...] = field(default=())
    next_url: str | None = None  # the platform's link to the next page, when it pages
