"""Turn event snapshots into email messages (plain text + HTML from autoescaped templates).

An alert is written for a reader on a phone: the first paragraph says what happened, who,
where, when and the one most relevant figure; details follow; at most three program-level
figures; the state's law in two sentences; links (with words, never command lines) to the
agency's page and a ready records-request letter on the web site."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
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

from watcher.alerts.context import event_context
from watcher.alerts.models import EVENT_HEADLINES, EVENT_TYPES, OutgoingMessage
from watcher.alerts.wording import state_label
from watcher.i18n import N_, gettext_for, translations

# Rendered once per event with this stand-in, then swapped per subscriber: rendering the
# templates for each of 10,000 recipients of the same event would dominate delivery time.
_UNSUB_PLACEHOLDER = "WATCHER-UNSUBSCRIBE-URL-7f3a9c"
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_text(value: object) -> str:
    """One line, no control characters: nothing from the data can start a new header."""
    return " ".join(_CONTROL.sub(" ", str(value or "")).split())


SUBJECT_NAME_CHARS = 100  # an agency name longer than this is shortened with an ellipsis
SUBJECT_CHARS = 250  # far inside RFC 5322's 998-byte line, even before folding


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def event_subject(event: Mapping[str, Any], lang: str = "en") -> str:
    _ = gettext_for(lang)
    headline = _(EVENT_HEADLINES.get(str(event.get("type")), N_("287(g) agreement change")))
    agency = shorten(header_text(event.get("agency")), SUBJECT_NAME_CHARS) or _("Unknown agency")
    state = header_text(event.get("state"))
    model = header_text(event.get("support_type"))
    place = f"{agency}, {state}" if state else agency
    return header_text(f"{headline}: {place} - {model}" if model else f"{headline}: {place}")


_CADENCES = {"daily": N_("daily"), "weekly": N_("weekly"), "immediate": N_("immediate")}


def _previous_county(event: Mapping[str, Any]) -> str:
    """A relabel's former county (ICE corrected agency and county at once)."""
    detail = event.get("detail")
    if event.get("type") != "relabel" or not isinstance(detail, Mapping):
        return ""
    return str(detail.get("previous_county") or "")


class Renderer:
    """Renders alerts in one language (``lang``), from the templates in ``templates/``."""

    def __init__(self, *, base_url: str = "", cache_size: int = 256, lang: str = "en") -> None:
        self.base_url = base_url.rstrip("/")
        self.lang = lang
        self.env = Environment(
            loader=FileSystemLoader(Path(__file__).with_name("templates")),
            autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.i18n"],
        )
        self.env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
        self._cache: dict[object, tuple[str, str]] = {}
        self._cache_size = cache_size

    def _render(self, name: str, **context: Any) -> str:
        out = self.env.get_template(name).render(lang=self.lang, **context)
        # Optional sections leave runs of blank lines in plain text; one is enough.
        return _BLANK_LINES.sub("\n\n", out) if name.endswith(".txt") else out

    def context(self, event: Mapping[str, Any]) -> dict[str, Any]:
        return event_context(event, self.base_url, self.lang)

    def event_parts(self, event: Mapping[str, Any], unsubscribe_url: str | None) -> tuple[str, str]:
        key = event.get("id")
        parts = self._cache.get(key) if key is not None else None
        if parts is None:
            ctx = {"e": self.context(event), "unsubscribe_url": _UNSUB_PLACEHOLDER}
            parts = (self._render("event.txt", **ctx), self._render("event.html", **ctx))
            if key is not None:
                if len(self._cache) >= self._cache_size:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = parts
        return _fill(parts, unsubscribe_url)

    def digest_subject(self, groups: Mapping[str, Any], cadence: str) -> str:
        total = sum(len(items) for by_type in groups.values() for _, items in by_type)
        words = translations(self.lang)
        subject = words.ngettext(
            "287(g) {cadence} digest: {count} change",
            "287(g) {cadence} digest: {count} changes",
            total,
        ).format(cadence=words.gettext(_CADENCES.get(cadence, cadence)), count=total)
        states = sorted(groups)
        if states:
            subject += " (" + ", ".join(states[:6]) + (", ..." if len(states) > 6 else "") + ")"
        return subject

    def digest_parts(
        self, events: Iterable[Mapping[str, Any]], *, cadence: str, unsubscribe_url: str | None
    ) -> tuple[str, tuple[str, str]]:
        groups = group_for_digest(self.context(event) for event in events)
        subject = self.digest_subject(groups, cadence)
        ctx = {
            "groups": groups,
            "state_names": {code: state_label(code, self.lang) for code in groups},
            "cadence": gettext_for(self.lang)(_CADENCES.get(cadence, cadence)),
            "subject": subject,
            "unsubscribe_url": _UNSUB_PLACEHOLDER,
        }
        parts = (self._render("digest.txt", **ctx), self._render("digest.html", **ctx))
        return header_text(subject), _fill(parts, unsubscribe_url)

    def confirmation_parts(self, choices: list[tuple[str, str]], link: str) -> tuple[str, str]:
        """The double opt-in email: what was asked for, and the one link that starts it."""
        return (
            self._render("confirm.txt", choices=choices, link=link),
            self._render("confirm.html", choices=choices, link=link),
        )

    def feed_text(self, event: Mapping[str, Any]) -> str:
        return self._render("event.txt", e=self.context(event), unsubscribe_url=None)


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


def new_boundary() -> str:
    return "=_" + uuid.uuid4().hex


def qp_line(line: str) -> bytes:
    """One line of a text part (no line break at its end) as `build_message` writes it:
    quoted-printable in lines of at most 76 characters, CRLF, a leading "From " quoted."""
    encoded: str = _UTF8.body_encode(line)
    return _FROM_LINE.sub(">From ", encoded).replace("\n", "\r\n").encode("ascii")


_FROM_LINE = re.compile(r"^From ", re.MULTILINE)  # the generator's own mbox quoting


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
    boundary: str | None = None,
) -> OutgoingMessage:
    """The message as bytes ready for SMTP (CRLF), with its envelope addresses.

    `boundary` is for the mail merge (``mailmerge``), which stamps its own into a template;
    by default each message gets a random one."""
    from_name, from_email = parseaddr(header_text(from_addr))
    to_email = header_text(to_addr)
    msg: MIMEText | MIMEMultipart
    if html_body is None:
        msg = _text_part(text, "plain")
    else:
        # "=_" never occurs in quoted-printable text, so this boundary cannot collide, and
        # the generator skips building a regex per message to search for a safe one.
        msg = MIMEMultipart("alternative", boundary=boundary or new_boundary())
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
