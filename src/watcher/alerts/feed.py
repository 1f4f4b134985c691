"""An Atom feed (RFC 4287) of recent events with their cost figures."""

from __future__ import annotations

import os
import re
import tempfile
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from watcher.alerts.context import event_context
from watcher.alerts.render import Renderer, event_subject

ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 forbids outright; ElementTree would write them and break the feed.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: object) -> str:
    return _XML_INVALID.sub("", str(value or ""))


def _rfc3339(value: object, fallback: datetime) -> str:
    text = str(value or "").strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text) if text else fallback
    except ValueError:
        moment = fallback
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _clean(text)
    return element


def build_feed(
    events: Iterable[Mapping[str, Any]],
    *,
    base_url: str,
    now: datetime,
    state: str | None = None,
) -> bytes:
    """The feed document as UTF-8 bytes; entry ids are stable per event id."""
    base_url = base_url.rstrip("/")
    renderer = Renderer()
    # Plain tags under a default xmlns: readers expect <feed xmlns=...>, not an ns0: prefix,
    # and ET.register_namespace would change ElementTree for the whole process.
    root = ET.Element("feed", {"xmlns": ATOM})
    title = "287(g) agreement changes" + (f" in {state}" if state else "")
    _sub(root, "id", _urn(f"{base_url}/feed/{state or 'all'}"))
    _sub(root, "title", title)
    updated = _sub(root, "updated", _rfc3339(None, now))
    _sub(root, "link", rel="alternate", href=base_url + "/")
    author = _sub(root, "author")
    _sub(author, "name", "watcher")
    _sub(root, "generator", "watcher")
    latest = ""
    for event in events:
        stamp = _rfc3339(event.get("observed_at"), now)
        latest = max(latest, stamp)
        _entry(root, event, base_url=base_url, stamp=stamp, renderer=renderer)
    if latest:
        updated.text = latest
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def _entry(
    root: ET.Element, event: Mapping[str, Any], *, base_url: str, stamp: str, renderer: Renderer
) -> None:
    ctx = event_context(event)
    entry = _sub(root, "entry")
    _sub(entry, "id", _urn(f"{base_url}/events/{event.get('id')}"))
    _sub(entry, "title", event_subject(event))
    _sub(entry, "updated", stamp)
    # The event's own page (watcher web) first; the agreement document as a related link.
    _sub(entry, "link", rel="alternate", href=_clean(f"{base_url}/events/{event.get('id')}"))
    if ctx["moa_url"]:
        _sub(entry, "link", rel="related", href=_clean(ctx["moa_url"]))
    for term in (ctx["type"], ctx["state"]):
        if term:
            _sub(entry, "category", term=_clean(term))
    _sub(entry, "summary", ctx["what"], type="text")
    _sub(entry, "content", renderer.feed_text(event), type="text")


def write_feed(path: Path, data: bytes) -> None:
    """Replace the file atomically so a web server never serves half a feed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".xml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
