"""``legistar``: a county's Legistar Web API; matters whose title mentions 287(g), and their
attachments, applied as documents."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from urllib.parse import quote

from watcher.documents.apply import apply_document
from watcher.errors import FetchError
from watcher.fetch import fetch
from watcher.sources.base import SourceContext, SourceResult
from watcher.sources.document import fetch_and_apply, source_jurisdiction

LEGISTAR_PAGE = 1000


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
            content_type="text/plain", jurisdiction=source_jurisdiction(ctx),
            fetched_at=dt.datetime.now(dt.UTC), doc_date=when,
            title=str(matter.get("MatterTitle") or "")[:300] or None,
        )  # fmt: skip
        result.notes.append(f"{matter_url}: {applied.status}, {applied.figures} figure(s)")
        attachments = _get_json(ctx, f"{matter_url}/attachments")
        for attachment in attachments if isinstance(attachments, list) else []:
            link = attachment.get("MatterAttachmentHyperlink")
            if link:
                fetch_and_apply(ctx, result, str(link), isolate=True, doc_date=when)
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
