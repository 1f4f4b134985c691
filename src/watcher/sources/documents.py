"""County documents: one URL, an index page of documents, or a Legistar client's agenda items.

Each kind ends in :func:`watcher.documents.apply_document`, which extracts the text and the
287(g) cost figures and ties them to the source's jurisdiction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from urllib.parse import quote, urljoin

from bs4 import BeautifulSoup

from ..config import Jurisdiction
from ..documents import apply_document
from ..errors import FetchError, WatcherError
from ..fetch import fetch
from . import register
from .base import SourceContext, SourceResult, cached_fetch, remember_fetch

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".pdf", ".htm", ".html", ".txt", ".xlsx", ".csv")
LEGISTAR_PAGE = 1000


@register("document")
def run_document(ctx: SourceContext) -> SourceResult:
    result = SourceResult()
    _fetch_and_apply(ctx, result, str(ctx.source.url))
    return result


@register("document_index")
def run_document_index(ctx: SourceContext) -> SourceResult:
    """Follow the links on an index page that match ``link_pattern`` (default: documents)."""
    result = SourceResult()
    page = cached_fetch(ctx, str(ctx.source.url))
    if page.not_modified:
        result.notes.append("index page not modified")
        return result
    links = list(index_links(page.content, page.final_url, ctx.source.link_pattern))
    for url in links[: ctx.source.max_documents]:
        _fetch_and_apply(ctx, result, url, isolate=True)
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


@register("legistar")
def run_legistar(ctx: SourceContext) -> SourceResult:
    """Matters whose title mentions 287(g), as documents, plus their attachments."""
    result = SourceResult()
    base = str(ctx.source.url).rstrip("/") + "/" + quote(ctx.source.client or "")
    for matter in _legistar_matters(ctx, base):
        matter_url = f"{base}/matters/{matter['MatterId']}"
        when = _legistar_date(matter.get("MatterAgendaDate") or matter.get("MatterIntroDate"))
        text = "\n".join(
            str(matter.get(key) or "")
            for key in ("MatterFile", "MatterName", "MatterTitle", "MatterBodyName")
        )
        applied = apply_document(
            ctx.db, source=ctx.source.name, url=matter_url, content=text.encode(),
            content_type="text/plain", jurisdiction=_jurisdiction(ctx),
            fetched_at=dt.datetime.now(dt.UTC), doc_date=when,
            title=str(matter.get("MatterTitle") or "")[:300] or None,
        )  # fmt: skip
        result.notes.append(f"{matter_url}: {applied.status}, {applied.figures} figure(s)")
        attachments = _get_json(ctx, f"{matter_url}/attachments")
        for attachment in attachments if isinstance(attachments, list) else []:
            link = attachment.get("MatterAttachmentHyperlink")
            if link:
                _fetch_and_apply(ctx, result, str(link), isolate=True, doc_date=when)
    return result


def _legistar_matters(ctx: SourceContext, base: str) -> Iterator[dict[str, object]]:
    seen: set[object] = set()
    for term in ctx.source.search_terms:
        literal = term.replace("'", "''")
        skip = 0
        while True:
            url = (
                f"{base}/matters?$filter=substringof('{quote(literal)}',MatterTitle)"
                f"&$top={LEGISTAR_PAGE}&$skip={skip}"
            )
            page = _get_json(ctx, url)
            if not isinstance(page, list):
                raise FetchError(f"{url}: expected a JSON list of matters")
            for matter in page:
                if isinstance(matter, dict) and matter.get("MatterId") not in seen:
                    seen.add(matter.get("MatterId"))
                    yield matter
            if len(page) < LEGISTAR_PAGE:
                break
            skip += LEGISTAR_PAGE


def _get_json(ctx: SourceContext, url: str) -> object:
    # Not conditional: a search answer has no validators worth keeping.
    fetched = fetch(ctx.client, url, policy=ctx.policy, sleep=ctx.sleep)
    try:
        return json.loads(fetched.content)
    except ValueError:
        raise FetchError(
            f"{url}: the answer is not JSON (is the Legistar client name right?)"
        ) from None


def _legistar_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _fetch_and_apply(
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
        content_type=fetched.content_type, jurisdiction=_jurisdiction(ctx),
        fetched_at=fetched.fetched_at, doc_date=doc_date,
    )  # fmt: skip
    result.notes.append(f"{url}: {applied.status}, {applied.figures} figure(s)")
    if applied.status == "failed":
        result.problems.append(f"{url}: {'; '.join(applied.notes)}")
        return
    remember_fetch(ctx, fetched, fetched.sha256)


def _jurisdiction(ctx: SourceContext) -> Jurisdiction:
    assert ctx.source.jurisdiction is not None  # the config requires one for document kinds
    return ctx.source.jurisdiction
