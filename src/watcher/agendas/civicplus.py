"""CivicPlus (CivicEngage) AgendaCenter: the ``/AgendaCenter`` landing page and
``/AgendaCenter/Search/?term=...`` results share one markup.

Each category (a board) is a block (``div.listing`` with an ``h2``, or in the 2024 layout
``div.category`` with an ``h3``) holding a table of ``tr.catAgendaRow`` rows. A row's files are
``/AgendaCenter/ViewFile/Agenda/_MMDDYYYY-NNN`` (the PDF; ``?packet=true`` the packet,
``?html=true`` the same agenda as HTML) and ``/AgendaCenter/ViewFile/Minutes/_MMDDYYYY-NNN``.
The ``_MMDDYYYY-NNN`` key carries the meeting date and the agenda's id.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

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

PLATFORM = "civicplus"
VIEWFILE = re.compile(
    r"/AgendaCenter/ViewFile/(?P<type>Agenda|Minutes)/_?(?P<key>(?P<date>\d{8})-(?P<id>\d+))", re.I
)
NO_RESULTS = re.compile(r"no\s+(?:results|agendas|items)\s+(?:were\s+)?found", re.I)


def parse_agenda_center(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    """An AgendaCenter landing or search page; "No results found" is an empty listing."""
    page = soup(content, "a CivicPlus AgendaCenter page")
    rows = outermost(page.select("tr.catAgendaRow"))
    if not rows:
        if _is_agenda_center(page):
            return Listing(())
        raise ParseError(
            "expected a CivicPlus AgendaCenter page (no agenda rows, no Agenda Center)"
        )
    meetings = [m for row in rows if (m := _row(row, base_url, now)) is not None]
    return cap(meetings, "CivicPlus AgendaCenter", limit)


def _is_agenda_center(page: BeautifulSoup) -> bool:
    if page.find(id="AgendaCenterContent") is not None:
        return True
    text = page.get_text(" ", strip=True)[:200_000]
    return "Agenda Center" in text and bool(
        NO_RESULTS.search(text) or "AgendaCenter" in str(page)[:500_000]
    )


def _row(row: Tag, base_url: str, now: dt.datetime | None) -> Meeting | None:
    documents: list[MeetingDocument] = []
    key = None
    for anchor in row.find_all("a", href=True):
        url = urljoin(base_url, str(anchor["href"]).strip())
        match = VIEWFILE.search(urlsplit(url).path)
        if match is None:
            continue
        key = key or match
        kind = _kind(match["type"], urlsplit(url).query)
        if kind is not None:
            documents.append(MeetingDocument(kind, _label(kind), url))
    if key is None:
        return None
    date = _key_date(key["date"]) or find_date(row.get_text(" ", strip=True))
    if date is None:
        return None
    body = _category(row)
    title = _title(row) or body
    when = starts_at(date, None)
    return Meeting(
        platform=PLATFORM,
        source_id=key["key"],
        body=body,
        starts_at=when,
        title=title,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(title))),
        url=urljoin(base_url, f"/AgendaCenter/ViewFile/Agenda/_{key['key']}"),
        documents=dedupe_documents(documents),
        modified_at=_posted(row),
    )


def _posted(row: Tag) -> str | None:
    """ "— Posted Aug 30, 2024 10:49 AM" / "— Amended Oct 7, 2020 9:44 AM": when the agenda
    last changed (an amended agenda keeps its URL), local time."""
    heading = row.find(["h2", "h3", "h4"])
    text = heading.get_text(" ", strip=True) if isinstance(heading, Tag) else ""
    _, dash, stamp = text.partition("—")
    date = find_date(stamp) if dash else None
    return starts_at(date, find_time(stamp)) if date else None


def _kind(file_type: str, query: str) -> DocKind | None:
    query = query.lower()
    if file_type.lower() == "minutes":
        return "minutes" if "html=true" not in query else None
    if "packet=true" in query:
        return "packet"
    # The HTML rendering is the same agenda as the PDF: read it once.
    return "agenda" if "html=true" not in query else None


def _label(kind: DocKind) -> str:
    return {"agenda": "Agenda", "packet": "Agenda Packet", "minutes": "Minutes"}.get(kind, kind)


def _key_date(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[4:]), int(digits[:2]), int(digits[2:4]))
    except ValueError:
        return None


def _category(row: Tag) -> str:
    """The board: the heading of the category block the row sits in."""
    block = row.find_parent(
        lambda tag: (
            isinstance(tag, Tag) and (re.fullmatch(r"cat\d+", str(tag.get("id") or "")) is not None)
        )
    )
    heading = block.find(["h2", "h3"]) if isinstance(block, Tag) else None
    if isinstance(heading, Tag):
        return heading.get_text(" ", strip=True).lstrip("▼► ").strip() or "(no board named)"
    return "(no board named)"


def _title(row: Tag) -> str:
    paragraph = row.find("p")
    if isinstance(paragraph, Tag):
        text = paragraph.get_text(" ", strip=True)
        if text:
            return text
    anchor = row.find("a", title=True)
    return str(anchor["title"]).strip() if isinstance(anchor, Tag) else ""
