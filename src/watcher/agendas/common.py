"""Helpers every platform parser shares: bounds, content checks, dates, status."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from ..errors import ParseError
from .models import Listing, Meeting, MeetingDocument, Status

# A listing page is a few hundred kilobytes; anything past this is not a listing.
MAX_LISTING_BYTES = 20 * 1024 * 1024
# A county lists a few hundred meetings a year; past this keep the newest only.
MAX_MEETINGS = 1000

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}  # fmt: skip
ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
US_DATE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
WORD_DATE = re.compile(
    r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
)
TIME = re.compile(r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>[AaPp])\.?\s*[Mm]\b\.?")
CANCELLED = re.compile(r"\bcancel+ed\b|\bcancel+ation\b|\bpostponed\b", re.I)
LOGIN_WORDS = re.compile(r"\b(?:log\s?in|sign\s?in|log\s?on|authenticat\w+)\b", re.I)


def check_size(content: bytes, what: str) -> None:
    if len(content) > MAX_LISTING_BYTES:
        raise ParseError(
            f"{what}: {len(content)} bytes is more than a listing can be "
            f"({MAX_LISTING_BYTES} bytes)"
        )


def load_json(content: bytes, what: str) -> object:
    """Decode a JSON answer; an HTML page (a login or error page) is a clear ParseError."""
    check_size(content, what)
    head = content.lstrip()[:200].lower()
    if head.startswith(b"<"):
        kind = "a login page" if is_login_page(content) else "an HTML page"
        raise ParseError(f"expected {what} as JSON, got {kind}")
    try:
        return json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"expected {what} as JSON, got something else ({exc})") from None


def soup(content: bytes, what: str) -> BeautifulSoup:
    """Parse an HTML page; JSON or a login page where a listing was expected is a ParseError."""
    check_size(content, what)
    head = content.lstrip()[:1].decode("latin-1")
    if head in ("{", "["):
        raise ParseError(f"expected {what} as an HTML page, got JSON")
    page = BeautifulSoup(content, "lxml")
    if _login_form(page):
        raise ParseError(f"expected {what}, got a login page")
    return page


def is_login_page(content: bytes) -> bool:
    return _login_form(BeautifulSoup(content[:500_000], "lxml"))


def _login_form(page: BeautifulSoup) -> bool:
    if page.find("input", attrs={"type": re.compile("^password$", re.I)}) is None:
        return False
    title = page.title.get_text(" ", strip=True) if page.title else ""
    forms = " ".join(form.get_text(" ", strip=True)[:500] for form in page.find_all("form")[:5])
    return bool(LOGIN_WORDS.search(title) or LOGIN_WORDS.search(forms) or not forms)


def outermost(tags: list[Tag]) -> list[Tag]:
    """The tags not inside another of ``tags``: a row nested in a row (an HTML nesting bomb)
    is part of its outer row, and each row's searches stay within real rows. Every element
    is visited once, however deep the nesting."""
    members = {id(tag) for tag in tags}
    within: dict[int, bool] = {}  # element -> is it, or is it inside, one of the tags
    kept = []
    for tag in tags:
        path: list[Tag] = []
        node = tag.parent
        above = False
        while node is not None:
            known = within.get(id(node))
            if known is not None:
                above = known
                break
            path.append(node)
            node = node.parent
        for ancestor in reversed(path):
            above = above or id(ancestor) in members
            within[id(ancestor)] = above
        if not above:
            kept.append(tag)
    return kept


def find_date(text: str) -> dt.date | None:
    """The first date written as 2024-09-26, 9/26/2024, 09/26/24 or Sep 26, 2024."""
    found: list[tuple[int, dt.date]] = []
    for pattern in (ISO_DATE, US_DATE, WORD_DATE):
        for match in pattern.finditer(text):
            date = _date(match)
            if date is not None:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else None


def _date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    year = int(parts["y"])
    if year < 100:
        year += 2000
    month = MONTHS.get(parts["mon"].lower()) if parts.get("mon") else int(parts["m"])
    if month is None:
        return None
    try:
        return dt.date(year, month, int(parts["d"]))
    except ValueError:
        return None


def find_time(text: str) -> dt.time | None:
    match = TIME.search(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["mi"] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if match["ap"].lower() == "p" else 0)
    return dt.time(hour, minute)


def starts_at(date: dt.date, time: dt.time | None) -> str:
    """Local time without offset (the platform did not say), or the bare date."""
    if time is None:
        return date.isoformat()
    return dt.datetime.combine(date, time).isoformat()


def status_for(starts: str, now: dt.datetime | None, *, cancelled: bool = False) -> Status:
    """Cancelled where the platform says so; else upcoming from today (by date) on.

    By date, not to the minute: most platforms give local time without an offset, and a
    meeting later today is still ahead for a reader in that county.
    """
    if cancelled:
        return "cancelled"
    today = (now or dt.datetime.now(dt.UTC)).date().isoformat()
    return "upcoming" if starts[:10] >= today else "past"


def cap(meetings: Iterable[Meeting], what: str, limit: int = MAX_MEETINGS) -> Listing:
    """Newest first, each source_id once; past ``limit`` keep the newest with a note."""
    unique: dict[str, Meeting] = {}
    for meeting in meetings:
        earlier = unique.get(meeting.source_id)
        if earlier is None or len(meeting.documents) > len(earlier.documents):
            unique[meeting.source_id] = meeting
    ordered = sorted(unique.values(), key=lambda m: (m.starts_at, m.source_id), reverse=True)
    notes: tuple[str, ...] = ()
    if len(ordered) > limit:
        notes = (f"{what}: {len(ordered)} meetings listed; kept the newest {limit}",)
        ordered = ordered[:limit]
    return Listing(tuple(ordered), notes)


def dedupe_documents(documents: Iterable[MeetingDocument]) -> tuple[MeetingDocument, ...]:
    seen: set[tuple[str, str]] = set()
    kept: list[MeetingDocument] = []
    for document in documents:
        key = (document.kind, document.url)
        if document.url and key not in seen:
            seen.add(key)
            kept.append(document)
    return tuple(kept)


def text_of(value: object, limit: int = 2000) -> str:
    """A JSON field as clean one-line text, bounded (titles can be whole paragraphs)."""
    if value is None:
        return ""
    return " ".join(str(value).split())[:limit]
