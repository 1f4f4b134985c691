"""What every agenda-platform source does once it has a platform's meetings: keep the recent and
upcoming ones, record them, fetch their new documents and scan them for 287(g) items.

Requests are paced per host (one at a time, since sources run one after another, and at least
``min_interval`` seconds apart: CivicPlus blocks clients that hurry). A pass is bounded: meetings
from ``lookback_days`` ago on, at most ``max_meetings`` of them and ``max_documents`` documents;
what is left waits for the next pass. A document that cannot be fetched or read is a problem of
the source (it fails, the others run) and changes nothing in the archive; the cursor moves only
after a pass without problems, so the next pass asks again.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from watcher.agendas import Listing, Meeting
from watcher.config import Jurisdiction
from watcher.documents.agenda_items import mentions_287g
from watcher.documents.meetings import (
    DueDocument,
    documents_due,
    get_cursor,
    mark_scanned,
    record_meeting,
    scan_document,
    set_cursor,
)
from watcher.errors import WatcherError
from watcher.fetch import Fetched, fetch
from watcher.sources.base import SourceContext, SourceResult, cached_fetch, remember_fetch
from watcher.timestamps import utc_now

log = logging.getLogger(__name__)

# Seconds between two requests to one host, per platform, unless the source sets min_interval.
DEFAULT_INTERVAL = {"civicplus": 2.0}
_last_request: dict[str, float] = {}  # host -> time.monotonic() of its last request


@dataclass
class AgendaPass:
    ctx: SourceContext
    platform: str
    result: SourceResult = field(default_factory=SourceResult)
    now: dt.datetime = field(default_factory=utc_now)
    documents_left: int = 0
    listing_pages: list[Fetched] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.documents_left = self.ctx.source.max_documents

    @property
    def jurisdiction(self) -> Jurisdiction:
        assert self.ctx.source.jurisdiction is not None  # the config requires one
        return self.ctx.source.jurisdiction

    @property
    def horizon(self) -> str:
        """The oldest meeting date a pass looks at."""
        return (self.now.date() - dt.timedelta(days=self.ctx.source.lookback_days)).isoformat()

    @property
    def cursor(self) -> str | None:
        return get_cursor(self.ctx.db, self.ctx.source.name)

    def get(self, url: str, *, conditional: bool = False) -> Fetched:
        """One paced GET through the polite fetcher (conditional for listing pages)."""
        self.pace(url)
        if conditional:
            return cached_fetch(self.ctx, url)
        return fetch(self.ctx.client, url, policy=self.ctx.policy, sleep=self.ctx.sleep)

    def pace(self, url: str) -> None:
        interval = self.ctx.source.min_interval
        if interval is None:
            interval = DEFAULT_INTERVAL.get(self.platform, 0.0)
        host = urlsplit(url).netloc
        last = _last_request.get(host)
        if interval > 0 and last is not None:
            wait = last + interval - time.monotonic()
            if wait > 0:
                self.ctx.sleep(wait)
        _last_request[host] = time.monotonic()

    def listing_page(self, url: str) -> bytes | None:
        """A listing page, conditionally: None when it has not changed since the last pass."""
        fetched = self.get(url, conditional=True)
        if fetched.not_modified:
            self.result.notes.append(f"{url}: not modified")
            return None
        self.listing_pages.append(fetched)
        return fetched.content

    def chosen(self, listing: Listing) -> list[Meeting]:
        """Recent and upcoming meetings, at most max_meetings, newest first."""
        self.result.notes.extend(listing.notes)
        ordered = sorted(listing.meetings, key=lambda m: m.starts_at, reverse=True)
        recent = [m for m in ordered if m.date >= self.horizon]
        limit = self.ctx.source.max_meetings
        if len(recent) > limit:
            self.result.notes.append(
                f"{len(recent)} meetings since {self.horizon}; this pass takes the newest {limit}"
            )
        return recent[:limit]

    def record(self, meetings: Iterable[Meeting]) -> None:
        """Record each meeting and scan its due documents, within the pass's document budget."""
        for meeting in meetings:
            meeting_id = record_meeting(
                self.ctx.db, source=self.ctx.source.name, meeting=meeting,
                jurisdiction=self.jurisdiction, now=self.now,
            )  # fmt: skip
            for due in documents_due(self.ctx.db, meeting_id):
                if due.kind == "item" and not mentions_287g(due.title):
                    # An item's text is all there is to read: nothing to fetch, nothing to keep.
                    mark_scanned(self.ctx.db, due, self.now)
                    continue
                if self.documents_left <= 0:
                    self.result.notes.append(
                        "document budget of this pass spent; the rest next pass"
                    )
                    return
                self.documents_left -= 1
                self._scan(due)

    def _scan(self, due: DueDocument) -> None:
        fetched: Fetched | None = None
        if due.kind == "item":
            content, fetched_at = due.title.encode(), self.now
            content_type: str | None = "text/plain"
        else:
            try:
                fetched = self.get(due.url, conditional=True)
            except WatcherError as exc:
                self.result.problems.append(f"{due.url}: {exc}")
                return
            if fetched.not_modified:
                mark_scanned(self.ctx.db, due, self.now)
                return
            content, content_type, fetched_at = (
                fetched.content, fetched.content_type, fetched.fetched_at,
            )  # fmt: skip
        applied = scan_document(
            self.ctx.db, source=self.ctx.source.name, due=due, content=content,
            content_type=content_type, fetched_at=fetched_at, jurisdiction=self.jurisdiction,
            now=self.now,
        )  # fmt: skip
        self.result.notes.append(f"{due.url}: {applied.status}, {applied.figures} figure(s)")
        if applied.status == "failed":
            self.result.problems.append(f"{due.url}: {'; '.join(applied.notes)}")
        elif fetched is not None:
            remember_fetch(self.ctx, fetched, fetched.sha256)

    def finish(self, cursor: str | None) -> SourceResult:
        """Keep the listing validators and move the cursor, only after a clean pass."""
        if not self.result.problems:
            with self.ctx.db.atomic():
                for page in self.listing_pages:
                    remember_fetch(self.ctx, page, page.sha256)
                if cursor:
                    set_cursor(self.ctx.db, self.ctx.source.name, cursor, self.now)
        return self.result


def newest_date(meetings: Iterable[Meeting]) -> str | None:
    """The "last meeting seen" cursor of platforms without a last-modified stamp."""
    return max((m.date for m in meetings), default=None)
