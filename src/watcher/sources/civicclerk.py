"""``civicclerk``: a CivicClerk portal's OData API (``https://{slug}.api.civicclerk.com/v1/``).

A pass asks ``Events`` for the meetings from ``lookback_days`` ago on
(``$filter=startDateTime ge ...``), following ``@odata.nextLink`` for at most 20 pages; each
published file is read from ``Meetings/GetMeetingFileStream(fileId=N,plainText=false)``. The
cursor is the newest file publication seen.
"""

from __future__ import annotations

from urllib.parse import urlencode

from watcher.agendas import Listing, Meeting, civicclerk
from watcher.sources.agenda import AgendaPass
from watcher.sources.base import SourceContext, SourceResult

MAX_PAGES = 20


def api_base(url: str, client: str | None) -> str:
    """The OData root: from the URL, or from ``client`` when the URL is the public portal
    (``https://{slug}.portal.civicclerk.com/``, as discovery records it)."""
    if client and ".api.civicclerk.com" not in url and "/v1" not in url:
        return f"https://{client}.api.civicclerk.com/v1"
    return civicclerk.api_root(url)


def run_civicclerk(ctx: SourceContext) -> SourceResult:
    agenda = AgendaPass(ctx, "civicclerk")
    api = api_base(str(ctx.source.url), ctx.source.client)
    query = {"$filter": f"startDateTime ge {agenda.horizon}", "$orderby": "startDateTime desc"}
    url: str | None = f"{api}/Events?{urlencode(query, safe='$')}"
    meetings: list[Meeting] = []
    for _ in range(MAX_PAGES):
        if url is None:
            break
        listing = civicclerk.parse_events(agenda.get(url).content, url, now=agenda.now)
        meetings.extend(listing.meetings)
        agenda.result.notes.extend(listing.notes)
        url = listing.next_url
    agenda.record(agenda.chosen(Listing(tuple(meetings))))
    stamps = [m.modified_at for m in meetings if m.modified_at]
    return agenda.finish(max(stamps) if stamps else None)
