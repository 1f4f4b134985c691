"""CivicClerk: the OData Events API, ``https://{slug}.api.civicclerk.com/v1/Events``.

The answer is ``{"@odata.context": ..., "value": [event, ...], "@odata.nextLink"?: ...}``; an
event has ``id``, ``eventName``, ``categoryName`` (the body), ``startDateTime``, ``isPublished``
and ``publishedFiles`` (``fileId``, ``type`` Agenda / Agenda Packet / Minutes, ``name``,
``publishOn``). A file is read from ``/v1/Meetings/GetMeetingFileStream(fileId=N,plainText=false)``.

``startDateTime`` carries a "Z" but is the county's local time (Mandan's 5:30 PM commission
meeting is "17:30:00Z"), so the offset is dropped rather than trusted.
"""

from __future__ import annotations

import datetime as dt
import re
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

PLATFORM = "civicclerk"


def parse_events(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    data = load_json(content, "CivicClerk events (OData)")
    if isinstance(data, list):
        rows: list[Any] = data
        next_url = None
    elif isinstance(data, dict) and isinstance(data.get("value"), list):
        rows = data["value"]
        next_url = data.get("@odata.nextLink")
    else:
        raise ParseError("expected CivicClerk events (an OData object with a 'value' list)")
    api = api_root(base_url)
    meetings = [_event(row, api, now) for row in rows if isinstance(row, dict) and "id" in row]
    if rows and not meetings:
        raise ParseError("expected CivicClerk events (objects with id), got other records")
    listing = cap([m for m in meetings if m is not None], "CivicClerk events", limit)
    return Listing(listing.meetings, listing.notes, str(next_url) if next_url else None)


def api_root(base_url: str) -> str:
    """``https://slug.api.civicclerk.com/v1`` from any URL under it (or the host's ``/v1``)."""
    match = re.match(r"^(https?://[^?#]*?/v1)(?:[/?#]|$)", base_url, re.IGNORECASE)
    if match:
        return match.group(1)
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}/v1"


def file_url(api: str, file_id: object) -> str:
    return f"{api}/Meetings/GetMeetingFileStream(fileId={file_id},plainText=false)"


def _event(row: dict[str, Any], api: str, now: dt.datetime | None) -> Meeting | None:
    raw = str(row.get("startDateTime") or row.get("eventDate") or "")
    if find_date(raw) is None or row.get("isDeleted") is True:
        return None
    when = raw[:19] if len(raw) >= 19 else raw[:10]
    body = (
        text_of(row.get("categoryName") or row.get("eventCategoryName"), 200) or "(no body named)"
    )
    title = text_of(row.get("eventName"), 300) or body
    documents = []
    files = row.get("publishedFiles")
    for file in files if isinstance(files, list) else []:
        if isinstance(file, dict) and file.get("fileId"):
            kind = _kind(str(file.get("type") or ""))
            name = text_of(file.get("name"), 300) or f"{title} {file.get('type')}"
            documents.append(MeetingDocument(kind, name, file_url(api, file["fileId"])))
    published = [
        str(f.get("publishOn")) for f in files or [] if isinstance(f, dict) and f.get("publishOn")
    ]
    portal = api.replace(".api.", ".portal.").removesuffix("/v1")
    return Meeting(
        platform=PLATFORM,
        source_id=str(row["id"]),
        body=body,
        starts_at=when,
        title=title,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(title))),
        url=f"{portal}/event/{row['id']}/files",
        documents=dedupe_documents(documents),
        modified_at=max(published) if published else None,
    )


def _kind(file_type: str) -> DocKind:
    lowered = file_type.lower()
    if "packet" in lowered:
        return "packet"
    if "minutes" in lowered:
        return "minutes"
    if "agenda" in lowered:
        return "agenda"
    return "attachment"
