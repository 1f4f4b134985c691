"""NovusAgenda (Granicus): ``agendapublic/meetingsgeneral.aspx`` (also the search page).

The meetings are a Telerik grid (``table`` whose id contains ``radGridMeetings``) with header
columns Meeting Date (MM/DD/YY), Meeting Type (the body), Meeting Location, Online Agenda
(``MeetingView.aspx?MeetingID=N`` opened in ``onclick``), Download Agenda
(``DisplayAgendaPDF.ashx?MeetingID=N``) and minutes (``DisplayAgendaPDF.ashx?MinutesMeetingID=N``).
An empty grid shows a ``tr.rgNoRecords`` row.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import Tag

from ..errors import ParseError
from .common import (
    CANCELLED,
    MAX_MEETINGS,
    cap,
    dedupe_documents,
    find_date,
    find_time,
    outermost,
    soup,
    starts_at,
    status_for,
)
from .models import DocKind, Listing, Meeting, MeetingDocument

PLATFORM = "novusagenda"


def parse_meetings(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    page = soup(content, "a NovusAgenda agendapublic meetings page")
    grid = page.find("table", id=re.compile(r"radGridMeetings", re.I))
    if not isinstance(grid, Tag):
        raise ParseError("expected a NovusAgenda agendapublic page with its meetings grid")
    header = grid.find("thead")
    columns = (
        [th.get_text(" ", strip=True).lower() for th in header.find_all("th")] if header else []
    )
    meetings = []
    for row in outermost(grid.find_all("tr", class_=re.compile(r"^rg(Alt)?Row$"))):
        meeting = _row(row, columns, base_url, now)
        if meeting is not None:
            meetings.append(meeting)
    return cap(meetings, "NovusAgenda meetings", limit)


def _row(row: Tag, columns: list[str], base_url: str, now: dt.datetime | None) -> Meeting | None:
    cells = row.find_all("td", recursive=False)
    named = dict(zip(columns, cells, strict=False))
    date_cell = next((c for k, c in named.items() if "date" in k), cells[0] if cells else None)
    if date_cell is None:
        return None
    date = find_date(date_cell.get_text(" ", strip=True))
    if date is None:
        return None
    type_cell = next(
        (c for k, c in named.items() if "type" in k), cells[1] if len(cells) > 1 else None
    )
    body = type_cell.get_text(" ", strip=True) if type_cell else "(no board named)"
    documents = []
    meeting_id = None
    for anchor in row.find_all("a"):
        href = str(anchor.get("href") or "")
        if not href:
            match = re.search(r"open\(\s*['\"]([^'\"]+)['\"]", str(anchor.get("onclick") or ""))
            href = match.group(1) if match else ""
        if not href:
            continue
        url = urljoin(base_url, href)
        query = parse_qs(urlsplit(url).query)
        meeting_id = meeting_id or next(iter(query.get("MeetingID", [])), None)
        kind = _kind(url, query)
        if kind is not None:
            documents.append(MeetingDocument(kind, f"{body} {kind.title()}", url))
    text = row.get_text(" ", strip=True)
    when = starts_at(date, find_time(text))
    return Meeting(
        platform=PLATFORM,
        source_id=meeting_id or f"{date.isoformat()}|{body}",
        body=body,
        starts_at=when,
        title=f"{body} {date.isoformat()}",
        status=status_for(when, now, cancelled=bool(CANCELLED.search(text))),
        url=urljoin(base_url, f"MeetingView.aspx?MeetingID={meeting_id}") if meeting_id else None,
        documents=dedupe_documents(documents),
    )


def _kind(url: str, query: dict[str, list[str]]) -> DocKind | None:
    page = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    if page != "displayagendapdf.ashx":
        return None  # the HTML view repeats the PDF
    return "minutes" if "MinutesMeetingID" in query else "agenda"
