"""Nothing in the data breaks a message, a subscriber's standing or a shell (issue 15, item 4)."""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils
from tests.smtp_server import SmtpTestServer, make_event

from watcher.alerts import SmtpSender, deliver, enqueue_events, get_subscriber, subscribe
from watcher.alerts.enrich import RECORDS_HINT
from watcher.alerts.render import event_subject
from watcher.alerts.smtp import names_the_message
from watcher.ice.parse.normalize import clean_agency, clean_url
from watcher.store.archive import open_archive

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)
LONG_NAME = "X" * 1200  # no space anywhere: nothing to fold at


@pytest.fixture
def server() -> Iterator[SmtpTestServer]:
    smtp = SmtpTestServer()
    smtp.start()
    try:
        yield smtp
    finally:
        smtp.stop()


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


def _deliver(db: sqlite_utils.Database, server: SmtpTestServer) -> object:
    return deliver(
        db,
        SmtpSender(server.host, server.port, starttls=False, timeout=5),
        now=NOW,
        base_url="https://watch.example.org",
        from_addr="alerts@example.org",
    )


def test_a_name_without_spaces_cannot_make_a_line_too_long(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    subscribe(db, "a@example.org")
    enqueue_events(db, [make_event(1, agency=LONG_NAME)], now=NOW)
    report = _deliver(db, server)
    assert (report.sent, report.failed) == (1, 0)  # type: ignore[attr-defined]
    raw = server.messages[0].as_bytes()
    assert max(len(line) for line in raw.split(b"\n")) <= 998
    subject = str(server.messages[0]["Subject"])
    assert subject.startswith("New 287(g) agreement: " + "X" * 50)
    assert "\u2026" in subject and len(subject) <= 250
    assert len(event_subject({"type": "new", "agency": LONG_NAME, "state": "TX"})) < 160


def test_a_5xx_naming_the_message_fails_it_but_never_the_subscriber(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    subscribe(db, "a@example.org")
    for n, reply in enumerate(
        ("500 5.5.2 Line too long", "552 5.3.4 Message size exceeds fixed limit",
         "554 5.3.4 Message too big for system")
    ):  # fmt: skip
        server.fail_next(1, reply)
        enqueue_events(db, [make_event(n + 1)], now=NOW)
        report = _deliver(db, server)
        assert report.failed == 1  # type: ignore[attr-defined]
    sub = get_subscriber(db, "a@example.org")
    assert sub is not None and not sub.bouncing
    enqueue_events(db, [make_event(9)], now=NOW)
    assert _deliver(db, server).sent == 1  # type: ignore[attr-defined]
    assert names_the_message(500, "5.5.2 Line too long")
    assert not names_the_message(550, "5.1.1 No such user")


def test_records_hint_is_shell_quoted(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    agency = f"Evil $(touch {marker}) `touch {marker}` \"'; touch {marker}"
    hint = RECORDS_HINT.format(agency=shlex.quote(agency), state=shlex.quote("TX"))
    command = hint.split(": ", 1)[1]
    words = shlex.split(command)
    assert words[words.index("--agency") + 1] == agency
    echoed = subprocess.run(
        ["sh", "-c", command.replace("watcher records-request", "printf %s", 1)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert not marker.exists()
    assert agency in echoed.stdout


def test_control_characters_never_reach_an_agency_name() -> None:
    assert clean_agency("Sheriff\x1b[2J\x07 Office\u202e\x9b") == "Sheriff[2J Office"
    assert clean_url("https://x.gov/a\x1b.pdf") == "https://x.gov/a.pdf"
