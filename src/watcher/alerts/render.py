"""Turn event snapshots into email messages (plain text + HTML from autoescaped templates)."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from email.charset import QP, Charset
from email.generator import BytesGenerator
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import format_datetime, formataddr, parseaddr
from io import BytesIO
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from watcher.alerts.models import EVENT_HEADLINES, EVENT_TYPES, OutgoingMessage

# Rendered once per event with this stand-in, then swapped per subscriber: rendering the
# templates for each of 10,000 recipients of the same event would dominate delivery time.
_UNSUB_PLACEHOLDER = "WATCHER-UNSUBSCRIBE-URL-7f3a9c"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")

_WHAT = {
    "new": "{agency} ({state}) signed a 287(g) agreement under the {model}.",
    "renewal": "{agency} ({state}) renewed its 287(g) agreement under the {model}.",
    "withdrawal": "{agency} ({state}) no longer appears on ICE's list of 287(g) agreements "
    "under the {model}.",
    "rename": "ICE now lists {previous} as {agency} ({state}), {model}.",
    "relabel": "ICE corrected its listing: the {model} agreement it listed as {previous} is "
    "now listed as {agency} ({state}). The agreement itself did not change.",
    "pending": "{agency} ({state}) appears on ICE's list of pending 287(g) agreements "
    "under the {model}.",
    "reinstated": "{agency} ({state}) is back on ICE's list of 287(g) agreements under the "
    "{model}, after having been withdrawn.",
    "agenda_item": "{agency} ({state}) has an item about 287(g) on a meeting agenda.",
}


def header_text(value: object) -> str:
    """One line, no control characters: nothing from the data can start a new header."""
    return " ".join(_CONTROL.sub(" ", str(value or "")).split())


SUBJECT_NAME_CHARS = 100  # an agency name longer than this is shortened with an ellipsis
SUBJECT_CHARS = 250  # far inside RFC 5322's 998-byte line, even before folding


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def event_subject(event: Mapping[str, Any]) -> str:
    headline = EVENT_HEADLINES.get(str(event.get("type")), "287(g) agreement change")
    agency = shorten(header_text(event.get("agency")), SUBJECT_NAME_CHARS) or "Unknown agency"
    state = header_text(event.get("state"))
    model = header_text(event.get("support_type"))
    place = f"{agency}, {state}" if state else agency
    return header_text(f"{headline}: {place} - {model}" if model else f"{headline}: {place}")


def _safe_url(value: object) -> str | None:
    # Only web links become links; "javascript:" and friends are shown as nothing at all.
    text = str(value or "").strip()
    return text if re.match(r"https?://[^\s<>\"]+$", text, re.IGNORECASE) else None


def _date_text(value: object) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        day = (
            date.fromisoformat(text)
            if len(text) == 10
            else datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        )
        return f"{day:%B} {day.day}, {day.year}"
    except ValueError:
        return text


def money(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value) if value not in (None, "") else ""
    return f"${value:,.0f}" if float(value).is_integer() or abs(value) >= 1000 else f"${value:,.2f}"


def _dicts(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, list | tuple):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _cost(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "amount": money(item.get("amount")),
        "kind": str(item.get("kind") or "").replace("_", " "),
        "fiscal_year": item.get("fiscal_year") or "",
        "period": item.get("period") or "",
        "sentence": " ".join(str(item.get("sentence") or "").split()),
        "url": _safe_url(item.get("url")),
        "raw_url": str(item.get("url") or ""),
        "page": item.get("page") or "",
        "doc_date": _date_text(item.get("doc_date")),
    }


def _reference(item: Mapping[str, Any]) -> dict[str, Any]:
    amount = item.get("amount_text") or money(item.get("amount"))
    return {
        "description": str(item.get("description") or ""),
        "amount": amount,
        "unit": item.get("unit") or "",
        "source_url": _safe_url(item.get("source_url")),
        "raw_source_url": str(item.get("source_url") or ""),
        "source_date": _date_text(item.get("source_date")),
    }


def _legal(value: object) -> dict[str, Any] | None:
    if not isinstance(value, Mapping) or not value.get("text"):
        return None
    return {
        "text": str(value.get("text")),
        "citation": str(value.get("citation") or ""),
        "as_of": _date_text(value.get("as_of")),
        "disclaimer": str(value.get("disclaimer") or "This is background, not legal advice."),
        "notable": bool(value.get("notable")),
        "conflicts_with_mandate": bool(value.get("conflicts_with_mandate")),
    }


def _agenda(event: Mapping[str, Any]) -> dict[str, Any] | None:
    """An agenda item's meeting, item and documents (None for ICE list events)."""
    if event.get("type") != "agenda_item":
        return None
    documents = [
        {
            "kind": str(d.get("kind") or ""),
            "title": str(d.get("title") or ""),
            "url": _safe_url(d.get("url")),
            "raw_url": str(d.get("url") or ""),
            "page": d.get("page"),
        }
        for d in _dicts(event.get("documents"))
    ]
    return {
        "body": str(event.get("body") or event.get("agency") or ""),
        "meeting_date": _date_text(event.get("meeting_date")),
        "upcoming": bool(event.get("upcoming")),
        "item_number": str(event.get("item_number") or ""),
        "title": str(event.get("title") or ""),
        "excerpt": str(event.get("excerpt") or ""),
        "vote": str(event.get("vote") or ""),
        "meeting_url": _safe_url(event.get("meeting_url")),
        "raw_meeting_url": str(event.get("meeting_url") or ""),
        "documents": documents,
    }


def event_context(event: Mapping[str, Any]) -> dict[str, Any]:
    """Clean, pre-formatted values: templates stay free of logic about missing fields."""
    kind = str(event.get("type") or "")
    agency = str(event.get("agency") or "Unknown agency")
    state = str(event.get("state") or "")
    model = str(event.get("support_type") or "")
    previous = str(event.get("previous_agency") or "")
    former_county = _previous_county(event)
    was = f"{previous} ({former_county})" if former_county else previous
    what = _WHAT.get(kind, "{agency} ({state}): a change to its 287(g) agreement ({model}).")
    return {
        "id": event.get("id"),
        "type": kind,
        "subject": event_subject(event),
        "headline": EVENT_HEADLINES.get(kind, "287(g) agreement change"),
        "agency": agency,
        "state": state,
        "county": str(event.get("county") or ""),
        "support_type": model,
        "what": what.format(
            agency=agency,
            state=state,
            model=model or "287(g) program",
            previous=was or "an agency",
        ),
        "observed": _date_text(event.get("observed_at")),
        "source": str(event.get("source") or ""),
        "signed": _date_text(event.get("signed")),
        "previous_signed": _date_text(event.get("previous_signed")),
        "previous_agency": previous,
        "moa_url": _safe_url(event.get("moa_url")),
        "raw_moa_url": str(event.get("moa_url") or ""),
        "costs": [_cost(item) for item in _dicts(event.get("cost_figures"))],
        "references": [_reference(item) for item in _dicts(event.get("reference_figures"))],
        "legal": _legal(event.get("legal_context")),
        "records_hint": str(event.get("records_request_hint") or ""),
        "agenda": _agenda(event),
    }


def _previous_county(event: Mapping[str, Any]) -> str:
    """A relabel's former county (ICE corrected agency and county at once)."""
    detail = event.get("detail")
    if event.get("type") != "relabel" or not isinstance(detail, Mapping):
        return ""
    return str(detail.get("previous_county") or "")


class Renderer:
    def __init__(self, *, cache_size: int = 256) -> None:
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).with_name("templates")),
            autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self._cache: dict[object, tuple[str, str]] = {}
        self._cache_size = cache_size

    def _render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)

    def event_parts(self, event: Mapping[str, Any], unsubscribe_url: str | None) -> tuple[str, str]:
        key = event.get("id")
        parts = self._cache.get(key) if key is not None else None
        if parts is None:
            ctx = {"e": event_context(event), "unsubscribe_url": _UNSUB_PLACEHOLDER}
            parts = (self._render("event.txt", **ctx), self._render("event.html", **ctx))
            if key is not None:
                if len(self._cache) >= self._cache_size:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = parts
        return _fill(parts, unsubscribe_url)

    def digest_parts(
        self, events: Iterable[Mapping[str, Any]], *, cadence: str, unsubscribe_url: str | None
    ) -> tuple[str, tuple[str, str]]:
        groups = group_for_digest(event_context(event) for event in events)
        total = sum(len(items) for by_type in groups.values() for _, items in by_type)
        subject = f"287(g) {cadence} digest: {total} change{'s' if total != 1 else ''}"
        states = sorted(groups)
        if states:
            subject += " (" + ", ".join(states[:6]) + (", ..." if len(states) > 6 else "") + ")"
        ctx = {
            "groups": groups,
            "total": total,
            "cadence": cadence,
            "subject": subject,
            "unsubscribe_url": _UNSUB_PLACEHOLDER,
        }
        parts = (self._render("digest.txt", **ctx), self._render("digest.html", **ctx))
        return header_text(subject), _fill(parts, unsubscribe_url)

    def feed_text(self, event: Mapping[str, Any]) -> str:
        return self._render("event.txt", e=event_context(event), unsubscribe_url=None)


def _fill(parts: tuple[str, str], unsubscribe_url: str | None) -> tuple[str, str]:
    url = unsubscribe_url or ""
    return (
        parts[0].replace(_UNSUB_PLACEHOLDER, url),
        parts[1].replace(_UNSUB_PLACEHOLDER, html.escape(url, quote=True)),
    )


def group_for_digest(
    contexts: Iterable[dict[str, Any]],
) -> dict[str, list[tuple[str, list[dict[str, Any]]]]]:
    """{state: [(headline, [event, ...]), ...]}, types in a fixed order, agencies sorted."""
    by_state: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for ctx in contexts:
        by_state.setdefault(ctx["state"] or "??", {}).setdefault(ctx["type"], []).append(ctx)
    order = {kind: i for i, kind in enumerate(EVENT_TYPES)}
    return {
        state: [
            (EVENT_HEADLINES.get(kind, kind), sorted(items, key=lambda c: c["agency"].casefold()))
            for kind, items in sorted(types.items(), key=lambda kv: order.get(kv[0], 99))
        ]
        for state, types in sorted(by_state.items())
    }


def _qp_utf8() -> Charset:
    charset = Charset("utf-8")
    charset.body_encoding = QP
    charset.header_encoding = QP
    return charset


_UTF8 = _qp_utf8()


# compat32 and hand-cleaned header values: the modern EmailMessage API re-parses every
# header and doubled the cost of each message, which bounded delivery to ~280 msgs/s.
# Lines up to 998 keep List-Unsubscribe's URL on one line; encoded words fold themselves.
class _CleanHeaderPolicy(Compat32):
    def _fold(self, name: str, value: Any, sanitize: bool) -> str:
        # Every value set here is already one clean line (header_text) or pre-folded encoded
        # words: writing it as is skips a Header object per header per message.
        if isinstance(value, str) and value.isascii() and len(name) + len(value) < 990:
            return f"{name}: {value}{self.linesep}"
        folded: str = super()._fold(name, value, sanitize)  # type: ignore[misc]
        return folded


_POLICY = _CleanHeaderPolicy(linesep="\r\n", max_line_length=998)


def _text_part(body: str, subtype: str) -> MIMEText:
    return MIMEText(body, subtype, _UTF8)  # type: ignore[arg-type]


def _header(name: str, value: str) -> str:
    if value.isascii():
        return value
    encoded: str = Header(value, _UTF8, maxlinelen=76, header_name=name).encode(linesep="\r\n")
    return encoded


def build_message(
    *,
    subject: str,
    text: str,
    html_body: str | None,
    to_addr: str,
    from_addr: str,
    message_id: str,
    date_: datetime,
    unsubscribe_url: str | None,
) -> OutgoingMessage:
    """The message as bytes ready for SMTP (CRLF), with its envelope addresses."""
    from_name, from_email = parseaddr(header_text(from_addr))
    to_email = header_text(to_addr)
    msg: MIMEText | MIMEMultipart
    if html_body is None:
        msg = _text_part(text, "plain")
    else:
        # "=_" never occurs in quoted-printable text, so this boundary cannot collide, and
        # the generator skips building a regex per message to search for a safe one.
        msg = MIMEMultipart("alternative", boundary="=_" + uuid.uuid4().hex)
        msg.attach(_text_part(text, "plain"))
        msg.attach(_text_part(html_body, "html"))
    msg["Subject"] = _header("Subject", shorten(header_text(subject), SUBJECT_CHARS))
    msg["From"] = formataddr((from_name, from_email), charset=_UTF8)
    msg["To"] = to_email
    msg["Date"] = format_datetime(date_ if date_.tzinfo else date_.replace(tzinfo=UTC))
    msg["Message-ID"] = header_text(message_id)
    msg["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:
        # RFC 8058 one-click: the POST target is the same HTTPS link as the body's.
        msg["List-Unsubscribe"] = f"<{header_text(unsubscribe_url)}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    buffer = BytesIO()
    BytesGenerator(buffer, policy=_POLICY).flatten(msg)
    return OutgoingMessage(
        from_addr=from_email,
        to_addr=to_email,
        message_id=header_text(message_id),
        data=buffer.getvalue(),
    )
