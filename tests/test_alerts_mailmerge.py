"""The mail merge (one template per content, stamped per recipient) sends the very messages a
straightforward per-subscriber build would, through a real SMTP server on 127.0.0.1; and the
SMTP transaction that commits the previous outcome while the server reads MAIL FROM still
leaves at most one sent message unrecorded."""

from __future__ import annotations

import email
import json
import re
import smtplib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.smtp_server import SmtpTestServer, make_event

from watcher.alerts import SmtpSender, deliver, enqueue_events, queue_due_digests, subscribe
from watcher.alerts.mailmerge import UNSUBSCRIBE_MARK, MergeTemplate, make_template
from watcher.alerts.models import OutgoingMessage
from watcher.alerts.render import Renderer, build_message, event_subject, header_text
from watcher.alerts.smtpwire import PLAIN_ADDRESS, quote_address
from watcher.store.archive import open_archive

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)
BASE = "https://watch.example.org"
FROM = "Watcher alerts <alerts@example.org>"
HOSTILE_AGENCY = 'Evil <b>"Sheriff"</b> =3D From here\r\nBcc: x@evil.example ' + "é" * 30
HOSTILE_TO = '"Eve\r\nBcc: spy@evil.example" <eve@example.org>'


@pytest.fixture(params=[False, True], ids=["one-command-at-a-time", "pipelining"])
def server(request: pytest.FixtureRequest) -> Iterator[SmtpTestServer]:
    smtp = SmtpTestServer(pipelining=request.param)
    smtp.start()
    try:
        yield smtp
    finally:
        smtp.stop()


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return open_archive(tmp_path / "archive.db")


@pytest.fixture
def stamped(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The recipients whose message was stamped from a template (not built whole)."""
    done: list[str] = []
    original = MergeTemplate.stamp

    def stamp(self: MergeTemplate, **values: Any) -> OutgoingMessage | None:
        message = original(self, **values)
        if message is not None and not message.to_addr.startswith("check."):  # its self-check
            done.append(message.to_addr)
        return message

    monkeypatch.setattr(MergeTemplate, "stamp", stamp)
    return done


def _deliver(db: sqlite_utils.Database, server: SmtpTestServer, now: datetime = NOW) -> Any:
    sender = SmtpSender(server.host, server.port, starttls=False, timeout=5)
    return deliver(db, sender, now=now, base_url=BASE, from_addr=FROM, batch_size=4)


def _expected(db: sqlite_utils.Database, now: datetime) -> dict[str, bytes]:
    """Each sent row built the straightforward way: render, then build_message, per row."""
    payloads = {
        row[0]: json.loads(row[1])
        for row in db.execute("SELECT event_id, payload FROM alert_payloads")
    }
    out: dict[str, bytes] = {}
    rows = db.execute(
        "SELECT o.kind, o.message_id, o.event_id, o.to_addr, o.payload, s.token, s.lang "
        "FROM outbox o JOIN subscribers s ON s.id = o.subscriber_id WHERE o.state = 'sent'"
    ).fetchall()
    for kind, message_id, event_id, to_addr, payload, token, lang in rows:
        lang = lang or "en"
        renderer, unsub = Renderer(base_url=BASE, lang=lang), f"{BASE}/unsubscribe/{token}"
        if kind == "event":
            text, html_body = renderer.event_parts(payloads[event_id], unsub)
            subject = event_subject(payloads[event_id], lang)
        else:
            data = json.loads(payload)
            subject, (text, html_body) = renderer.digest_parts(
                [payloads[i] for i in data["event_ids"]],
                cadence=data["cadence"],
                unsubscribe_url=unsub,
            )
        msg_id = f"<{message_id}@example.org>"
        out[msg_id] = build_message(
            subject=subject,
            text=text,
            html_body=html_body,
            to_addr=to_addr,
            from_addr=FROM,
            message_id=msg_id,
            date_=now,
            unsubscribe_url=unsub,
        ).data
    return out


_BOUNDARY = re.compile(rb'boundary="([^"]+)"')


def _same_boundary(data: bytes) -> bytes:
    found = _BOUNDARY.search(data)
    assert found is not None
    return data.replace(found.group(1), b"=_BOUNDARY")


def _decoded(message: Message) -> list[tuple[str, bytes]]:
    return [
        (part.get_content_type(), part.get_payload(decode=True))
        for part in message.walk()
        if not part.is_multipart()
    ]


def _assert_equivalent(server: SmtpTestServer, expected: dict[str, bytes]) -> None:
    assert len(server.raw) == len(expected) > 0
    for raw in server.raw:
        got = email.message_from_bytes(_same_boundary(raw))
        want_bytes = _same_boundary(expected[got["Message-ID"]])
        want = email.message_from_bytes(want_bytes)
        assert got.items() == want.items()  # every header, in order
        assert _decoded(got) == _decoded(want)
        assert _same_boundary(raw) == want_bytes  # and byte for byte, but the boundary


def test_event_messages_equal_a_per_subscriber_build(
    db: sqlite_utils.Database, server: SmtpTestServer, stamped: list[str]
) -> None:
    for n in range(3):
        subscribe(db, f"reader{n}@example.org", now=NOW)
        subscribe(db, f"lector{n}@example.org", lang="es", now=NOW)
    # A hostile address and display name that reached the private file despite validation.
    db.execute(
        "INSERT INTO subscribers (email, token, created_at, updated_at, confirmed) "
        "VALUES (?, 'tok=en&x', ?, ?, 1)",
        [HOSTILE_TO, NOW.isoformat(), NOW.isoformat()],
    )
    events = [make_event(1), make_event(2, type="withdrawal", agency=HOSTILE_AGENCY)]
    assert enqueue_events(db, events, now=NOW) == 14
    assert _deliver(db, server).sent == 14
    _assert_equivalent(server, _expected(db, NOW))
    # Per event and language, the first message is built whole, the next ones stamped; the
    # hostile address never is.
    assert sorted(stamped) == sorted(
        [f"reader{n}@example.org" for n in (1, 2)] * 2
        + [f"lector{n}@example.org" for n in (1, 2)] * 2
    )
    spanish = [m for m in server.messages if m["To"] == "lector1@example.org"]
    assert spanish[0]["Subject"].startswith("Nuevo acuerdo 287(g)")
    hostile = [m for m in server.messages if "eve@example.org" in m["To"]]
    assert len(hostile) == 2 and all(m["Bcc"] is None for m in hostile)
    assert hostile[0]["To"] == '"Eve Bcc: spy@evil.example" <eve@example.org>'
    assert "spy@evil.example" not in server.recipients()


def test_digest_messages_equal_a_per_subscriber_build(
    db: sqlite_utils.Database, server: SmtpTestServer, stamped: list[str]
) -> None:
    for n in range(3):  # three with the same content: built once, then stamped twice
        subscribe(db, f"daily{n}@example.org", cadence="daily", now=NOW)
    subscribe(db, "diario@example.org", cadence="daily", lang="es", now=NOW)
    subscribe(db, "florida@example.org", cadence="daily", states=["FL"], now=NOW)
    monday = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
    enqueue_events(db, [make_event(1), make_event(2, state="FL")], now=monday)
    tuesday = monday + timedelta(days=1)
    assert queue_due_digests(db, now=tuesday) == 5
    assert _deliver(db, server, tuesday).sent == 5
    _assert_equivalent(server, _expected(db, tuesday))
    assert stamped == ["daily1@example.org", "daily2@example.org"]
    subjects = {m["To"]: m["Subject"] for m in server.messages}
    assert subjects["daily2@example.org"] == "287(g) daily digest: 2 changes (FL, TX)"
    assert subjects["florida@example.org"] == "287(g) daily digest: 1 change (FL)"


def _template(lang: str = "en") -> Any:
    renderer = Renderer(base_url=BASE, lang=lang)
    text, html_body = renderer.event_parts(make_event(), UNSUBSCRIBE_MARK)
    template = make_template(
        subject=event_subject(make_event(), lang),
        text=text,
        html_body=html_body,
        from_addr=FROM,
        date_=NOW,
    )
    assert template is not None
    return template, renderer


_URL_TAIL = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=120)


@settings(max_examples=60, deadline=None)
@given(tail=_URL_TAIL, lang=st.sampled_from(["en", "es"]))
def test_a_stamped_message_is_build_messages_own(tail: str, lang: str) -> None:
    # '=' (quoted-printable's escape), '&' and quotes (escaped in HTML), '.' and "From " at
    # the start of a wrapped line: whatever the link holds, the same bytes.
    template, renderer = _template(lang)
    url = f"{BASE}/unsubscribe/{tail}"
    stamped = template.stamp(
        to_addr="r@example.org", message_id="<m@x>", unsubscribe_url=url, boundary="=_b"
    )
    text, html_body = renderer.event_parts(make_event(), url)
    expected = build_message(
        subject=event_subject(make_event(), lang),
        text=text,
        html_body=html_body,
        to_addr="r@example.org",
        from_addr=FROM,
        message_id="<m@x>",
        date_=NOW,
        unsubscribe_url=url,
        boundary="=_b",
    )
    assert stamped == expected


@pytest.mark.parametrize(
    "to_addr",
    [HOSTILE_TO, "a b@example.org", "ñ@example.org", "a@example.org\r\nBcc: x@y", " ", ""],
)
def test_values_that_need_cleaning_are_not_stamped(to_addr: str) -> None:
    template, _ = _template()
    assert template.stamp(to_addr=to_addr, message_id="<m@x>", unsubscribe_url="https://u") is None
    assert (
        template.stamp(to_addr="a@b.org", message_id="<m x>", unsubscribe_url="https://u") is None
    )


@settings(max_examples=200, deadline=None)
@given(address=st.from_regex(PLAIN_ADDRESS, fullmatch=True))
def test_plain_addresses_are_quoted_as_smtplib_quotes_them(address: str) -> None:
    assert quote_address(address) == smtplib.quoteaddr(address)


def test_hostile_addresses_still_go_through_smtplibs_parser() -> None:
    cleaned = header_text(HOSTILE_TO)  # what a message's envelope gets
    assert quote_address(cleaned) == smtplib.quoteaddr(cleaned) == "<eve@example.org>"
    assert quote_address(HOSTILE_TO) == smtplib.quoteaddr(HOSTILE_TO)


def test_a_failed_commit_stops_the_next_message_before_its_final_dot(
    db: sqlite_utils.Database, server: SmtpTestServer
) -> None:
    """The outcome of message 3 is committed while the server reads message 4's MAIL FROM;
    when that commit fails, message 4 is never handed over: one message is unrecorded."""
    for n in range(6):
        subscribe(db, f"s{n}@example.org", now=NOW)
    enqueue_events(db, [make_event()], now=NOW)
    third = db.execute("SELECT id FROM outbox ORDER BY id LIMIT 1 OFFSET 2").fetchone()[0]
    db.execute(
        "CREATE TEMP TRIGGER fail_commit BEFORE UPDATE ON outbox "
        f"WHEN NEW.id = {third} BEGIN SELECT RAISE(ABORT, 'disk gone'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk gone"):
        _deliver(db, server)
    assert server.recipients() == ["s0@example.org", "s1@example.org", "s2@example.org"]
    states = [row[0] for row in db.execute("SELECT state FROM outbox ORDER BY id")]
    assert states == ["sent", "sent", "queued", "queued", "queued", "queued"]
    db.execute("DROP TRIGGER fail_commit")
    assert _deliver(db, server).sent == 4
    # The one unrecorded message goes again, with its Message-ID; every other one once.
    assert sorted(server.recipients()) == sorted(
        [f"s{n}@example.org" for n in range(6)] + ["s2@example.org"]
    )
    ids = [m["Message-ID"] for m in server.messages if m["To"] == "s2@example.org"]
    assert len(ids) == 2 and ids[0] == ids[1]
