"""``legistar``: a county's Legistar Web API (``webapi.legistar.com/v1/{client}``), or its
website's ``Calendar.aspx`` when the API is closed.

A pass asks ``/events`` only for what changed since the cursor (the newest
``EventLastModifiedUtc`` seen; on the first pass, meetings from ``lookback_days`` ago on),
1,000 rows a page with ``$top``/``$skip``; then each event's items with their matter attachments
(``/events/{id}/eventitems?AgendaNote=1&MinutesNote=1&Attachments=1``) and, for an item that
mentions 287(g) without attachments in that answer, ``/matters/{id}/attachments``.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote, urlencode

from watcher.agendas import Listing, Meeting, MeetingDocument, legistar
from watcher.documents.agenda_items import mentions_287g
from watcher.errors import FetchError, ParseError, TransientFetchError, WatcherError
from watcher.sources.agenda import AgendaPass
from watcher.sources.base import SourceContext, SourceResult

PAGE = 1000
MAX_PAGES = 20  # 20,000 changed events in one pass: the rest next pass


def run_legistar(ctx: SourceContext) -> SourceResult:
    agenda = AgendaPass(ctx, "legistar")
    try:
        meetings = _api_meetings(agenda)
    except TransientFetchError:
        raise  # the host is not answering: no fallback would fare better
    except (FetchError, ParseError) as exc:
        agenda.result.notes.append(f"Web API unavailable ({exc}); reading Calendar.aspx")
        return _calendar(agenda)
    chosen = agenda.chosen(Listing(tuple(meetings)))
    agenda.record(_with_items(agenda, meeting) for meeting in chosen)
    stamps = [m.modified_at for m in meetings if m.modified_at]
    return agenda.finish(max(stamps) if stamps else None)


def _api_base(agenda: AgendaPass) -> str:
    source = agenda.ctx.source
    return str(source.url).rstrip("/") + "/" + quote(source.client or "")


def _query(agenda: AgendaPass, params: dict[str, str]) -> str:
    if agenda.ctx.source.token:
        params = {**params, "token": agenda.ctx.source.token}
    return urlencode(params, safe="$',()")


def _api_meetings(agenda: AgendaPass) -> list[Meeting]:
    cursor = agenda.cursor
    if cursor:
        stamp = cursor.removesuffix("Z")
        condition = f"EventLastModifiedUtc gt datetime'{stamp}'"
    else:
        condition = f"EventDate ge datetime'{agenda.horizon}'"
    meetings: list[Meeting] = []
    for page in range(MAX_PAGES):
        params = {"$filter": condition, "$orderby": "EventId", "$top": str(PAGE)}
        params["$skip"] = str(page * PAGE)
        url = f"{_api_base(agenda)}/events?{_query(agenda, params)}"
        rows = legistar.parse_events(agenda.get(url).content, now=agenda.now, limit=PAGE)
        meetings.extend(rows.meetings)
        if len(rows.meetings) < PAGE:
            return meetings
    agenda.result.notes.append(f"more than {PAGE * MAX_PAGES} changed events; the rest next pass")
    return meetings


def _with_items(agenda: AgendaPass, meeting: Meeting) -> Meeting:
    """The event's agenda items and their attachments, added to its documents."""
    base = f"{_api_base(agenda)}/events/{quote(meeting.source_id)}/eventitems"
    params = {"AgendaNote": "1", "MinutesNote": "1", "Attachments": "1"}
    try:
        fetched = agenda.get(f"{base}?{_query(agenda, params)}")
        items = legistar.parse_event_items(fetched.content, base)
    except WatcherError as exc:
        agenda.result.problems.append(f"{base}: {exc}")
        return meeting
    extra: list[MeetingDocument] = list(items)
    attached = {d.item_number for d in items if d.kind == "attachment"}
    for item in items:
        wanted = item.kind == "item" and item.ref and mentions_287g(item.title)
        if wanted and (item.item_number is None or item.item_number not in attached):
            extra.extend(_matter_attachments(agenda, item))
    return replace(meeting, documents=meeting.documents + tuple(extra))


def _matter_attachments(agenda: AgendaPass, item: MeetingDocument) -> list[MeetingDocument]:
    url = f"{_api_base(agenda)}/matters/{quote(item.ref or '')}/attachments"
    try:
        found = legistar.parse_matter_attachments(agenda.get(f"{url}?{_query(agenda, {})}").content)
    except WatcherError as exc:
        agenda.result.problems.append(f"{url}: {exc}")
        return []
    return [replace(document, item_number=item.item_number) for document in found]


def _calendar(agenda: AgendaPass) -> SourceResult:
    source = agenda.ctx.source
    url = str(source.calendar_url or f"https://{source.client}.legistar.com/Calendar.aspx")
    content = agenda.listing_page(url)
    if content is None:
        return agenda.finish(None)
    listing = legistar.parse_calendar(content, url, now=agenda.now)
    chosen = agenda.chosen(listing)
    agenda.record(chosen)
    return agenda.finish(None)
