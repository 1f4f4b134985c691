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
import itertools
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
VIEWER_LINK = re.compile(r"(Viewer|MediaPlayer)\.php", re.I)
MAX_CANDIDATES = 20_000  # links looked at: a listing has a few hundred
MAX_CLIMB = 8  # levels from a link up to its meeting's block
NAME_SELECTORS = ("span.committee", "td[headers*=Name]", ".name")


def parse_view_publisher(
    content: bytes, base_url: str, *, now: dt.datetime | None = None, limit: int = MAX_MEETINGS
) -> Listing:
    page = soup(content, "a Granicus ViewPublisher page")
    dated = [(date, block) for block in _meeting_blocks(page) if (date := _block_date(block))]
    # Only the newest `limit` blocks are read in full: a huge listing costs a date per row.
    dated.sort(key=lambda pair: pair[0], reverse=True)
    notes: tuple[str, ...] = ()
    if len(dated) > limit:
        notes = (f"Granicus ViewPublisher: {len(dated)} meetings listed; kept the newest {limit}",)
    meetings = [m for _, block in dated[:limit] if (m := _block(block, base_url, now))]
    if not meetings and not _is_granicus(content):
        raise ParseError("expected a Granicus ViewPublisher page (no meetings, no Granicus links)")
    listing = cap(meetings, "Granicus ViewPublisher", limit)
    return Listing(listing.meetings, notes + listing.notes)


def _block_date(block: Tag) -> dt.date | None:
    return find_date(_head_text(block))


def _is_granicus(content: bytes) -> bool:
    head = content[:2_000_000].lower()
    return b"granicus" in head or b"viewpublisher" in head


def _meeting_blocks(page: Tag) -> list[Tag]:
    """One block per meeting, whatever the template: from each viewer or player link (and each
    named meeting), the nearest enclosing element that holds a date; blocks inside another
    block (a name inside its row) are that block. Work grows with the links, not the nesting."""
    anchors = [
        a
        for a in page.find_all("a", limit=MAX_CANDIDATES)
        if VIEWER_LINK.search(str(a.get("href") or "") + str(a.get("onclick") or ""))
    ]
    anchors += page.select(", ".join(NAME_SELECTORS), limit=MAX_CANDIDATES)
    found: dict[int, Tag] = {}
    for anchor in anchors:
        block = _dated_ancestor(anchor)
        if block is not None:
            found.setdefault(id(block), block)
    blocks = []
    for block in found.values():
        above = list(itertools.islice(block.parents, MAX_CLIMB))
        if not any(id(parent) in found for parent in above):
            blocks.append(block)
    return blocks


def _dated_ancestor(tag: Tag) -> Tag | None:
    for node in [tag, *itertools.islice(tag.parents, MAX_CLIMB)]:
        if node.name in ("table", "tbody", "body", "html", "[document]"):
            return None
        if find_date(_head_text(node)) is not None:
            return node
    return None


def _head_text(tag: Tag, limit: int = 500) -> str:
    """The first ``limit`` characters of a block's text, without reading all of a big one."""
    parts: list[str] = []
    size = 0
    for piece in tag.stripped_strings:
        parts.append(piece)
        size += len(piece) + 1
        if size >= limit:
            break
    return " ".join(parts)[:limit]


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
    found = block.find(_is_name)
    if isinstance(found, Tag) and found.get_text(strip=True):
        return text_of(found.get_text(" ", strip=True), 300)
    cells = [
        c.get_text(" ", strip=True) for c in block.find_all(["td", "span", "div"], recursive=False)
    ]
    for cell in cells:
        if cell and find_date(cell) is None:
            return text_of(cell, 300)
    return text_of(text, 120)


def _is_name(tag: Tag) -> bool:
    """What NAME_SELECTORS select, tested in one walk (CSS matching per row is slow)."""
    classes: list[str] = list(tag.get("class") or [])
    if tag.name == "span" and "committee" in classes:
        return True
    return "name" in classes or (tag.name == "td" and "Name" in str(tag.get("headers") or ""))


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
