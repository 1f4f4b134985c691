"""Queueing and delivery through a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pytest
import sqlite_utils
from tests.smtp_server import SmtpTestServer, make_event

from watcher.alerts import (
    OutboxDirSender,
    SmtpSender,
    deliver,
    enqueue_events,
    enqueue_operator_alert,
    get_subscriber,
    queue_due_digests,
    subscribe,
    unsubscribe,
)
from watcher.alerts.models import OutgoingMessage
from watcher.store.archive import open_archive

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)
BASE = "https://watch.example.org"


@pytest.fixture(params=[False, True], ids=["one-command-at-a-time", "pipelining"])
def server(request: pytest.FixtureRequest) -> Iterator[SmtpTestServer]:
    """Every delivery test runs against a server without and with PIPELINING."""
    smtp = SmtpTestServer(pipelining=request.param)
    smtp.start()
    try:
        yield smtp
    finally:
        smtp.stop()


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_archive(tmp_path / "archive.db")
    return database


def _sender(server: SmtpTestServer) -> SmtpSender:
    return SmtpSender(server.host, server.port, starttls=False, timeout=5)


def _deliver(db: sqlite_utils.Database, server: SmtpTestServer, now: datetime = NOW) -> Any:
    return deliver(
        db,
        _sender(server),
        now=now,
        base_url=BASE,
        from_addr="alerts@example.org",
        operator_addr="ops@example.org",
        batch_size=3,
    )


def _states(db: sqlite_utils.Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT state FROM outbox ORDER BY id")]


def test_filters_are_honoured(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    subscribe(db, "all@example.org")
    subscribe(db, "tx@example.org", states=["tx"])
    subscribe(db, "fl@example.org", states=["FL"])
    subscribe(db, "galveston@example.org", counties=["Galveston"])
    subscribe(db, "harris@example.org", counties=["Harris"])
    subscribe(db, "sheriff@example.org", agencies=["galveston county sheriff"])
    subscribe(db, "withdrawals@example.org", types=["withdrawal"])
    subscribe(db, "gone@example.org")
    unsubscribe(db, "gone@example.org")
    assert enqueue_events(db, [make_event()], now=NOW) == 4
    report = _deliver(db, server)
    assert report.sent == 4
    assert sorted(server.recipients()) == [
        "all@example.org",
        "galveston@example.org",
        "sheriff@example.org",
        "tx@example.org",
    ]


def test_rerunning_sends_nothing_more(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    subscribe(db, "a@example.org")
    subscribe(db, "b@example.org")
    enqueue_events(db, [make_event(1), make_event(2)], now=NOW)
    assert _deliver(db, server).sent == 4
    assert enqueue_events(db, [make_event(1), make_event(2)], now=NOW) == 0
    assert _deliver(db, server).sent == 0
    assert _deliver(db, server, NOW + timedelta(days=1)).sent == 0
    assert server.handler.count == 4


def test_server_down_then_up_delivers_each_once(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    for n in range(5):
        subscribe(db, f"s{n}@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    server.stop()
    report = _deliver(db, server)
    assert (report.sent, report.deferred) == (0, 5)
    assert "cannot connect" in report.errors[0]
    assert _states(db) == ["queued"] * 5
    server.start()
    assert _deliver(db, server).sent == 5
    assert _deliver(db, server).sent == 0
    assert sorted(server.recipients()) == [f"s{n}@example.org" for n in range(5)]


def test_temporary_failure_then_success(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    subscribe(db, "a@example.org")
    subscribe(db, "b@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    server.fail_next(1, "451 4.3.0 Mailbox busy")
    report = _deliver(db, server)
    assert (report.sent, report.retry_later) == (1, 1)
    row = db.execute(
        "SELECT attempts, next_attempt_at, last_error FROM outbox WHERE state = 'queued'"
    ).fetchone()
    assert row[0] == 1 and "451" in row[2]
    assert row[1] == (NOW + timedelta(minutes=1)).isoformat()
    assert _deliver(db, server).sent == 0  # not due yet: backoff
    assert _deliver(db, server, NOW + timedelta(minutes=1)).sent == 1
    assert server.handler.count == 2 and _states(db) == ["sent", "sent"]


def test_permanent_failure_marks_failed_then_bouncing(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    subscribe(db, "dead@example.org")
    subscribe(db, "ok@example.org")
    server.reject("dead@example.org")
    for n in range(3):
        enqueue_events(db, [make_event(n + 1)], now=NOW)
        report = _deliver(db, server)
        assert (report.sent, report.failed) == (1, 1)
    sub = get_subscriber(db, "dead@example.org")
    assert sub is not None and sub.bouncing
    error = db.execute("SELECT last_error FROM outbox WHERE state = 'failed'").fetchone()[0]
    assert "550" in error
    enqueue_events(db, [make_event(9)], now=NOW)  # a bouncing address gets nothing more
    assert _deliver(db, server).sent == 1
    assert "dead@example.org" not in server.recipients()


def test_injection_in_agency_name(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    subscribe(db, "a@example.org")
    evil = "Evil <b>bold</b>\r\nBcc: victim@example.org\r\n\r\n<script>x</script>"
    enqueue_events(db, [make_event(agency=evil)], now=NOW)
    assert _deliver(db, server).sent == 1
    assert server.recipients() == ["a@example.org"]
    msg = server.messages[0]
    assert msg["Bcc"] is None
    assert msg["Subject"].startswith("New 287(g) agreement: Evil <b>bold</b> Bcc:")
    html = msg.get_body(preferencelist=("html",)).get_content()
    assert "<script>" not in html and "<b>bold" not in html and "&lt;b&gt;bold" in html


def test_message_headers_and_unsubscribe(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    sub = subscribe(db, "a@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    _deliver(db, server)
    msg = server.messages[0]
    link = f"{BASE}/unsubscribe/{sub.token}"
    assert msg["List-Unsubscribe"] == f"<{link}>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Message-ID"].endswith("@example.org>")
    assert link in msg.get_body(preferencelist=("plain",)).get_content()
    assert unsubscribe(db, sub.token) and not unsubscribe(db, sub.token)


def test_unsubscribed_before_send_is_cancelled(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    subscribe(db, "a@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    unsubscribe(db, "A@Example.org")
    assert _deliver(db, server).cancelled == 1
    assert server.handler.count == 0 and _states(db) == ["cancelled"]


class CrashAfter:
    """Sends through SMTP, then dies (like a killed process) before the outbox commit."""

    def __init__(self, inner: SmtpSender, sends: int) -> None:
        self.inner, self.left = inner, sends

    def __enter__(self) -> Self:
        self.inner.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.inner.__exit__(exc_type, exc, tb)

    def send(self, message: OutgoingMessage) -> None:
        if self.left == 0:
            raise KeyboardInterrupt("crash before sending")
        self.inner.send(message)
        self.left -= 1


def test_crash_mid_run_loses_nothing(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    for n in range(5):
        subscribe(db, f"s{n}@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    with pytest.raises(KeyboardInterrupt):
        deliver(
            db,
            CrashAfter(_sender(server), 2),
            now=NOW,
            base_url=BASE,
            from_addr="alerts@example.org",
        )
    assert _states(db) == ["sent", "sent", "queued", "queued", "queued"]
    assert _deliver(db, server).sent == 3
    assert sorted(server.recipients()) == [f"s{n}@example.org" for n in range(5)]


def test_resend_after_lost_commit_reuses_message_id(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    subscribe(db, "a@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    _deliver(db, server)
    db.execute("UPDATE outbox SET state = 'queued'")  # as if the commit had been lost
    _deliver(db, server)
    ids = [m["Message-ID"] for m in server.messages]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_digests_daily_and_weekly(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    subscribe(db, "daily@example.org", cadence="daily")
    subscribe(db, "weekly@example.org", cadence="weekly")
    monday = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)  # a Monday, after 07:00
    enqueue_events(db, [make_event(1), make_event(2, state="FL")], now=monday)
    assert queue_due_digests(db, now=monday) == 0  # recorded after today's 07:00 slot
    tuesday = monday + timedelta(days=1)
    assert queue_due_digests(db, now=tuesday) == 1
    assert queue_due_digests(db, now=tuesday) == 0
    assert _deliver(db, server, tuesday).sent == 1
    assert server.recipients() == ["daily@example.org"]
    assert server.messages[0]["Subject"] == "287(g) daily digest: 2 changes (FL, TX)"
    next_monday = monday + timedelta(days=7)
    assert queue_due_digests(db, now=next_monday - timedelta(hours=2)) == 0  # before 07:00
    assert queue_due_digests(db, now=next_monday) == 1
    assert _deliver(db, server, next_monday).sent == 1
    assert server.recipients()[-1] == "weekly@example.org"


def test_operator_alert_once_per_key(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    assert enqueue_operator_alert(
        db, key="ice:failing:1", subject="Source ice failing", body="3 runs failed", now=NOW
    )
    assert not enqueue_operator_alert(db, key="ice:failing:1", subject="again", body="x", now=NOW)
    assert _deliver(db, server).sent == 1
    assert not enqueue_operator_alert(db, key="ice:failing:1", subject="later", body="x", now=NOW)
    assert _deliver(db, server).sent == 0
    msg = server.messages[0]
    assert msg["To"] == "ops@example.org" and msg["Subject"] == "Source ice failing"
    assert msg["List-Unsubscribe"] is None


def test_outbox_dir_sender_is_idempotent(db: sqlite_utils.Database, tmp_path: Path) -> None:
    subscribe(db, "a@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    out = tmp_path / "outbox"
    report = deliver(db, OutboxDirSender(out), now=NOW, base_url=BASE, from_addr="a@example.org")
    assert report.sent == 1
    db.execute("UPDATE outbox SET state = 'queued'")
    deliver(db, OutboxDirSender(out), now=NOW, base_url=BASE, from_addr="a@example.org")
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].suffix == ".eml"
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in files[0].read_bytes()


def test_limit_caps_one_run(db: sqlite_utils.Database, server: SmtpTestServer) -> None:
    for n in range(5):
        subscribe(db, f"s{n}@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    report = deliver(
        db,
        _sender(server),
        now=NOW,
        base_url=BASE,
        from_addr="a@example.org",
        batch_size=2,
        limit=3,
    )
    assert report.sent == 3 and _states(db).count("queued") == 2


def test_server_closing_session_reconnects(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    for n in range(3):
        subscribe(db, f"s{n}@example.org")
    enqueue_events(db, [make_event()], now=NOW)
    server.fail_next(1, "421 4.3.2 Service shutting down")
    report = _deliver(db, server)
    assert (report.sent, report.retry_later) == (2, 1)
    assert _deliver(db, server, NOW + timedelta(hours=1)).sent == 1
    assert sorted(server.recipients()) == [f"s{n}@example.org" for n in range(3)]
