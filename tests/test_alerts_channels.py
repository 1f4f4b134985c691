"""Chat channels beside email: checked before anything is stored, secrets only from the
environment, delivered through the same outbox exactly once, with 429s and dead receivers
retried and refusals counted. Receivers are real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chat_receivers import Receivers, closed_port, running_receivers
from test_web_helpers import build_archive, make_config, queue_alerts
from watcher.alerts.channels import ChannelError, parse_channel
from watcher.alerts.chat import verify
from watcher.alerts.models import SubscriptionError
from watcher.alerts.sending import deliver
from watcher.alerts.smtp import OutboxDirSender
from watcher.alerts.subscriptions import get_subscriber, subscribe
from watcher.cli import cli
from watcher.store.archive import open_archive

KEY = "k3y-for-hmac-0123456789abcdef"


@pytest.fixture(autouse=True)
def secrets_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHER_HOOK_KEY", KEY)
    monkeypatch.setenv("WATCHER_SLACK", "T0AAAA111/B0BBBB222/CCCCCCCCCCCCCCCCCCCC3333")
    monkeypatch.setenv("WATCHER_TELEGRAM", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    monkeypatch.setenv("WATCHER_TWILIO", "AC00000000000000000000000000000000:authtoken00000000")


@pytest.fixture
def receivers() -> Iterator[Receivers]:
    with running_receivers() as server:
        yield server


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


def count(db_file: Path) -> int:
    db = open_archive(db_file)
    try:
        return int(db.execute("SELECT COUNT(*) FROM subscribers").fetchone()[0])
    finally:
        db.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("gopher://example.org/chat", "unknown channel scheme gopher://"),
        (
            "https://hooks.slack.com.evil.example/services/{env:WATCHER_SLACK}",
            "a Slack webhook must be on hooks.slack.com, not hooks.slack.com.evil.example",
        ),
        ("https://evil.example/services/{env:WATCHER_SLACK}", "must be on hooks.slack.com"),
        ("https://tools.example.org/hook", "no chat service watcher knows"),
        (
            "slack://T0AAAA111/B0BBBB222/CCCCCCCCCCCCCCCCCCCC3333",
            "holds a secret in clear (CCCC...)",
        ),
        ("matrix://bot:hunter2@matrix.example.org/!room", "holds a secret in clear (a password)"),
        (
            "slack://{env:WATCHER_NOT_SET}/#general",
            "WATCHER_NOT_SET named in the channel is not set",
        ),
        ("slack://{env:HOME}/#general", "secrets come from variables named WATCHER_"),
        ("twilio://{env:WATCHER_TWILIO}@+15551234567/+15557654321", "w:+15551234567"),
        ("webhook+https://tools.example.org/hook", "a webhook needs ?secret={env:WATCHER_NAME}"),
        ("slack://x y", "one line without spaces"),
    ],
)
def test_bad_channel_is_refused_and_nothing_stored(db_file: Path, url: str, message: str) -> None:
    db = open_archive(db_file)
    with pytest.raises(ChannelError) as caught:
        subscribe(db, url, states=["TX"])
    db.close()
    assert message in str(caught.value)
    assert count(db_file) == 0


@pytest.mark.parametrize(
    "address",
    [
        "Coalition <evil@example.org>",
        '"ana@example.org" <evil@example.org>',
        "evil@example.org\r\nBcc: victim@example.org",
        "a@example.org, b@example.org",
    ],
)
def test_display_name_injection_is_refused(db_file: Path, address: str) -> None:
    db = open_archive(db_file)
    with pytest.raises(SubscriptionError, match="invalid email address"):
        subscribe(db, address)
    db.close()
    assert count(db_file) == 0


@pytest.mark.parametrize(
    ("url", "service"),
    [
        ("slack://{env:WATCHER_SLACK}/#coalition", "slack"),
        ("https://hooks.slack.com/services/{env:WATCHER_SLACK}", "slack"),
        ("discord://{env:WATCHER_SLACK}", "discord"),
        ("tgram://{env:WATCHER_TELEGRAM}/-100123456", "telegram"),
        ("signal://127.0.0.1:8080/+15551234567/+15557654321", "signal"),
        ("twilio://{env:WATCHER_TWILIO}@+15551234567/w:+15557654321", "whatsapp"),
        ("matrixs://bot:{env:WATCHER_HOOK_KEY}@matrix.example.org/!room:example.org", "matrix"),
        ("workflows://prod.westus.logic.azure.com/{env:WATCHER_SLACK}", "teams"),
        ("json://127.0.0.1:9/hook", "json"),
        ("webhook+https://tools.example.org/hook?secret={env:WATCHER_HOOK_KEY}", "webhook"),
    ],
)
def test_every_service_parses_and_keeps_placeholders(url: str, service: str) -> None:
    channel = parse_channel(url)
    assert channel.service == service
    assert channel.url == url  # stored as written: the secret stays in the environment


def test_webhook_redirecting_elsewhere_is_refused(db_file: Path, receivers: Receivers) -> None:
    receivers.script("/moved", (307, {"Location": "http://collector.example.net/hook"}))
    db = open_archive(db_file)
    url = f"webhook+http://{receivers.hostport}/moved?secret={{env:WATCHER_HOOK_KEY}}"
    with pytest.raises(ChannelError, match=r"redirects to another host \(collector.example.net\)"):
        subscribe(db, url)
    down = f"webhook+http://127.0.0.1:{closed_port()}/hook?secret={{env:WATCHER_HOOK_KEY}}"
    with pytest.raises(ChannelError, match="cannot reach"):
        subscribe(db, down)
    db.close()
    assert count(db_file) == 0


def test_cli_refuses_a_bad_channel_with_exit_code_2(tmp_path: Path, db_file: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: https://www.ice.gov/287g}\n"
    )
    result = CliRunner().invoke(
        cli,
        ["--config", str(tmp_path / "sources.yaml"), "--db", str(db_file), "subscribe",
         "https://evil.example/services/{env:WATCHER_SLACK}"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "a Slack webhook must be on hooks.slack.com" in result.output
    assert count(db_file) == 0


def run_delivery(db_file: Path, outbox: Path, minutes: int = 0) -> Any:
    db = open_archive(db_file)
    try:
        return deliver(
            db,
            OutboxDirSender(outbox),
            now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes, seconds=5),
            base_url="https://alerts.example.org",
            from_addr="watcher@example.org",
        )
    finally:
        db.close()


def outbox_states(db_file: Path) -> dict[str, tuple[str, int, str | None]]:
    db = open_archive(db_file)
    rows = db.execute(
        "SELECT s.channel, o.state, o.attempts, o.last_error FROM outbox o "
        "JOIN subscribers s ON s.id = o.subscriber_id ORDER BY o.id"
    ).fetchall()
    db.close()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def test_channels_get_the_alert_exactly_once(
    tmp_path: Path, db_file: Path, receivers: Receivers
) -> None:
    config = make_config(tmp_path / "outbox")
    db = open_archive(db_file)
    hook = f"webhook+http://{receivers.hostport}/hook?secret={{env:WATCHER_HOOK_KEY}}"
    subscribe(db, hook, states=["FL"], types=["new"])
    subscribe(db, f"json://{receivers.hostport}/apprise", states=["FL"], types=["new"])
    subscribe(db, f"signal://{receivers.hostport}/+15551234567/+15557654321", states=["FL"])
    subscribe(db, "reader@example.org", states=["FL"], types=["new"])
    db.close()
    assert len(receivers.at("/hook")) == 1 and receivers.at("/hook")[0].json()["type"] == "ping"
    assert queue_alerts(config, db_file) == 4  # Collier County, FL: one new agreement each

    report = run_delivery(db_file, tmp_path / "outbox")
    assert (report.sent, report.failed, report.retry_later) == (4, 0, 0)
    posted = receivers.at("/hook")[1]
    assert verify(
        posted.body, posted.headers["X-Watcher-Timestamp"],
        posted.headers["X-Watcher-Signature"], KEY.encode(),
    )  # fmt: skip
    assert not verify(posted.body + b" ", posted.headers["X-Watcher-Timestamp"],
                      posted.headers["X-Watcher-Signature"], KEY.encode())  # fmt: skip
    data = posted.json()
    assert data["type"] == "event" and data["event"]["agency"].startswith("Collier County")
    assert data["delivery_id"] == posted.headers["X-Watcher-Delivery"]
    assert data["links"]["records_request"].startswith("https://alerts.example.org/agreements/")
    assert KEY not in posted.body.decode() and "secret" not in posted.path
    apprise = receivers.at("/apprise")[-1].json()
    assert apprise["title"].startswith("New 287(g) agreement: Collier County Sheriff")
    assert (
        "Florida" in apprise["message"]
        and "Unsubscribe: https://alerts.example.org/" in (apprise["message"])
    )
    signal = receivers.at("/v2/send")[0].json()
    assert signal["recipients"] == ["+15557654321"] and "Collier County" in signal["message"]
    assert {state for state, _, _ in outbox_states(db_file).values()} == {"sent"}

    again = run_delivery(db_file, tmp_path / "outbox", minutes=60)
    assert again.attempted == 0
    # The ping when subscribing, then one alert each: nothing sent twice.
    assert len(receivers.at("/hook")) == 2 and len(receivers.at("/apprise")) == 2
    assert len(receivers.at("/v2/send")) == 1
    private = (tmp_path / "w-private.db").read_bytes()
    assert KEY.encode() not in private


def test_busy_and_dead_channels_are_retried_and_do_not_stop_the_run(
    tmp_path: Path, db_file: Path, receivers: Receivers
) -> None:
    config = make_config(tmp_path / "outbox")
    receivers.script("/busy", 200, (429, {"Retry-After": "30"}), 200)  # the ping, then busy
    receivers.script("/gone", 404)
    db = open_archive(db_file)
    subscribe(db, f"json://{receivers.hostport}/busy", states=["FL"], types=["new"])
    subscribe(db, f"json://{receivers.hostport}/gone", states=["FL"], types=["new"])
    dead = closed_port()
    receivers.script("/late", 200)
    subscribe(db, f"json://{receivers.hostport}/late", states=["FL"], types=["new"])
    # Pointed at a port nobody listens on once subscribed: the receiver went down.
    db.execute(
        "UPDATE subscribers SET email = ? WHERE email LIKE '%/late'",
        [f"json://127.0.0.1:{dead}/late"],
    )
    subscribe(db, "reader@example.org", states=["FL"], types=["new"])
    db.close()
    queue_alerts(config, db_file)

    report = run_delivery(db_file, tmp_path / "outbox")
    states = {
        url.rsplit("/", 1)[-1] if "://" in url else url: row
        for url, row in _by_address(db_file).items()
    }
    assert states["reader@example.org"][0] == "sent"  # the run went on
    assert states["busy"][0] == "queued" and "429" in (states["busy"][2] or "")
    assert states["late"][0] == "queued" and "Connection" in (states["late"][2] or "")
    assert states["gone"][0] == "failed" and "404" in (states["gone"][2] or "")
    assert (report.sent, report.retry_later, report.failed) == (1, 2, 1)

    later = run_delivery(db_file, tmp_path / "outbox", minutes=30)
    assert later.sent == 1  # the busy channel, now answering 200; the dead one still waits
    assert len([r for r in receivers.at("/busy") if r.json().get("type") == "info"]) == 2
    db = open_archive(db_file)
    gone = get_subscriber(db, f"json://{receivers.hostport}/gone")
    assert gone is not None and not gone.bouncing  # one refusal is not yet a bounce
    db.close()


def test_a_channel_that_asks_for_ten_minutes_is_left_alone_for_ten_minutes(
    tmp_path: Path, db_file: Path, receivers: Receivers
) -> None:
    config = make_config(tmp_path / "outbox")
    receivers.script("/slow", 200, (429, {"Retry-After": "600"}), 200)  # the ping, then busy
    db = open_archive(db_file)
    hook = f"webhook+http://{receivers.hostport}/slow?secret={{env:WATCHER_HOOK_KEY}}"
    subscribe(db, hook, states=["FL"], types=["new"])
    db.close()
    queue_alerts(config, db_file)
    assert run_delivery(db_file, tmp_path / "outbox").retry_later == 1
    # The outbox's own backoff would try again after a minute; the channel asked for ten.
    assert run_delivery(db_file, tmp_path / "outbox", minutes=5).sent == 0
    assert len(receivers.at("/slow")) == 2
    assert run_delivery(db_file, tmp_path / "outbox", minutes=11).sent == 1
    assert len(receivers.at("/slow")) == 3


def _by_address(db_file: Path) -> dict[str, tuple[str, int, str | None]]:
    db = open_archive(db_file)
    rows = db.execute(
        "SELECT s.email, o.state, o.attempts, o.last_error FROM outbox o "
        "JOIN subscribers s ON s.id = o.subscriber_id ORDER BY o.id"
    ).fetchall()
    db.close()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}
