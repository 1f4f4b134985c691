"""PrimeGov public portal API: ``/api/v2/PublicPortal/ListUpcomingMeetings``,
``ListArchivedMeetings?year=YYYY`` (and ``ListArchivedMeetingsByCommitteeId``), and the rows of
``PublicPortal/search``.

A meeting is ``{id, title, dateTime (local, no offset), documentList: [{templateId,
templateName, compileOutputType}]}``. A document is read from
``/Public/CompiledDocument?meetingTemplateId={templateId}&compileOutputType={n}`` (1 PDF,
3 HTML); the PDF is kept where both exist, as they hold the same agenda.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from ..errors import ParseError
from .common import (
    CANCELLED,
    MAX_MEETINGS,
    cap,
    dedupe_documents,
    find_date,
    load_json,
    status_for,
    text_of,
)
from .models import DocKind, Listing, Meeting, MeetingDocument

PLATFORM = "primegov"


def parse_meetings(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    data = load_json(content, "a PrimeGov meeting list")
    if not isinstance(data, list):
        raise ParseError("expected a PrimeGov meeting list (a JSON array)")
    parts = urlsplit(base_url)
    site = f"{parts.scheme}://{parts.netloc}"
    meetings: dict[str, Meeting] = {}
    for row in data:
        meeting = _meeting(row, site, now) if isinstance(row, dict) else None
        if meeting is None:
            continue
        earlier = meetings.get(meeting.source_id)
        if earlier is not None:  # search rows: one per document of the meeting
            merged = dedupe_documents(earlier.documents + meeting.documents)
            meeting = replace(earlier, documents=merged)
        meetings[meeting.source_id] = meeting
    if data and not meetings:
        raise ParseError(
            "expected PrimeGov meetings (objects with id and dateTime), got other records"
        )
    return cap(meetings.values(), "PrimeGov meetings", limit)


def _meeting(row: dict[str, Any], site: str, now: dt.datetime | None) -> Meeting | None:
    meeting_id = row.get("meetingId") if "meetingTitle" in row else row.get("id")
    raw = str(row.get("dateTime") or row.get("meetingDate") or "")
    if meeting_id is None or find_date(raw) is None:
        return None
    when = raw[:19] if len(raw) >= 19 else raw[:10]
    title = text_of(row.get("title") if "meetingTitle" not in row else row.get("meetingTitle"), 300)
    documents = _documents(row.get("documentList"), site, title)
    return Meeting(
        platform=PLATFORM,
        source_id=str(meeting_id),
        body=title or "(no body named)",
        starts_at=when,
        title=title,
        # "Notice of Cancellation" is published as the meeting's document.
        status=status_for(
            when,
            now,
            cancelled=any(CANCELLED.search(t) for t in [title, *(d.title for d, _ in documents)]),
        ),
        url=f"{site}/Portal/Meeting?meetingTemplateId={documents[0][1]}" if documents else None,
        documents=dedupe_documents(d for d, _ in documents),
    )


def _documents(rows: object, site: str, title: str) -> list[tuple[MeetingDocument, str]]:
    found: list[tuple[MeetingDocument, str]] = []
    entries = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
    pdf_templates = {str(r.get("templateId")) for r in entries if r.get("compileOutputType") == 1}
    for entry in entries:
        template, output = str(entry.get("templateId") or ""), entry.get("compileOutputType")
        if not template or (output != 1 and template in pdf_templates):
            continue
        name = text_of(entry.get("templateName"), 200) or "Document"
        query = f"meetingTemplateId={template}&compileOutputType={output}"
        url = f"{site}/Public/CompiledDocument?{query}"
        found.append((MeetingDocument(_kind(name), f"{title} {name}".strip(), url), template))
    return found


def _kind(name: str) -> DocKind:
    lowered = name.lower()
    if "packet" in lowered:
        return "packet"
    if "minutes" in lowered or "journal" in lowered:
        return "minutes"
    if "agenda" in lowered:
        return "agenda"
    return "attachment"
