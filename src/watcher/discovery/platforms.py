"""Agenda platforms recognised by host and path: pure functions on URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

PLATFORMS = (
    "legistar",
    "granicus",
    "iqm2",
    "novusagenda",
    "civicclerk",
    "boarddocs",
    "primegov",
    "civicplus",
)


@dataclass(frozen=True)
class PlatformLink:
    platform: str
    base_url: str  # the portal's root: scheme, host and the platform's fixed path
    client: str | None  # Legistar client, BoardDocs site path, tenant sub-domain


_TENANT = r"(?P<tenant>[a-z0-9][a-z0-9-]*)"
_HOSTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("legistar", re.compile(rf"^{_TENANT}\.legistar\.com$")),
    ("granicus", re.compile(rf"^{_TENANT}\.granicus\.com$")),
    ("iqm2", re.compile(rf"^{_TENANT}\.iqm2\.com$")),
    ("novusagenda", re.compile(rf"^{_TENANT}\.novusagenda\.com$")),
    ("civicclerk", re.compile(rf"^{_TENANT}\.(?:portal\.)?civicclerk\.com$")),
    ("primegov", re.compile(rf"^{_TENANT}\.primegov\.com$")),
    ("civicplus", re.compile(rf"^{_TENANT}\.civicplus\.com$")),
)
_BOARDDOCS = re.compile(r"^/(?P<state>[a-z]{2})/(?P<site>[a-z0-9-]+)/", re.I)
_AGENDA_CENTER = re.compile(r"^(?P<prefix>.*?/AgendaCenter)\b", re.I)


def recognise(url: str) -> PlatformLink | None:
    """The platform a link points to, or None. A CivicPlus AgendaCenter is recognised by its
    path on any host (counties serve it under their own domain)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    root = f"{parts.scheme}://{host}"
    if host == "webapi.legistar.com":
        client = parts.path.strip("/").split("/")[1:2]
        return PlatformLink("legistar", root, client[0]) if client else None
    for platform, pattern in _HOSTS:
        match = pattern.match(host)
        if match:
            tenant = match["tenant"]
            if tenant in ("www", "webapi"):
                return None
            if platform == "civicplus" and (center := _AGENDA_CENTER.match(parts.path)):
                return PlatformLink(platform, root + center["prefix"], tenant)
            return PlatformLink(platform, root, tenant)
    if host == "go.boarddocs.com":
        match = _BOARDDOCS.match(parts.path + "/")
        if match:
            site = f"{match['state'].lower()}/{match['site'].lower()}"
            return PlatformLink("boarddocs", f"{root}/{site}/Board.nsf", site)
        return None
    center = _AGENDA_CENTER.match(parts.path)
    if center:
        return PlatformLink("civicplus", root + center["prefix"], None)
    return None
