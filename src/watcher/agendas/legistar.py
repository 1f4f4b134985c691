"""Legistar (Granicus): the Web API's JSON and the website's Calendar.aspx grid.

Web API (``https://webapi.legistar.com/v1/{client}``): ``/events`` is a JSON array of Event
objects (``EventId``, ``EventBodyName``, ``EventDate`` local midnight + ``EventTime`` "5:00 PM",
``EventAgendaFile``, ``EventMinutesFile``, ``EventInSiteURL``, ``EventLastModifiedUtc``);
``/events/{id}/eventitems`` lists the agenda items (``EventItemAgendaNumber``,
``EventItemTitle``, ``EventItemMatterId``, ``EventItemMatterAttachments`` when asked with
``AgendaNote=1&MinutesNote=1&Attachments=1``, and the vote: ``EventItemPassedFlagName``,
``EventItemTally``); ``/matters/{id}/attachments`` lists a matter's files.

The website's ``Calendar.aspx`` (for clients whose API is closed) is a Telerik grid whose header
names the columns: Name, Meeting Date, Meeting Time, Meeting Details, Agenda, Minutes, and on
some sites Agenda Packet or Recap/Minutes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
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
    load_json,
    outermost,
    soup,
    starts_at,
    status_for,
    text_of,
)
from .models import DocKind, Listing, Meeting, MeetingDocument

PLATFORM = "legistar"


def parse_events(
    content: bytes, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    """``/events``: a JSON array of events (an empty array is an empty listing)."""
    data = load_json(content, "a Legistar events list")
    if isinstance(data, dict) and "EventId" in data:
        data = [data]  # /events/{id} answers one object
    if not isinstance(data, list):
        raise ParseError(f"expected a Legistar events list (a JSON array), got {_shape(data)}")
    meetings = [_event(row, now) for row in data if isinstance(row, dict) and "EventId" in row]
    if data and not meetings:
        raise ParseError("expected Legistar events (objects with EventId), got other records")
    return cap(meetings, "Legistar events", limit)


def parse_event(content: bytes, *, now: dt.datetime | None = None) -> Meeting:
    """``/events/{id}``: one Event object."""
    data = load_json(content, "a Legistar event")
    if not isinstance(data, dict) or "EventId" not in data:
        raise ParseError(f"expected a Legistar event (an object with EventId), got {_shape(data)}")
    return _event(data, now)


def _event(row: dict[str, Any], now: dt.datetime | None) -> Meeting:
    date = find_date(str(row.get("EventDate") or ""))
    if date is None:
        raise ParseError(f"Legistar event {row.get('EventId')}: no EventDate")
    when = starts_at(date, find_time(str(row.get("EventTime") or "")))
    body = text_of(row.get("EventBodyName")) or "(no body named)"
    documents: list[MeetingDocument] = []
    for key, kind, label in (
        ("EventAgendaFile", "agenda", "Agenda"),
        ("EventMinutesFile", "minutes", "Minutes"),
    ):
        if row.get(key):
            documents.append(MeetingDocument(kind, f"{body} {label}", str(row[key])))  # type: ignore[arg-type]
    items = row.get("EventItems")
    if isinstance(items, list):
        documents.extend(_items(items, base=None))
    comment = text_of(row.get("EventComment"), 120)
    status_text = f"{row.get('EventAgendaStatusName') or ''} {comment}"
    modified = row.get("EventLastModifiedUtc")
    return Meeting(
        platform=PLATFORM,
        source_id=str(row["EventId"]),
        body=body,
        starts_at=when,
        title=f"{body} {date.isoformat()}" + (f" ({comment})" if comment else ""),
        status=status_for(when, now, cancelled=bool(CANCELLED.search(status_text))),
        url=str(row["EventInSiteURL"]) if row.get("EventInSiteURL") else None,
        documents=dedupe_documents(documents),
        modified_at=_utc(modified) if modified else None,
    )


def parse_event_items(content: bytes, base_url: str) -> tuple[MeetingDocument, ...]:
    """``/events/{id}/eventitems``: items (with their vote) and their matter attachments."""
    data = load_json(content, "Legistar event items")
    if not isinstance(data, list):
        raise ParseError(f"expected Legistar event items (a JSON array), got {_shape(data)}")
    return dedupe_documents(_items(data, base=base_url))


def _items(rows: list[Any], base: str | None) -> list[MeetingDocument]:
    documents: list[MeetingDocument] = []
    for row in rows:
        if not isinstance(row, dict) or "EventItemId" not in row:
            continue
        title = text_of(row.get("EventItemTitle")) or text_of(row.get("EventItemMatterName"))
        if not title:
            continue  # a heading or a blank line of the agenda
        number = text_of(row.get("EventItemAgendaNumber"), 40) or None
        url = f"{base.split('?')[0].rstrip('/')}/{row['EventItemId']}" if base else ""
        matter = row.get("EventItemMatterId")
        documents.append(
            MeetingDocument("item", title, url, number, _vote(row), str(matter) if matter else None)
        )
        attachments = row.get("EventItemMatterAttachments")
        for attachment in attachments if isinstance(attachments, list) else []:
            document = _attachment(attachment, number)
            if document is not None:
                documents.append(document)
    return documents


def _vote(row: dict[str, Any]) -> str | None:
    """ "Approved 4-1" from the minutes: the action or pass flag, and the tally."""
    action = text_of(row.get("EventItemPassedFlagName"), 60) or text_of(
        row.get("EventItemActionName"), 60
    )
    tally = text_of(row.get("EventItemTally"), 20)
    text = " ".join(part for part in (action, tally) if part)
    return text or None


def parse_matter_attachments(content: bytes) -> tuple[MeetingDocument, ...]:
    """``/matters/{id}/attachments``: a JSON array of MatterAttachment objects."""
    data = load_json(content, "Legistar matter attachments")
    if not isinstance(data, list):
        raise ParseError(f"expected Legistar matter attachments (a JSON array), got {_shape(data)}")
    found = (_attachment(row, None) for row in data)
    return dedupe_documents(document for document in found if document is not None)


def _attachment(row: object, number: str | None) -> MeetingDocument | None:
    if not isinstance(row, dict) or not row.get("MatterAttachmentHyperlink"):
        return None
    if row.get("MatterAttachmentShowOnInternetPage") is False:
        return None
    title = text_of(row.get("MatterAttachmentName")) or "Attachment"
    return MeetingDocument("attachment", title, str(row["MatterAttachmentHyperlink"]), number)


def parse_calendar(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    """``Calendar.aspx``: the meeting grid of the Legistar website."""
    page = soup(content, "a Legistar Calendar.aspx page")
    grid = page.find("table", id=re.compile(r"gridCalendar", re.I)) or page.find(
        "table", class_="rgMasterTable"
    )
    if not isinstance(grid, Tag):
        raise ParseError("expected a Legistar Calendar.aspx page with its meeting grid")
    header = grid.find("tr")
    columns = (
        [th.get_text(" ", strip=True).lower() for th in header.find_all("th")] if header else []
    )
    if "name" not in columns or not any("date" in column for column in columns):
        raise ParseError("expected a Legistar meeting grid with Name and Meeting Date columns")
    meetings = []
    for row in outermost(grid.find_all("tr", class_=re.compile(r"^rg(Alt)?Row$"))):
        meeting = _calendar_row(row, columns, base_url, now)
        if meeting is not None:
            meetings.append(meeting)
    return cap(meetings, "Legistar calendar", limit)


def _calendar_row(
    row: Tag, columns: list[str], base_url: str, now: dt.datetime | None
) -> Meeting | None:
    cells = dict(zip(columns, row.find_all("td", recursive=False), strict=False))
    if not cells:
        return None
    name = cells["name"].get_text(" ", strip=True)
    date_cell = next((cell for column, cell in cells.items() if "date" in column), None)
    date = find_date(date_cell.get_text(" ", strip=True)) if date_cell else None
    if not name or date is None:
        return None
    time_cell = next((cell for column, cell in cells.items() if "time" in column), None)
    when = starts_at(date, find_time(time_cell.get_text(" ", strip=True)) if time_cell else None)
    links = {column: _link(cell, base_url) for column, cell in cells.items()}
    documents = [
        MeetingDocument(kind, f"{name} {column.title()}", url)
        for column, url in links.items()
        if url and (kind := _column_kind(column)) is not None
    ]
    detail = next((url for column, url in links.items() if "detail" in column and url), None)
    # The meeting's own id, never the body's (DepartmentDetail.aspx?ID= names the body).
    any_url = detail or next(
        (url for url in links.values() if url and re.search(r"View\.ashx|MeetingDetail", url)), None
    )
    source_id = _legistar_id(any_url) or f"{date.isoformat()}|{name}"
    topic = next((c.get_text(" ", strip=True) for k, c in cells.items() if "topic" in k), "")
    text = row.get_text(" ", strip=True)
    return Meeting(
        platform=PLATFORM,
        source_id=source_id,
        body=name,
        starts_at=when,
        title=f"{name} {date.isoformat()}" + (f" ({topic})" if topic else ""),
        status=status_for(when, now, cancelled=bool(CANCELLED.search(text))),
        url=detail,
        documents=dedupe_documents(documents),
    )


def _column_kind(column: str) -> DocKind | None:
    if "packet" in column:
        return "packet"
    if "minutes" in column:
        return "minutes"
    if "agenda" in column:
        return "agenda"
    return None


def _link(cell: Tag, base_url: str) -> str | None:
    for anchor in cell.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if href and not href.lower().startswith(("javascript:", "#")):
            return urljoin(base_url, href)
    return None


def _legistar_id(url: str | None) -> str | None:
    if not url:
        return None
    query = parse_qs(urlsplit(url).query)
    for key in ("ID", "LEGID"):
        if query.get(key):
            return query[key][0]
    return None


def _utc(value: object) -> str:
    """EventLastModifiedUtc comes without an offset; it is UTC by name."""
    text = str(value)
    return text if text.endswith("Z") or "+" in text[10:] else text + "Z"


def _shape(data: object) -> str:
    if isinstance(data, dict):
        return "a JSON object with keys " + ", ".join(list(map(str, data))[:5])
    return f"JSON {type(data).__name__}"
