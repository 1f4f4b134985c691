"""Granicus ViewPublisher: ``ViewPublisher.php?view_id=N`` pages and ``ViewPublisherRSS.php``.

Every site skins ViewPublisher with its own template (a ``table.listingTable`` of
``tr.listingRow``, or ``div.row`` blocks, ...), so the parser reads what all templates share: a
meeting is the smallest block holding a date and links to the Granicus viewers,
``AgendaViewer.php`` (agenda), ``MinutesViewer.php`` (minutes), ``DocumentViewer.php`` /
``MetaViewer.php`` (attached documents), keyed by ``clip_id`` (archived) or ``event_id``
(upcoming). Upcoming meetings without any document yet are kept (keyed by date and name).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import parse_qs, urljoin, urlsplit

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
    soup,
    starts_at,
    status_for,
    text_of,
)
from .models import DocKind, Listing, Meeting, MeetingDocument

PLATFORM = "granicus"
VIEWERS: dict[str, DocKind] = {
    "agendaviewer.php": "agenda",
    "generatedagendaviewer.php": "agenda",
    "minutesviewer.php": "minutes",
    "documentviewer.php": "attachment",
    "metaviewer.php": "attachment",
}
ROW_SELECTORS = ("tr.listingRow", "tr", "div.row", "li", "div")
NAME_SELECTORS = ("span.committee", "td.listItem[headers*=Name]", "td[headers*=Name]", ".name")


def parse_view_publisher(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    page = soup(content, "a Granicus ViewPublisher page")
    meetings: list[Meeting] = []
    for block in _meeting_blocks(page):
        meeting = _block(block, base_url, now)
        if meeting is not None:
            meetings.append(meeting)
    if not meetings and not _is_granicus(content):
        raise ParseError("expected a Granicus ViewPublisher page (no meetings, no Granicus links)")
    return cap(meetings, "Granicus ViewPublisher", limit)


def _is_granicus(content: bytes) -> bool:
    head = content[:2_000_000].lower()
    return b"granicus" in head or b"viewpublisher" in head


def _meeting_blocks(page: Tag) -> list[Tag]:
    """The innermost blocks that hold a date: one per meeting, whatever the template."""
    for selector in ROW_SELECTORS:
        blocks = [
            tag
            for tag in page.select(selector)
            if _qualifies(tag) and not any(_qualifies(child) for child in _same(tag, selector))
        ]
        if blocks:
            return blocks
    return []


def _qualifies(tag: Tag) -> bool:
    """A date, and a viewer or player link or a named meeting: not a footer's "updated" date."""
    if find_date(tag.get_text(" ", strip=True)[:500]) is None:
        return False
    if any(tag.select_one(selector) is not None for selector in NAME_SELECTORS):
        return True
    return any(
        re.search(
            r"(Viewer|MediaPlayer)\.php",
            str(a.get("href") or "") + str(a.get("onclick") or ""),
            re.I,
        )
        for a in tag.find_all("a")
    )


def _same(tag: Tag, selector: str) -> list[Tag]:
    """Nested blocks of the same selector (a row inside a row): the outer one is not a meeting."""
    return [child for child in tag.select(selector) if child is not tag]


def _block(block: Tag, base_url: str, now: dt.datetime | None) -> Meeting | None:
    text = block.get_text(" ", strip=True)
    date = find_date(text[:500])
    if date is None:
        return None
    name = _name(block, text)
    documents: list[MeetingDocument] = []
    ids: list[str] = []
    for anchor in block.find_all("a"):
        url = _href(anchor, base_url)
        if url is None:
            continue
        page = urlsplit(url).path.rsplit("/", 1)[-1].lower()
        query = parse_qs(urlsplit(url).query)
        for key in ("clip_id", "event_id"):
            if query.get(key):
                ids.append(f"{key.split('_')[0]}-{query[key][0]}")
        kind = VIEWERS.get(page)
        if kind is not None:
            documents.append(MeetingDocument(kind, f"{name} {kind.title()}", url))
    when = starts_at(date, find_time(text[:500]))
    source_id = ids[0] if ids else _fallback_id(date, name)
    return Meeting(
        platform=PLATFORM,
        source_id=source_id,
        body=_body(name),
        starts_at=when,
        title=name,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(text[:500]))),
        url=next((d.url for d in documents if d.kind == "agenda"), None),
        documents=dedupe_documents(documents),
    )


def _name(block: Tag, text: str) -> str:
    for selector in NAME_SELECTORS:
        found = block.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return text_of(found.get_text(" ", strip=True), 300)
    cells = [
        c.get_text(" ", strip=True) for c in block.find_all(["td", "span", "div"], recursive=False)
    ]
    for cell in cells:
        if cell and find_date(cell) is None:
            return text_of(cell, 300)
    return text_of(text, 120)


def _body(name: str) -> str:
    """ "Finance Committee on 2018-11-28 - 9:00 a.m." names the body before " on <date>"."""
    body = re.split(r"\s+on\s+\d{4}-\d\d-\d\d|\s+-\s+|\s+\(", name, maxsplit=1)[0]
    body = re.sub(r"\s+\d{1,2}(?::\d\d)?\s*[AaPp]\.?[Mm]\.?$", "", body.strip())
    return body.strip() or name


def _href(anchor: Tag, base_url: str) -> str | None:
    href = str(anchor.get("href") or "").strip()
    if href.lower().startswith("javascript:") or not href:
        # Players and viewers are often opened with window.open('...') in onclick.
        match = re.search(r"open\(\s*['\"]([^'\"]+)['\"]", str(anchor.get("onclick") or ""))
        href = match.group(1) if match else ""
    return urljoin(base_url, href) if href and not href.startswith("#") else None


def _fallback_id(date: dt.date, name: str) -> str:
    digest = hashlib.sha256(name.lower().encode()).hexdigest()[:10]
    return f"{date.isoformat()}-{digest}"


def parse_rss(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    """``ViewPublisherRSS.php?view_id=N&mode=agendas|minutes``: RSS 2.0, one item a document."""
    check_size(content, "a Granicus RSS feed")
    if content.lstrip()[:1] in (b"{", b"["):
        raise ParseError("expected a Granicus RSS feed, got JSON")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(content, parser)
    if root is None or root.tag not in ("rss", "{http://www.w3.org/2005/Atom}feed", "rdf:RDF"):
        raise ParseError("expected a Granicus RSS feed (an <rss> document)")
    minutes = "mode=minutes" in base_url.lower()
    meetings: list[Meeting] = []
    for item in root.iter("item"):
        meeting = _rss_item(item, base_url, now, minutes)
        if meeting is not None:
            meetings.append(meeting)
    return cap(meetings, "Granicus RSS", limit)


def _rss_item(
    item: etree._Element, base_url: str, now: dt.datetime | None, minutes: bool
) -> Meeting | None:
    title = text_of(item.findtext("title"), 300)
    link = (item.findtext("link") or "").strip()
    date = find_date(title) or find_date(item.findtext("pubDate") or "")
    if not title or not link or date is None:
        return None
    url = urljoin(base_url, link)
    query = parse_qs(urlsplit(url).query)
    key = next(
        (f"{k.split('_')[0]}-{query[k][0]}" for k in ("clip_id", "event_id") if query.get(k)), None
    )
    page = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    kind: DocKind = VIEWERS.get(page) or ("minutes" if minutes else "agenda")
    when = starts_at(date, find_time(title))
    return Meeting(
        platform=PLATFORM,
        source_id=key or (item.findtext("guid") or "").strip() or _fallback_id(date, title),
        body=_body(re.sub(r"\s*[-–]\s*\w{3}\s+\d{1,2},\s+\d{4}.*$", "", title)),
        starts_at=when,
        title=title,
        status=status_for(when, now, cancelled=bool(CANCELLED.search(title))),
        url=url,
        documents=(MeetingDocument(kind, title, url),),
    )
