"""Verifying a proposed portal: one listing request, answered in the platform's format, naming
the right place. Pure functions on the response; the request is made by the caller."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from watcher.discovery.platforms import PlatformLink
from watcher.places.names import name_key
from watcher.states import STATE_NAMES

LEGISTAR_API = "https://webapi.legistar.com/v1"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str


def listing_url(link: PlatformLink, found_url: str, today: dt.date | None = None) -> str:
    """The one request that lists meetings on this platform."""
    today = today or dt.date.today()
    start = (today - dt.timedelta(days=90)).strftime("%m/%d/%Y")
    end = today.strftime("%m/%d/%Y")
    root = link.base_url
    match link.platform:
        case "legistar":
            return f"{LEGISTAR_API}/{link.client}/Events?$top=20&$orderby=EventDate+desc"
        case "civicplus":
            return f"{root}/Search/?term=&CIDs=all&startDate={start}&endDate={end}"
        case "granicus":
            if "ViewPublisher.php" in found_url:
                return found_url
            return f"{root}/ViewPublisher.php?view_id=1"
        case "iqm2":
            return f"{root}/Citizens/Calendar.aspx"
        case "novusagenda":
            return f"{root}/agendapublic/meetingsgeneral.aspx"
        case "civicclerk":
            return f"https://{link.client}.api.civicclerk.com/v1/Events?$top=20"
        case "boarddocs":
            return f"{root}/BD-GetMeetingsList?open"
        case "primegov":
            return f"{root}/api/v2/PublicPortal/ListUpcomingMeetings"
    raise ValueError(f"no listing request for platform {link.platform!r}")


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


def _records(data: Any, key: str | None = None) -> list[dict[str, Any]] | None:
    if key is not None and isinstance(data, dict):
        data = data.get(key)
    if isinstance(data, list) and all(isinstance(item, dict) for item in data):
        return data
    return None


def _has_keys(records: list[dict[str, Any]] | None, keys: set[str]) -> bool:
    return records is not None and (not records or bool(keys & set(records[0])))


_JSON_SHAPES: dict[str, tuple[str | None, set[str]]] = {
    "legistar": (None, {"EventId", "EventBodyName"}),
    "civicclerk": ("value", {"eventName", "startDateTime"}),
    "primegov": (None, {"meetingTypeId", "committeeId", "meetingTitle", "dateTime"}),
    "boarddocs": (None, {"unique", "numberdate"}),
}
_HTML_MARKERS: dict[str, re.Pattern[str]] = {
    "civicplus": re.compile(r"AgendaCenter|Agenda Center", re.I),
    "granicus": re.compile(r"ViewPublisher|granicus", re.I),
    "iqm2": re.compile(r"MeetingRow|IQM2", re.I),
    "novusagenda": re.compile(r"AgendaPublic|NovusAGENDA", re.I),
}


def in_platform_format(platform: str, body: bytes) -> bool:
    if platform in _JSON_SHAPES:
        key, keys = _JSON_SHAPES[platform]
        return _has_keys(_records(_json(body), key), keys)
    text = body[:2_000_000].decode("utf-8", "replace")
    marker = _HTML_MARKERS[platform]
    needed = 3 if platform == "civicplus" else 1  # every CivicPlus page links its AgendaCenter
    return len(marker.findall(text)) >= needed and "<" in text


def names_the_place(link: PlatformLink, body: bytes, government: str, state: str) -> Verdict:
    """Does the listing (or the portal's own host) name this county, and not a same-named
    county of another state?"""
    base = re.sub(r"\s+(County|Parish|Borough|city)$", "", government).strip()
    text = body[:2_000_000].decode("utf-8", "replace")
    other = _other_state(base, text, state)
    if other:
        return Verdict(False, f"the listing names {base} in {other}, not {state}: another place")
    tenant = name_key(link.client or urlsplit(link.base_url).hostname or "")
    key = name_key(base)
    suffix = re.match(rf"^{re.escape(key)}(?:county|co|parish)?(?P<tail>[a-z]*)$", tenant)
    if suffix and suffix["tail"] in {code.lower() for code in STATE_NAMES} - {state.lower()}:
        return Verdict(False, f"the portal {tenant!r} is for another state's {base}")
    if name_key(government) in name_key(text) or (len(key) >= 5 and tenant.startswith(key)):
        return Verdict(True, f"answers in {link.platform}'s format and names {government}")
    return Verdict(False, f"the listing does not name {government}")


def _other_state(base: str, text: str, state: str) -> str | None:
    """'Washington County, Oregon' in a listing checked for Washington County, TX."""
    names = "|".join(re.escape(n) for n in STATE_NAMES.values())
    codes = "|".join(STATE_NAMES)
    pattern = re.compile(
        rf"\b{re.escape(base)}\s+(?:County|Parish)\s*,?\s*(?P<st>{names}|(?:{codes})\b)", re.I
    )
    seen = set()
    for match in pattern.finditer(text):
        found = match["st"].upper() if len(match["st"]) == 2 else _code(match["st"])
        seen.add(found)
    if seen and state not in seen:
        return sorted(s for s in seen if s)[0] if any(seen) else None
    return None


def _code(name: str) -> str:
    for code, full in STATE_NAMES.items():
        if full.lower() == name.lower():
            return code
    return ""


def verify(link: PlatformLink, body: bytes, government: str, state: str) -> Verdict:
    if not in_platform_format(link.platform, body):
        return Verdict(False, f"the listing request did not answer in {link.platform}'s format")
    return names_the_place(link, body, government, state)
