"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the alert tests and the benchmark.

It records what it accepts and can be told to answer 4xx/5xx, or be stopped and started
again on the same port to play an outage.
"""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Iterator
from email.message import Message
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RecordingHandler:
    def __init__(self, *, keep_parsed: bool = True) -> None:
        self.keep_parsed = keep_parsed
        self.lock = threading.Lock()
        self.messages: list[Message] = []
        self.raw: list[bytes] = []  # each message's bytes as received, kept with `messages`
        self.envelopes: list[tuple[str, list[str]]] = []
        self.count = 0
        self.data_replies: list[str] = []  # answered to the next DATA commands, one each
        self.rcpt_rejects: dict[str, str] = {}  # address -> reply, every time

    async def handle_RCPT(  # aiosmtpd calls hooks by this name
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        reply = self.rcpt_rejects.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # aiosmtpd calls hooks by this name
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        with self.lock:
            if self.data_replies:
                return self.data_replies.pop(0)
            self.count += 1
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
            if self.keep_parsed:
                self.raw.append(envelope.original_content)
                self.messages.append(
                    email.message_from_bytes(envelope.original_content, policy=default_policy)
                )
        return "250 Message accepted"


class PipeliningHandler(RecordingHandler):
    """Offers PIPELINING (RFC 2920), as production mail servers do. aiosmtpd reads commands
    in order from its stream buffer, which is what the extension asks of a server, but does
    not announce it."""

    async def handle_EHLO(  # aiosmtpd calls hooks by this name
        self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname  # a hook must set it, as aiosmtpd's own EHLO does
        return [*responses[:-1], "250-PIPELINING", responses[-1]]


class SmtpTestServer:
    """`start()`/`stop()` may be called repeatedly; the port stays the same."""

    def __init__(self, *, keep_parsed: bool = True, pipelining: bool = False) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        handler = PipeliningHandler if pipelining else RecordingHandler
        self.handler = handler(keep_parsed=keep_parsed)
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[Message]:
        return self.handler.messages

    @property
    def raw(self) -> list[bytes]:
        return self.handler.raw

    def start(self) -> None:
        if self._controller is None:
            self._controller = Controller(self.handler, hostname=self.host, port=self.port)
            self._controller.start()

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def fail_next(self, count: int, reply: str = "451 4.3.0 Try again later") -> None:
        self.handler.data_replies.extend([reply] * count)

    def reject(self, address: str, reply: str = "550 5.1.1 No such user") -> None:
        self.handler.rcpt_rejects[address.lower()] = reply

    def recipients(self) -> list[str]:
        return [rcpt for _, rcpts in self.handler.envelopes for rcpt in rcpts]


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    server = SmtpTestServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def make_event(event_id: int = 1, **overrides: Any) -> dict[str, Any]:
    """An AlertEvent as the detector would hand it over (shared by the alert tests)."""
    event: dict[str, Any] = {
        "id": event_id,
        "type": "new",
        "state": "TX",
        "agency": "Galveston County Sheriff's Office",
        "county": "Galveston County",
        "support_type": "Task Force Model",
        "signed": "2025-03-04",
        "previous_signed": None,
        "previous_agency": None,
        "moa_url": "https://www.ice.gov/doclib/287gMOA/galvestonTFM.pdf",
        "observed_at": "2025-03-10T14:00:00+00:00",
        "source": "ice-287g",
        "cost_figures": [
            {
                "amount": 1250000.0,
                "kind": "personnel",
                "fiscal_year": 2025,
                "period": "annual",
                "sentence": "The Sheriff requests $1,250,000 for 287(g) overtime.",
                "url": "https://galvestoncountytx.gov/budget2025.pdf",
                "page": 42,
                "doc_date": "2024-09-01",
            }
        ],
        "reference_figures": [
            {
                "description": "ICE reimbursement per deputised officer",
                "amount": 100000.0,
                "unit": "per officer per year",
                "source_url": "https://www.ice.gov/287g-funding",
                "source_date": "2025-02-01",
            }
        ],
    }
    event.update(overrides)
    return event
