"""``primegov``: a PrimeGov public portal (``https://{site}.primegov.com/``).

A pass reads ``/api/v2/PublicPortal/ListUpcomingMeetings`` and this year's
``/api/v2/PublicPortal/ListArchivedMeetings?year=YYYY``; each document is a compiled
``/Public/CompiledDocument?meetingTemplateId=N&compileOutputType=1``.
"""

from __future__ import annotations

from urllib.parse import urljoin

from watcher.agendas import Listing, Meeting, primegov
from watcher.sources.agenda import AgendaPass, newest_date
from watcher.sources.base import SourceContext, SourceResult

API = "api/v2/PublicPortal/"  # relative: a portal under a path prefix keeps it


def run_primegov(ctx: SourceContext) -> SourceResult:
    agenda = AgendaPass(ctx, "primegov")
    site = str(ctx.source.url)
    site = site if site.endswith("/") else site + "/"
    urls = [
        urljoin(site, API + "ListUpcomingMeetings"),
        urljoin(site, API + f"ListArchivedMeetings?year={agenda.now.year}"),
    ]
    meetings: list[Meeting] = []
    for url in urls:
        listing = primegov.parse_meetings(agenda.get(url).content, url, now=agenda.now)
        agenda.result.notes.extend(listing.notes)
        meetings.extend(listing.meetings)
    unique = {m.source_id: m for m in meetings}
    ordered = sorted(unique.values(), key=lambda m: m.starts_at, reverse=True)
    agenda.record(agenda.chosen(Listing(tuple(ordered))))
    return agenda.finish(newest_date(ordered))
