"""BoardDocs (Diligent): ``https://go.boarddocs.com/{state}/{site}/Board.nsf/...``.

- ``BD-GetMeetingsList?open`` (POST ``current_committee_id=...``): a JSON array of
  ``{unique, name, numberdate: YYYYMMDD, unid}``. Some sites answer an empty body when the
  committee has no meetings: that is an empty listing, with a note.
- ``BD-GetAgenda?open`` (POST ``id=<meeting unique>``): an HTML fragment of categories
  (``dl.wrap-category``) and items (``li.item`` with ``unique``, ``span.order``,
  ``span.title``, ``div.actiontype``).
- ``XML-ActiveMeetings``: every active meeting with its categories and items. The feed is not
  well-formed in the wild (unbalanced elements), so it is split on ``</meeting>`` and each
  meeting parsed on its own with a recovering parser; a meeting that cannot be read is noted
  and skipped, the others are kept.

A meeting or item is opened at ``Board.nsf/goto?open&id=<unique>``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urljoin

from bs4 import Tag
from lxml import etree

from ..errors import ParseError
from .common import (
    CANCELLED,
    MAX_MEETINGS,
    cap,
    check_size,
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
from .models import Listing, Meeting, MeetingDocument

PLATFORM = "boarddocs"
MEETING_END = re.compile(rb"</meeting\s*>", re.I)
MAX_ITEMS = 2000  # items per meeting: a long agenda has a few hundred


def board_root(base_url: str) -> str:
    """``https://go.boarddocs.com/oh/akron/Board.nsf/`` from any URL under it."""
    match = re.search(r"^(.*?/Board\.nsf/)", base_url, re.I)
    return match.group(1) if match else base_url.rstrip("/") + "/Board.nsf/"


def goto_url(base_url: str, unique: str) -> str:
    return urljoin(board_root(base_url), f"goto?open&id={unique}")


def parse_meetings_list(
    content: bytes, base_url: str, *, body: str = "Board", now: dt.datetime | None = None,
    limit: int = MAX_MEETINGS,
) -> Listing:  # fmt: skip
    """``BD-GetMeetingsList``: meetings without documents (those come from BD-GetAgenda)."""
    if not content.strip():
        return Listing(
            (), ("BoardDocs answered an empty meetings list (is the committee id right?)",)
        )
    data = load_json(content, "a BoardDocs meetings list")
    if not isinstance(data, list):
        raise ParseError("expected a BoardDocs meetings list (a JSON array)")
    meetings = [
        m for row in data if isinstance(row, dict) and (m := _listed(row, base_url, body, now))
    ]
    if data and not meetings:
        raise ParseError("expected BoardDocs meetings (objects with unique and numberdate)")
    return cap(meetings, "BoardDocs meetings", limit)


def _listed(
    row: dict[str, Any], base_url: str, body: str, now: dt.datetime | None
) -> Meeting | None:
    digits = str(row.get("numberdate") or "")
    unique = str(row.get("unique") or "")
    if not re.fullmatch(r"\d{8}", digits) or not unique:
        return None
    try:
        date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    name = text_of(row.get("name"), 300) or "Meeting"
    when = date.isoformat()
    return Meeting(
        platform=PLATFORM,
        source_id=unique,
        body=body,
        starts_at=when,
        title=name,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(name))),
        url=goto_url(base_url, unique),
    )


def parse_agenda(content: bytes, base_url: str) -> tuple[MeetingDocument, ...]:
    """``BD-GetAgenda``: the meeting's items, in agenda order."""
    page = soup(content, "a BoardDocs agenda (BD-GetAgenda)")
    items = outermost(page.select("li.item"))
    if not items and page.select_one("dl.wrap-category, #agenda-numbering") is None:
        raise ParseError("expected a BoardDocs agenda (categories and items), got another page")
    documents = []
    for item in items[:MAX_ITEMS]:
        unique = str(item.get("unique") or item.get("id") or "")
        title_tag = item.select_one("span.title")
        title = text_of(title_tag.get_text(" ", strip=True) if title_tag else "", 1000)
        if not unique or not title:
            continue
        order = item.select_one("span.order")
        number = order.get_text(strip=True).rstrip(". ") if isinstance(order, Tag) else None
        documents.append(MeetingDocument("item", title, goto_url(base_url, unique), number or None))
    return dedupe_documents(documents)


def parse_xml_feed(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    """``XML-ActiveMeetings``, read leniently: one bad meeting does not lose the others."""
    check_size(content, "a BoardDocs XML feed")
    head = content.lstrip()[:200].lower()
    if head.startswith((b"{", b"[")) or (b"<html" in head or b"<!doctype html" in head):
        raise ParseError("expected a BoardDocs XML feed (<meetings>), got another kind of page")
    if b"<meetings" not in content[:2000] and b"<meeting " not in content[:5000]:
        raise ParseError("expected a BoardDocs XML feed (<meetings>)")
    meetings: list[Meeting] = []
    skipped = 0
    for chunk in MEETING_END.split(content):
        start = chunk.find(b"<meeting ")
        if start < 0:
            continue
        meeting = _xml_meeting(chunk[start:] + b"</meeting>", base_url, now)
        if meeting is None:
            skipped += 1
        else:
            meetings.append(meeting)
    listing = cap(meetings, "BoardDocs XML feed", limit)
    if skipped:
        note = f"BoardDocs XML feed: {skipped} meeting(s) could not be read and were skipped"
        return Listing(listing.meetings, (*listing.notes, note))
    return listing


def _xml_meeting(chunk: bytes, base_url: str, now: dt.datetime | None) -> Meeting | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(chunk, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None or root.tag != "meeting" or not root.get("id"):
        return None
    date = find_date(root.findtext("start/date") or "")
    if date is None:
        return None
    name = text_of(root.findtext("name"), 300) or "Meeting"
    description = text_of(root.findtext("description"), 2000)
    when = starts_at(date, find_time(description))
    items = []
    for item in list(root.iter("item"))[:MAX_ITEMS]:
        title = text_of(item.findtext("name"), 1000)
        link = (item.findtext("link") or "").strip() or goto_url(base_url, item.get("id") or "")
        number, _, text = title.partition(" ")
        if not re.fullmatch(r"[\dA-Za-z]{1,4}(?:\.[\dA-Za-z]{1,4})*\.?", number):
            number, text = "", title
        if text:
            items.append(MeetingDocument("item", text, link, number.rstrip(".") or None))
    return Meeting(
        platform=PLATFORM,
        source_id=str(root.get("id")),
        body=text_of(root.get("bodyname"), 200) or "Board",
        starts_at=when,
        title=name,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(name))),
        url=(root.findtext("link") or "").strip() or goto_url(base_url, str(root.get("id"))),
        documents=dedupe_documents(items),
    )
