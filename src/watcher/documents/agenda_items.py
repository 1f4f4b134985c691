"""Where a meeting document mentions 287(g): the agenda item around each mention, and the vote
minutes record on it. Pure functions on page text.

A mention is what the cost-figure search looks for: 287(g) and its spellings, the three model
names, or ICE next to an agreement. The item is the nearest numbered line above the mention
("7.B Interlocal agreement with ICE ...") on the same page; without one, the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from watcher.costs.passages import AGREEMENT, FALSE_FRIEND, ICE, MODEL, R287G

# "7.", "7.B", "12-3", "A.", "VII." and "Item 4": a short number, then the item's words.
ITEM_LINE = re.compile(
    r"^\s*(?:item\s+(?:no\.?\s*)?)?(?P<num>(?:\d{1,3}|[A-Z]|[IVX]{1,5})(?:[.-](?:\d{1,3}|[A-Za-z]))*)"
    r"(?:[.):]|\s+-)?\s+(?P<title>[A-Z0-9(\"'].{3,})$",
    re.IGNORECASE,
)
VOTE = re.compile(
    r"\b(?P<verb>approved|adopted|passed|carried|denied|failed|rejected|tabled|defeated)\b"
    r"[^.\n]{0,80}?(?P<yes>\d{1,2})\s*(?:-|–|to)\s*(?P<no>\d{1,2})\b"
    r"|\b(?P<verb2>approved|adopted|passed|carried)\s+unanimously\b"
    r"|\bunanimously\s+(?P<verb3>approved|adopted|passed|carried)\b",
    re.IGNORECASE,
)
# Legistar's pass flag and tally: "Pass 4-1", "Fail", "Adopted 5-0".
ACTION = re.compile(
    r"^\s*(pass(?:ed)?|fail(?:ed)?|approved|adopted|denied)\b(?:\W*(\d{1,2})\s*-\s*(\d{1,2}))?",
    re.IGNORECASE,
)
LOOK_BACK_LINES = 15
MAX_TITLE = 300
MAX_MENTIONS_PER_DOCUMENT = 20  # a packet about the agreement mentions it on every page


@dataclass(frozen=True)
class Mention:
    page: int  # 1-based
    item_number: str | None
    title: str
    excerpt: str
    vote: str | None = None


def mentions_287g(text: str) -> bool:
    if R287G.search(text) or MODEL.search(text):
        return True
    for match in ICE.finditer(text):
        around = text[max(0, match.start() - 200) : match.end() + 200]
        if AGREEMENT.search(around) and not FALSE_FRIEND.search(around):
            return True
    return False


def find_mentions(pages: list[str], *, minutes: bool = False) -> list[Mention]:
    """One mention per agenda item (per page when no item is numbered), in page order."""
    found: list[Mention] = []
    seen: dict[str, int] = {}
    for number, page in enumerate(pages, 1):
        if len(found) >= MAX_MENTIONS_PER_DOCUMENT:
            break
        if "287" not in page and "ICE" not in page and "odel" not in page and "arrant" not in page:
            continue
        for line_index, position in _mention_lines(page):
            mention = _mention(page, number, line_index, position, minutes)
            key = mention.item_number or f"page-{number}"
            if key not in seen:
                seen[key] = len(found)
                found.append(mention)
            elif mention.vote and not found[seen[key]].vote:
                found[seen[key]] = replace(found[seen[key]], vote=mention.vote)
    return found


def _mention_lines(page: str) -> list[tuple[int, int]]:
    """(line index, offset in page) of each line that mentions 287(g), first per item."""
    hits = []
    offset = 0
    lines = page.splitlines()
    for index, line in enumerate(lines):
        window = " ".join(lines[max(0, index - 1) : index + 2])
        if mentions_287g(line) or (ICE.search(line) and mentions_287g(window)):
            hits.append((index, offset))
        offset += len(line) + 1
    return hits


def _mention(page: str, number: int, line_index: int, position: int, minutes: bool) -> Mention:
    lines = page.splitlines()
    item_number, title = None, ""
    for index in range(line_index, max(-1, line_index - LOOK_BACK_LINES), -1):
        match = ITEM_LINE.match(lines[index])
        if match and not _is_year(match["num"]):
            item_number = match["num"].rstrip(".").upper()
            following = [match["title"]]
            for line in lines[index + 1 : index + 4]:
                if not line.strip() or ITEM_LINE.match(line):
                    break  # the next item starts
                following.append(line.strip())
            title = _clip(" ".join(following))
            break
    excerpt = _clip(" ".join(lines[max(0, line_index - 1) : line_index + 3]))
    vote = _vote(page[position : position + 1500]) if minutes else None
    return Mention(number, item_number, title or excerpt, excerpt, vote)


def _vote(text: str) -> str | None:
    match = VOTE.search(text)
    if match is None:
        return None
    if match["verb"]:
        return f"{match['verb'].lower()} {match['yes']}-{match['no']}"
    return f"{(match['verb2'] or match['verb3']).lower()} unanimously"


def vote_in(text: str) -> str | None:
    """The vote an item's own action text records ("Pass 4-1", "Approved unanimously")."""
    found = _vote(text)
    if found:
        return found
    match = ACTION.match(text)
    if match is None:
        return None
    verb = {"pass": "approved", "passed": "approved", "fail": "failed"}.get(
        match[1].lower(), match[1].lower()
    )
    return f"{verb} {match[2]}-{match[3]}" if match[2] else verb


def _is_year(number: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", number))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"
