"""ICE's 287(g) page: find the participating and pending workbooks and apply each one.

The configured URL may be the ICE page (workbook links found in its HTML, whatever their dated
names; before 2025 the page carried the list itself as HTML tables) or a workbook directly.
"""

from __future__ import annotations

import logging

from watcher.errors import FetchError
from watcher.fetch import Fetched
from watcher.ice.apply import apply_publication
from watcher.ice.parse.page import find_workbook_links, page_has_agreement_table
from watcher.sources.base import (
    SourceContext,
    SourceResult,
    cached_body,
    cached_fetch,
    remember_fetch,
)
from watcher.store.archive import store_blob

log = logging.getLogger(__name__)


def run_ice(ctx: SourceContext) -> SourceResult:
    url = str(ctx.source.url)
    result = SourceResult()
    fetched = cached_fetch(ctx, url)
    body = cached_body(ctx, url) if fetched.not_modified else fetched.content
    if fetched.not_modified and body is None:
        raise FetchError(f"{url}: 304 Not Modified but no earlier copy is archived")
    assert body is not None
    if _looks_like_workbook(body, url):
        _apply(ctx, result, url, fetched if not fetched.not_modified else None, body)
        return result
    links = find_workbook_links(body, fetched.final_url or url)
    if not links:
        if page_has_agreement_table(body):
            _apply(ctx, result, url, None if fetched.not_modified else fetched, body)
            return result
        raise FetchError(f"{url}: no participating or pending workbook link found on the page")
    if not fetched.not_modified:
        with ctx.db.atomic():
            remember_fetch(ctx, fetched, store_blob(ctx.db, body, fetched.fetched_at))
    for label, link in sorted(links.items()):
        log.info("%s: %s workbook %s", ctx.source.name, label, link)
        document = cached_fetch(ctx, link)
        if document.not_modified:
            result.notes.append(f"{link}: not modified")
            continue
        _apply(ctx, result, link, document, document.content)
    return result


def _looks_like_workbook(body: bytes, url: str) -> bool:
    return body[:2] == b"PK" or url.lower().split("?")[0].endswith(".xlsx")


def _apply(
    ctx: SourceContext, result: SourceResult, url: str, fetched: Fetched | None, body: bytes
) -> None:
    if fetched is None:  # not modified since the last fetch: nothing new to apply
        result.notes.append(f"{url}: not modified")
        return
    applied = apply_publication(
        ctx.db,
        source=ctx.source.name,
        content=body,
        url=url,
        as_of=fetched.fetched_at,
        fetched_at=fetched.fetched_at,
        rules=ctx.rules,
        content_type=fetched.content_type,
    )
    result.applied.append(applied)
    if applied.status == "rejected":
        # No validators kept: the next run fetches it again, so only good bytes end the failure.
        result.problems.append(
            f"{url}: rejected: {applied.reason} (publication #{applied.publication_id}; "
            f"if the list is real after all: watcher accept {applied.publication_id})"
        )
        return
    with ctx.db.atomic():
        remember_fetch(ctx, fetched, store_blob(ctx.db, body, fetched.fetched_at))
