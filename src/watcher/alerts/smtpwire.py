"""One SMTP transaction on an open smtplib connection: smtplib's sendmail for one recipient,
written out so that the sender's own work runs while the server reads a command, and with
MAIL, RCPT and DATA in one write when the server offers PIPELINING (RFC 2920)."""

from __future__ import annotations

import contextlib
import functools
import re
import smtplib
from collections.abc import Callable

from watcher.alerts.models import OutgoingMessage

__all__ = ["PLAIN_ADDRESS", "quote_address", "transaction"]


def transaction(
    conn: smtplib.SMTP,
    message: OutgoingMessage,
    before_mail_reply: Callable[[], None] | None,
    before_data_reply: Callable[[], None] | None,
) -> None:
    """smtplib's sendmail for one recipient, with work done while the server reads a command
    instead of after its reply: `before_mail_reply` while it reads MAIL FROM (nothing is
    delivered before the final dot, so what runs there still comes before this message is
    handed over), `before_data_reply` while it takes the message in. To a server that offers
    PIPELINING (RFC 2920) MAIL, RCPT and DATA go in one write: two waits per message, not
    four. The same replies raise the same smtplib errors as sendmail's."""
    conn.ehlo_or_helo_if_needed()
    data = message.data
    size = f" size={len(data)}" if conn.does_esmtp and conn.has_extn("size") else ""
    mail = f"FROM:{_quoted(message.from_addr)}{size}"
    rcpt = f"TO:{quote_address(message.to_addr)}"
    if conn.has_extn("pipelining"):
        _pipelined_envelope(conn, message, mail, rcpt, before_mail_reply)
    else:
        _envelope(conn, message, mail, rcpt, before_mail_reply)
    if data.startswith(b".") or b"\n." in data:
        data = _DOT_LINE.sub(b"..", data)
    conn.send(data + (b".\r\n" if data.endswith(b"\r\n") else b"\r\n.\r\n"))
    if before_data_reply is not None:
        before_data_reply()
    code, reply = conn.getreply()
    if code != 250:
        _reset_or_close(conn, code)
        raise smtplib.SMTPDataError(code, reply)


def _envelope(
    conn: smtplib.SMTP,
    message: OutgoingMessage,
    mail: str,
    rcpt: str,
    before_mail_reply: Callable[[], None] | None,
) -> None:
    """MAIL, RCPT and DATA one at a time, each after the reply to the one before."""
    conn.putcmd("mail", mail)
    if before_mail_reply is not None:
        before_mail_reply()
    code, reply = conn.getreply()
    if code != 250:
        _reset_or_close(conn, code)
        raise smtplib.SMTPSenderRefused(code, reply, message.from_addr)
    conn.putcmd("rcpt", rcpt)
    code, reply = conn.getreply()
    if code not in (250, 251):
        _reset_or_close(conn, code)
        raise smtplib.SMTPRecipientsRefused({message.to_addr: (code, reply)})
    conn.putcmd("data")
    code, reply = conn.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)


def _pipelined_envelope(
    conn: smtplib.SMTP,
    message: OutgoingMessage,
    mail: str,
    rcpt: str,
    before_mail_reply: Callable[[], None] | None,
) -> None:
    """MAIL, RCPT and DATA in one write, then their three replies (RFC 2920)."""
    group = f"mail {mail}\r\nrcpt {rcpt}\r\ndata\r\n"
    if group.count("\r") != 3 or group.count("\n") != 3:  # as smtplib's putcmd refuses
        raise ValueError(f"command arguments contain line breaks: {group!r:.200}")
    conn.send(group)
    if before_mail_reply is not None:
        before_mail_reply()
    replies: list[tuple[int, bytes]] = []
    for _ in range(3):
        replies.append(conn.getreply())
        if replies[-1][0] == 421:  # the server is closing this session
            conn.close()
            break
    codes = [code for code, _ in replies] + [0] * (3 - len(replies))
    accepted = codes[0] == 250 and codes[1] in (250, 251)
    if codes[2] == 354 and not accepted:
        conn.send(b".\r\n")  # end the data a lenient server opened anyway: no recipient
        conn.getreply()
    if codes[0] != 250:
        _reset_or_close(conn, codes[0])
        raise smtplib.SMTPSenderRefused(*replies[0], message.from_addr)
    if codes[1] not in (250, 251):
        _reset_or_close(conn, codes[1])
        raise smtplib.SMTPRecipientsRefused({message.to_addr: replies[1]})
    if codes[2] != 354:
        raise smtplib.SMTPDataError(*replies[2])


_DOT_LINE = re.compile(rb"(?m)^\.")  # RFC 5321 4.5.2 transparency, as smtplib does it


@functools.lru_cache(maxsize=8)
def _quoted(address: str) -> str:
    # The From address is the same for every message of a run: parse it once.
    return smtplib.quoteaddr(address)


# An address this plain is what smtplib.quoteaddr would put in angle brackets as it is; only
# the others need its parser (tests/test_alerts_mailmerge.py checks the two agree).
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\Z")


def quote_address(address: str) -> str:
    """smtplib.quoteaddr, without parsing a plain address."""
    if PLAIN_ADDRESS.match(address):
        return f"<{address}>"
    return smtplib.quoteaddr(address)


def _reset_or_close(conn: smtplib.SMTP, code: int) -> None:
    if code == 421:  # the server is closing this session
        conn.close()
        return
    if conn.sock is None:  # closed already
        return
    with contextlib.suppress(smtplib.SMTPServerDisconnected):  # surfaces on the next command
        conn.rset()
