"""What every source kind gets to work with, and what it reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from watcher.config import SourceConfig
from watcher.fetch import Fetched, FetchPolicy, Validators, fetch
from watcher.ice.apply import Applied, Rules
from watcher.timestamps import iso


@dataclass
class SourceContext:
    db: sqlite_utils.Database
    client: httpx.Client
    source: SourceConfig
    rules: Rules
    policy: FetchPolicy
    sleep: Callable[[float], None]


@dataclass
class SourceResult:
    applied: list[Applied] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rejected documents: the source is unwell

    @property
    def event_ids(self) -> list[int]:
        return [event_id for applied in self.applied for event_id in applied.event_ids]


SourceRunner = Callable[[SourceContext], SourceResult]


def cached_fetch(ctx: SourceContext, url: str) -> Fetched:
    """A conditional GET using the validators of the last successful fetch of ``url``."""
    row = ctx.db.execute(
        "SELECT etag, last_modified FROM http_cache WHERE url = ?", [url]
    ).fetchone()
    validators = Validators(etag=row[0], last_modified=row[1]) if row else None
    return fetch(ctx.client, url, validators=validators, policy=ctx.policy, sleep=ctx.sleep)


def remember_fetch(ctx: SourceContext, fetched: Fetched, sha256: str) -> None:
    """Record validators only once the document was handled, so a crash re-fetches it."""
    ctx.db.execute(
        "INSERT INTO http_cache (url, etag, last_modified, sha256, fetched_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
        "last_modified = excluded.last_modified, sha256 = excluded.sha256, "
        "fetched_at = excluded.fetched_at",
        [fetched.url, fetched.etag, fetched.last_modified, sha256, iso(fetched.fetched_at)],
    )


def cached_body(ctx: SourceContext, url: str) -> bytes | None:
    """The bytes last fetched from ``url`` (for a 304 answer)."""
    row = ctx.db.execute(
        "SELECT b.content FROM http_cache c JOIN blobs b ON b.sha256 = c.sha256 WHERE c.url = ?",
        [url],
    ).fetchone()
    return bytes(row[0]) if row else None
