"""County documents: one URL (``document``) or an index page of documents (``document_index``).

Each kind ends in :func:`watcher.documents.apply.apply_document`, which extracts the text and the
287(g) cost figures and ties them to the source's jurisdiction.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from watcher.config import Jurisdiction
from watcher.documents.apply import apply_document
from watcher.errors import WatcherError
from watcher.formats.text import DEFAULT_MAX_MARKUP_BYTES
from watcher.sources.base import SourceContext, SourceResult, cached_fetch, remember_fetch

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".pdf", ".htm", ".html", ".txt", ".xlsx", ".csv")


def run_document(ctx: SourceContext) -> SourceResult:
    result = SourceResult()
    fetch_and_apply(ctx, result, str(ctx.source.url))
    return result


def run_document_index(ctx: SourceContext) -> SourceResult:
    """Follow the links on an index page that match ``link_pattern`` (default: documents)."""
    result = SourceResult()
    page = cached_fetch(ctx, str(ctx.source.url))
    if page.not_modified:
        result.notes.append("index page not modified")
        return result
    if len(page.content) > DEFAULT_MAX_MARKUP_BYTES:  # parsed markup costs ~40x its size
        result.notes.append(f"index page cut to its first {DEFAULT_MAX_MARKUP_BYTES:,} bytes")
    markup = page.content[:DEFAULT_MAX_MARKUP_BYTES]
    links = list(index_links(markup, page.final_url, ctx.source.link_pattern))
    for url in links[: ctx.source.max_documents]:
        fetch_and_apply(ctx, result, url, isolate=True)
    remember_fetch(ctx, page, page.sha256)
    return result


def index_links(html: bytes, base_url: str, pattern: str | None) -> Iterator[str]:
    """Absolute URLs of the documents an index page links to, each once, in page order."""
    wanted = re.compile(pattern, re.IGNORECASE) if pattern else None
    seen: set[str] = set()
    for anchor in BeautifulSoup(html, "lxml").find_all("a", href=True):
        url = urljoin(base_url, str(anchor["href"]).strip())
        text = anchor.get_text(" ", strip=True)
        if wanted is not None:
            if not (wanted.search(url) or wanted.search(text)):
                continue
        elif not url.lower().split("?")[0].endswith(DOCUMENT_SUFFIXES):
            continue
        if url not in seen:
            seen.add(url)
            yield url


def fetch_and_apply(
    ctx: SourceContext,
    result: SourceResult,
    url: str,
    *,
    isolate: bool = False,
    doc_date: dt.date | None = None,
) -> None:
    """Fetch one document and apply it; with ``isolate`` a failure is noted, not raised."""
    try:
        fetched = cached_fetch(ctx, url)
    except WatcherError as exc:
        if not isolate:
            raise
        result.problems.append(f"{url}: {exc}")
        return
    if fetched.not_modified:
        result.notes.append(f"{url}: not modified")
        return
    applied = apply_document(
        ctx.db, source=ctx.source.name, url=url, content=fetched.content,
        content_type=fetched.content_type, jurisdiction=source_jurisdiction(ctx),
        fetched_at=fetched.fetched_at, doc_date=doc_date,
    )  # fmt: skip
    result.notes.append(f"{url}: {applied.status}, {applied.figures} figure(s)")
    if applied.status == "failed":
        result.problems.append(f"{url}: {'; '.join(applied.notes)}")
        return
    remember_fetch(ctx, fetched, fetched.sha256)


def source_jurisdiction(ctx: SourceContext) -> Jurisdiction:
    assert ctx.source.jurisdiction is not None  # the config requires one for document kinds
    return ctx.source.jurisdiction
