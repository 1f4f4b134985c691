"""Sending one alert to a chat channel: Apprise for the chat services, watcher's own signed
JSON webhook for a coalition's tools. Failures are sorted like SMTP's: a 429, a 5xx or a
channel that is down is temporary (retried with backoff, the run goes on; no sooner than the
webhook's Retry-After); another 4xx is permanent and counts towards marking the channel bouncing.

The webhook POSTs ``{"type", "subject", "text", "links", "event" | "events", "delivery_id"}``
as JSON with ``X-Watcher-Timestamp`` (Unix seconds) and ``X-Watcher-Signature:
sha256=HEX``, the HMAC-SHA256 of ``TIMESTAMP.BODY`` under the channel's secret, and never
follows a redirect. ``delivery_id`` is the outbox's stable message id, so a receiver can drop
the duplicate a crash between send and commit could cause.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from watcher.alerts.channels import WEBHOOK_SCHEMES, ChannelError, load_apprise, resolve
from watcher.alerts.channels import webhook_target as _webhook_target
from watcher.alerts.smtp import SendError
from watcher.timestamps import retry_after_seconds

_STATUS = re.compile(r"error=(\d{3})")
TIMEOUT = 15.0


@dataclass(frozen=True)
class ChatMessage:
    subject: str
    text: str  # plain text, as short as the service shows well
    delivery_id: str
    data: dict[str, Any] = field(default_factory=dict)  # the webhook's JSON extras


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def _apprise_log() -> Iterator[_Capture]:
    # Apprise answers True or False; why it failed (a status code, a refused connection) is
    # only in its log, which is read here to tell a 429 from a 404.
    logger = logging.getLogger("apprise")
    capture = _Capture()
    old_level = logger.level
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old_level)


def classify(status: int | None, detail: str, retry_after: float | None = None) -> SendError:
    """A failed send as SendError: temporary unless the service refused it for good."""
    if status is not None and 400 <= status < 500 and status not in (408, 425, 429):
        return SendError(f"the channel refused the message: {detail}", permanent=True, code=status)
    return SendError(
        f"the channel failed for now: {detail}",
        permanent=False,
        code=status,
        retry_after=retry_after,
    )


class ChannelSender:
    """Sends to channels; one per delivery run, sharing an httpx client for the webhooks."""

    def __init__(
        self, client: httpx.Client | None = None, environ: Mapping[str, str] | None = None
    ) -> None:
        self.client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
        self.environ = environ

    def close(self) -> None:
        self.client.close()

    def send(self, channel_url: str, message: ChatMessage) -> None:
        try:
            resolved = resolve(channel_url, self.environ)
        except ChannelError as exc:  # the operator's environment lost a variable: fixable
            raise SendError(str(exc), permanent=False) from None
        if resolved.split("://", 1)[0].lower() in WEBHOOK_SCHEMES:
            self._webhook(resolved, message)
        else:
            self._apprise(resolved, message)

    def _apprise(self, resolved: str, message: ChatMessage) -> None:
        apprise = load_apprise()()
        if not apprise.add(resolved):
            raise SendError("Apprise cannot use this channel URL", permanent=True)
        with _apprise_log() as log:
            ok = bool(apprise.notify(body=message.text, title=message.subject))
        if ok:
            return
        found = [int(m.group(1)) for line in log.lines if (m := _STATUS.search(line))]
        detail = next((line for line in log.lines if "rror" in line), "no reason given")
        raise classify(found[-1] if found else None, detail[:300])

    def _webhook(self, resolved: str, message: ChatMessage) -> None:
        target, key = _webhook_target(resolved)
        body = json.dumps(
            {
                "type": message.data.get("type", "event"),
                "subject": message.subject,
                "text": message.text,
                "delivery_id": message.delivery_id,
                **{k: v for k, v in message.data.items() if k != "type"},
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode()
        stamp = str(int(time.time()))
        signature = hmac.new(key, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": "application/json",
            "X-Watcher-Timestamp": stamp,
            "X-Watcher-Signature": f"sha256={signature}",
            "X-Watcher-Delivery": message.delivery_id,
        }
        try:
            answer = self.client.post(target, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise classify(None, f"cannot reach the webhook: {exc}") from None
        if answer.is_redirect:
            raise SendError("the webhook answered with a redirect; not followed", permanent=True)
        if answer.status_code >= 300:
            wait = retry_after_seconds(answer.headers.get("Retry-After"))
            raise classify(answer.status_code, f"HTTP {answer.status_code}", wait)


def verify(body: bytes, timestamp: str, signature: str, key: bytes) -> bool:
    """How a receiver checks a webhook's signature (used by the tests, documented for users)."""
    expected = hmac.new(key, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={expected}", signature)
