"""Mail merge: an alert's MIME bytes are built once per shared content (one event or one
digest, in one language), and each recipient's own parts are stamped into them.

Building and quoted-printable encoding a message with the email package costs about ten
times what stamping does, and every subscriber of one event gets the same message but for
the To address, the Message-ID, the unsubscribe link (a header and one line in each part)
and the MIME boundary. The template is `build_message`'s own output for stand-in values, so
the stamped bytes are the bytes `build_message` writes for the real ones: the lines that
carry the link are quoted-printable encoded per recipient with the email package's encoder
(quoted-printable works line by line), and a template is only used after one stamped
message matched `build_message`'s, byte for byte. A value that is not plain printable ASCII
(a hostile address, say) gets no stamp: that message is built the long way, cleaned as always.
"""

from __future__ import annotations

import html
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from watcher.alerts.models import OutgoingMessage
from watcher.alerts.render import build_message, qp_line

__all__ = ["UNSUBSCRIBE_MARK", "MergeTemplate", "make_template"]

# Letters and digits only, so that autoescaping, html.escape and quoted-printable leave the
# stand-ins as they are; the random part keeps anything in the data from posing as one.
_SECRET = secrets.token_hex(8)
UNSUBSCRIBE_MARK = f"WmU{_SECRET}"
_TO = f"WmT{_SECRET}"
_MESSAGE_ID = f"WmM{_SECRET}"
_BOUNDARY = f"=_WmB{_SECRET}"
_LINE = f"WmL{_SECRET}"

# Stamped only when each value is printable ASCII without spaces: then header_text leaves it
# alone and the header is written unfolded, exactly as build_message writes it.
_PLAIN = re.compile(r"[!-~]{1,900}\Z")

_CHECK_VALUES = {
    "to_addr": "check.reader+x@example.org",
    "message_id": "<0123456789abcdef@check.invalid>",
    # '=', '&' and a length that moves the soft line breaks: what a real link may hold.
    "unsubscribe_url": "https://check.invalid/unsubscribe/Ab=c&d'e_" + "x" * 41,
    "boundary": "=_" + "0" * 32,
}


@dataclass(frozen=True)
class _Line:
    """A body line carrying the unsubscribe link; `escape` for the HTML part."""

    text: str
    escape: bool


_Piece = bytes | str | _Line  # bytes as they are; str names a header value or the boundary


@dataclass(frozen=True)
class MergeTemplate:
    pieces: tuple[_Piece, ...]
    from_addr: str

    def stamp(
        self, *, to_addr: str, message_id: str, unsubscribe_url: str, boundary: str | None = None
    ) -> OutgoingMessage | None:
        """The message for one recipient, or None when a value needs `build_message`."""
        url = unsubscribe_url
        # A value that matches _PLAIN is its own header_text: no control character, no space.
        if not (_PLAIN.match(to_addr) and _PLAIN.match(message_id) and _PLAIN.match(url)):
            return None
        values = {
            _TO: to_addr.encode("ascii"),
            _MESSAGE_ID: message_id.encode("ascii"),
            UNSUBSCRIBE_MARK: url.encode("ascii"),
            _BOUNDARY: (boundary or "=_" + os.urandom(16).hex()).encode("ascii"),
        }
        escaped = html.escape(url, quote=True)
        out: list[bytes] = []
        for piece in self.pieces:
            if isinstance(piece, bytes):
                out.append(piece)
            elif isinstance(piece, str):
                out.append(values[piece])
            else:
                out.append(
                    qp_line(piece.text.replace(UNSUBSCRIBE_MARK, escaped if piece.escape else url))
                )
        return OutgoingMessage(
            from_addr=self.from_addr, to_addr=to_addr, message_id=message_id, data=b"".join(out)
        )


def make_template(
    *, subject: str, text: str, html_body: str, from_addr: str, date_: datetime
) -> MergeTemplate | None:
    """A template from bodies rendered with UNSUBSCRIBE_MARK as the link, or None when its
    stamped message would differ from build_message's (then each message is built whole)."""
    lines: dict[str, _Line] = {}

    def mark(body: str, escape: bool) -> str | None:
        out = body.split("\n")
        for n, line in enumerate(out):
            if UNSUBSCRIBE_MARK in line:
                if "\r" in line:  # a line break quoted-printable would see: not stamped
                    return None
                key = f"{_LINE}x{len(lines)}x"
                lines[key] = _Line(line, escape)
                out[n] = key
        return "\n".join(out)

    marked_text, marked_html = mark(text, False), mark(html_body, True)
    if marked_text is None or marked_html is None:
        return None
    built = build_message(
        subject=subject,
        text=marked_text,
        html_body=marked_html,
        to_addr=_TO,
        from_addr=from_addr,
        message_id=_MESSAGE_ID,
        date_=date_,
        unsubscribe_url=UNSUBSCRIBE_MARK,
        boundary=_BOUNDARY,
    )
    template = _split(built, lines)
    if template is None:
        return None
    check = _CHECK_VALUES
    expected = build_message(
        subject=subject,
        text=text.replace(UNSUBSCRIBE_MARK, check["unsubscribe_url"]),
        html_body=html_body.replace(
            UNSUBSCRIBE_MARK, html.escape(check["unsubscribe_url"], quote=True)
        ),
        to_addr=check["to_addr"],
        from_addr=from_addr,
        message_id=check["message_id"],
        date_=date_,
        unsubscribe_url=check["unsubscribe_url"],
        boundary=check["boundary"],
    )
    return template if template.stamp(**check) == expected else None


def _split(built: OutgoingMessage, lines: dict[str, _Line]) -> MergeTemplate | None:
    """Cut the template's bytes at each stand-in; None unless each occurs where expected."""
    marks = [_TO, _MESSAGE_ID, UNSUBSCRIBE_MARK, _BOUNDARY, *lines]
    pattern = re.compile(b"(" + b"|".join(re.escape(m.encode("ascii")) for m in marks) + b")")
    pieces: list[_Piece] = []
    seen: dict[str, int] = {}
    for n, chunk in enumerate(pattern.split(built.data)):
        if n % 2 == 0:
            if chunk:
                pieces.append(chunk)
            continue
        name = chunk.decode("ascii")
        seen[name] = seen.get(name, 0) + 1
        pieces.append(lines.get(name) or name)
    once = [_TO, _MESSAGE_ID, UNSUBSCRIBE_MARK, *lines]  # the link once: in its header
    if any(seen.get(name) != 1 for name in once) or seen.get(_BOUNDARY, 0) < 3:
        return None
    return MergeTemplate(pieces=tuple(pieces), from_addr=built.from_addr)
