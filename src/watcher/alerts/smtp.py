"""Senders: a reused SMTP connection, or .eml files in a folder when no server is configured.

A sender raises `SendError` for a message it could not hand over; `permanent` tells the
outbox whether to retry, `unreachable` that the server itself could not be reached (the
outbox then stops the run and leaves every remaining message queued and untouched).
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from watcher.alerts.models import OutgoingMessage
from watcher.alerts.smtpwire import transaction
from watcher.config import AlertsConfig
from watcher.errors import ConfigError


class SendError(Exception):
    def __init__(
        self,
        message: str,
        *,
        permanent: bool,
        unreachable: bool = False,
        code: int | None = None,
        message_fault: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        # Seconds the receiver asked us to wait (a chat webhook's Retry-After), if it said.
        self.retry_after = retry_after
        self.permanent = permanent
        self.unreachable = unreachable
        self.code = code
        # The server refused this message's content (line too long, too big): the message
        # fails, the subscriber's address is not to blame.
        self.message_fault = message_fault


# Replies that name the message, not the mailbox (RFC 5321 552, Postfix, Exim, aiosmtpd).
_MESSAGE_FAULT = re.compile(
    r"line (is )?too long|too (big|large)|message size|size limit|exceeds? .*(size|limit)",
    re.IGNORECASE,
)


def names_the_message(code: int, reply: str) -> bool:
    return code == 552 or bool(_MESSAGE_FAULT.search(reply))


class Sender(Protocol):
    """Used as a context manager around one delivery run (one SMTP connection)."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def send(self, message: OutgoingMessage) -> None: ...


def _text(raw: bytes | str) -> str:
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw


class SmtpSender:
    def __init__(
        self,
        host: str,
        port: int = 587,
        starttls: bool = True,
        tls: bool = False,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.host = host
        self.port = port
        self.starttls = starttls
        self.tls = tls
        self.username = username
        self.password = password
        self.timeout = timeout
        self._conn: smtplib.SMTP | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError):
            conn.close()

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        conn: smtplib.SMTP
        if self.tls:
            conn = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            conn.ehlo()
            if self.starttls:
                conn.starttls(context=context)
                conn.ehlo()
            if self.username is not None:
                conn.login(self.username, self.password or "")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> smtplib.SMTP:
        if self._conn is None:
            try:
                self._conn = self._connect()
            except smtplib.SMTPResponseException as err:
                # Greeting, STARTTLS or AUTH refused: a server/config problem, not the message's.
                raise SendError(
                    f"SMTP {self.host}:{self.port} refused the session: "
                    f"{err.smtp_code} {_text(err.smtp_error)}",
                    permanent=False,
                    unreachable=True,
                    code=err.smtp_code,
                ) from err
            except (smtplib.SMTPException, OSError) as err:
                raise SendError(
                    f"cannot connect to SMTP {self.host}:{self.port}: {err}",
                    permanent=False,
                    unreachable=True,
                ) from err
        return self._conn

    def send(
        self,
        message: OutgoingMessage,
        *,
        before_mail_reply: Callable[[], None] | None = None,
        before_data_reply: Callable[[], None] | None = None,
    ) -> None:
        """Hand one message over; the two callbacks run while the server works (see
        `_transaction`). A callback's own error aborts the transaction before its final dot."""
        conn = self._open()
        try:
            transaction(conn, message, before_mail_reply, before_data_reply)
        except smtplib.SMTPRecipientsRefused as err:
            code, reply = next(iter(err.recipients.values()))
            if code == 421:  # the server is closing this session
                self.close()
            raise SendError(
                f"recipient refused: {code} {_text(reply)}", permanent=code >= 500, code=code
            ) from err
        except smtplib.SMTPSenderRefused as err:
            # Our own From address refused: every message would fail the same way.
            self.close()
            raise SendError(
                f"sender refused: {err.smtp_code} {_text(err.smtp_error)}",
                permanent=False,
                unreachable=True,
                code=err.smtp_code,
            ) from err
        except smtplib.SMTPResponseException as err:
            if err.smtp_code == 421:  # the server is closing this session
                self.close()
            text = _text(err.smtp_error)
            raise SendError(
                f"SMTP {err.smtp_code} {text}",
                permanent=err.smtp_code >= 500,
                code=err.smtp_code,
                message_fault=err.smtp_code >= 500 and names_the_message(err.smtp_code, text),
            ) from err
        except (smtplib.SMTPException, OSError) as err:
            # A dropped connection: this message is retried later; the next one reconnects.
            self._conn = None
            conn.close()
            raise SendError(f"SMTP connection lost: {err}", permanent=False) from err


_UNSAFE = re.compile(r"[^A-Za-z0-9._@-]+")


def eml_name(message_id: str) -> str:
    """A file name derived from the Message-ID alone, so a resend overwrites nothing new."""
    return _UNSAFE.sub("_", message_id.strip().strip("<>"))[:200] + ".eml"


class OutboxDirSender:
    """Writes each message as `<message-id>.eml`, atomically (temp file + rename)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> Self:
        self.path.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def send(self, message: OutgoingMessage) -> None:
        if not message.message_id:
            raise SendError("message has no Message-ID", permanent=True)
        target = self.path / eml_name(message.message_id)
        if target.exists():
            return
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".tmp-", suffix=".eml")
            with os.fdopen(fd, "wb") as handle:
                handle.write(message.data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError as err:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise SendError(f"cannot write {target}: {err}", permanent=False) from err


def _secret(name: str | None, what: str) -> str | None:
    if name is None:
        return None
    value = os.environ.get(name)
    if value is None:
        raise ConfigError(f"alerts.smtp.{what}: environment variable {name} is not set")
    return value


def sender_from_config(cfg: AlertsConfig, *, base_dir: Path) -> Sender:
    """SMTP when configured (secrets from the environment), else .eml files in outbox_dir."""
    if cfg.smtp is None:
        outbox = Path(cfg.outbox_dir)
        return OutboxDirSender(outbox if outbox.is_absolute() else base_dir / outbox)
    smtp = cfg.smtp
    # starttls defaults to true, so an explicit `tls: true` means implicit TLS alone.
    starttls = smtp.starttls and not smtp.tls
    return SmtpSender(
        host=smtp.host,
        port=smtp.port,
        starttls=starttls,
        tls=smtp.tls,
        username=_secret(smtp.username_env, "username_env"),
        password=_secret(smtp.password_env, "password_env"),
        timeout=smtp.timeout,
    )
