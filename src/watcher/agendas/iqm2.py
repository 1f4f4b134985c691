"""IQM2 (Granicus Meeting Portal): ``Citizens/Calendar.aspx``.

Each meeting is a ``div.MeetingRow``: ``div.RowLink`` links ``Detail_Meeting.aspx?ID=N`` with
the date and time as text and a tooltip (``title``) of lines "Board:\\tX", "Type:\\tY",
"Status:\\tCancelled"; ``div.MeetingLinks`` holds ``FileOpen.aspx?Type=T&ID=N`` documents
(Type 14 agenda, 1 agenda packet, 12 minutes on most sites; the link text says which).
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
    text_of,
)
from .models import DocKind, Listing, Meeting, MeetingDocument

PLATFORM = "iqm2"


def parse_calendar(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    page = soup(content, "an IQM2 Citizens/Calendar.aspx page")
    rows = outermost(page.select("div.MeetingRow"))
    if not rows:
        if page.find(id=re.compile(r"pnlMeetings|ctlMeetings")) is not None:
            return Listing(())
        raise ParseError("expected an IQM2 Citizens/Calendar.aspx page (no MeetingRow blocks)")
    meetings = [m for row in rows if (m := _row(row, base_url, now)) is not None]
    return cap(meetings, "IQM2 calendar", limit)


def _row(row: Tag, base_url: str, now: dt.datetime | None) -> Meeting | None:
    link = row.select_one("div.RowLink a[href]")
    if link is None:
        return None
    url = urljoin(base_url, str(link["href"]))
    tooltip = str(link.get("title") or "")
    text = link.get_text(" ", strip=True)
    date = find_date(text) or find_date(tooltip)
    if date is None:
        return None
    fields = dict(re.findall(r"^\s*(\w+):\s*(.+?)\s*$", tooltip.replace("\r", "\n"), re.M))
    details = row.select_one(".RowDetails")
    title = text_of(details.get_text(" ", strip=True) if details else "", 300)
    body = text_of(fields.get("Board"), 200) or title.split(" - ")[0] or "(no board named)"
    when = starts_at(date, find_time(text) or find_time(tooltip))
    cancelled = (
        bool(CANCELLED.search(fields.get("Status", "")))
        or row.select_one(".MeetingCancelled") is not None
    )
    meeting_id = parse_qs(urlsplit(url).query).get("ID", [url])[0]
    return Meeting(
        platform=PLATFORM,
        source_id=meeting_id,
        body=body,
        starts_at=when,
        title=title or body,
        status=status_for(when, now, cancelled=cancelled),
        url=url,
        documents=dedupe_documents(_documents(row, base_url, body)),
    )


def _documents(row: Tag, base_url: str, body: str) -> list[MeetingDocument]:
    documents = []
    for anchor in row.select(".MeetingLinks a[href]"):
        href = str(anchor["href"]).strip()
        if "fileopen.aspx" not in href.lower():
            continue
        label = anchor.get_text(" ", strip=True)
        kind = _kind(label)
        if kind is not None:
            documents.append(MeetingDocument(kind, f"{body} {label}", urljoin(base_url, href)))
    return documents


def _kind(label: str) -> DocKind | None:
    label = label.lower()
    if "packet" in label:
        return "packet"
    if "minutes" in label:
        return "minutes"
    if "agenda" in label:
        return "agenda"
    return "attachment" if label and "video" not in label else None
