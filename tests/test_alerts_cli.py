"""The alert commands, the alerts: config section, and the Atom feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
import pytest
import sqlite_utils
from click.testing import CliRunner
from pydantic import ValidationError
from tests.smtp_server import SmtpTestServer, make_event

from watcher.alerts import (
    AlertsConfig,
    OutboxDirSender,
    SmtpSender,
    enqueue_events,
    sender_from_config,
)
from watcher.alerts.feed import ATOM, build_feed
from watcher.cli.alerts import register
from watcher.errors import ConfigError
from watcher.store.archive import open_archive

A = f"{{{ATOM}}}"


@dataclass
class FakeConfig:
    alerts: AlertsConfig | dict[str, Any] | None
    base_dir: Path


@dataclass
class FakeApp:
    config: FakeConfig
    db_path: Path
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def db_file(self) -> Path:
        return self.db_path

    def open_db(self) -> sqlite_utils.Database:
        return open_archive(self.db_path)  # the real archive, every table in it

    def recent_events(self, state: str | None, limit: int) -> list[dict[str, Any]]:
        return [e for e in self.events if state in (None, e["state"])][:limit]


@click.group()
def cli() -> None:
    pass


register(cli)


@pytest.fixture
def server() -> Iterator[SmtpTestServer]:
    smtp = SmtpTestServer()
    smtp.start()
    try:
        yield smtp
    finally:
        smtp.stop()


@pytest.fixture
def app(tmp_path: Path) -> FakeApp:
    alerts = {
        "from": "alerts@example.org",
        "operator": "ops@example.org",
        "base_url": "https://w.example/",
    }
    return FakeApp(FakeConfig(alerts, tmp_path), tmp_path / "archive.db")


def run(app: FakeApp, *args: str) -> Any:
    return CliRunner().invoke(cli, list(args), obj=app)


def test_subscribe_list_unsubscribe(app: FakeApp) -> None:
    result = run(
        app,
        "subscribe",
        "ana@example.org",
        "--state",
        "tx",
        "--county",
        "Galveston",
        "--type",
        "new",
        "--cadence",
        "daily",
    )
    assert result.exit_code == 0, result.output
    assert "https://w.example/unsubscribe/" in result.output
    assert run(app, "subscribe", "bo@example.org").exit_code == 0
    listed = json.loads(run(app, "subscribers", "--json").stdout)
    assert [s["email"] for s in listed] == ["ana@example.org", "bo@example.org"]
    assert listed[0]["states"] == ["TX"] and listed[0]["cadence"] == "daily"
    assert listed[0]["confirmed"] is True and "token" not in listed[0]
    assert run(app, "unsubscribe", "ana@example.org").exit_code == 0
    again = run(app, "unsubscribe", "ana@example.org")
    assert again.exit_code == 1 and "no active subscription" in again.output
    assert "unsubscribed" in run(app, "subscribers").stdout


def test_empty_subscriber_list_is_valid_json(app: FakeApp) -> None:
    assert json.loads(run(app, "subscribers", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "invalid email address"),
        (["a@example.org", "--state", "XX"], "unknown state XX"),
        (["a@example.org", "--type", "promotion"], "unknown event type"),
        (["a@example.org", "--cadence", "hourly"], "hourly"),
    ],
)
def test_subscribe_bad_input(app: FakeApp, args: list[str], message: str) -> None:
    result = run(app, "subscribe", *args)
    assert result.exit_code == 2 and message in result.output
    assert app.open_db().execute("SELECT COUNT(*) FROM subscribers").fetchone()[0] == 0


def test_deliver_through_smtp(app: FakeApp, server: SmtpTestServer) -> None:
    app.config.alerts = {
        "from": "alerts@example.org",
        "smtp": {"host": server.host, "port": server.port, "starttls": False},
    }
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    result = run(app, "deliver")
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.stdout and server.recipients() == ["a@example.org"]
    assert "sent 0" in run(app, "deliver").stdout


def test_deliver_reports_outage(app: FakeApp, server: SmtpTestServer) -> None:
    app.config.alerts = {
        "from": "alerts@example.org",
        "smtp": {"host": server.host, "port": server.port, "starttls": False},
    }
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    server.stop()
    result = run(app, "deliver")
    assert result.exit_code == 1 and "stay queued" in result.output


def test_deliver_without_smtp_writes_eml(app: FakeApp, tmp_path: Path) -> None:
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    assert run(app, "deliver").exit_code == 0
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_deliver_needs_alerts_section(app: FakeApp) -> None:
    app.config.alerts = None
    result = run(app, "deliver")
    assert result.exit_code == 2 and "no alerts: section" in result.output


def test_config_and_sender(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = {
        "from": "a@example.org",
        "operator": "ops@example.org",
        "smtp": {
            "host": "smtp.example.org",
            "port": 587,
            "starttls": True,
            "username_env": "WATCHER_SMTP_USER",
            "password_env": "WATCHER_SMTP_PASSWORD",
        },
        "outbox_dir": "outbox",
    }
    cfg = AlertsConfig.model_validate(raw)
    monkeypatch.setenv("WATCHER_SMTP_USER", "user")
    with pytest.raises(ConfigError, match="WATCHER_SMTP_PASSWORD"):
        sender_from_config(cfg, base_dir=tmp_path)
    monkeypatch.setenv("WATCHER_SMTP_PASSWORD", "secret")
    sender = sender_from_config(cfg, base_dir=tmp_path)
    assert isinstance(sender, SmtpSender) and sender.password == "secret" and sender.starttls
    local = sender_from_config(AlertsConfig.model_validate({"from": "a@x.org"}), base_dir=tmp_path)
    assert isinstance(local, OutboxDirSender) and local.path == tmp_path / "outbox"
    with pytest.raises(ValidationError):
        AlertsConfig.model_validate({**raw, "smtp_host": "typo"})
    with pytest.raises(ValidationError):
        AlertsConfig.model_validate({"from": "a@x.org", "weekly_day": "someday"})


def test_feed_is_valid_atom(app: FakeApp, tmp_path: Path) -> None:
    app.events = [
        make_event(1, agency="A & B <Sheriff>\x0b"),
        make_event(2, state="FL", cost_figures=[]),
    ]
    out = tmp_path / "feeds" / "tx.xml"
    result = run(app, "feed", "--state", "tx", "--out", str(out))
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    assert root.tag == f"{A}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{required}") is not None
    entries = root.findall(f"{A}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{A}id", "").startswith("urn:uuid:")
    assert entry.findtext(f"{A}updated") == "2025-03-10T14:00:00Z"
    assert entry.findtext(f"{A}title", "").startswith("New 287(g) agreement: A & B <Sheriff>")
    assert "$1,250,000" in entry.findtext(f"{A}content", "")
    assert "Unsubscribe" not in entry.findtext(f"{A}content", "")
    assert run(app, "feed", "--state", "ZZ", "--out", str(out)).exit_code == 2


def test_feed_ids_are_stable() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    one = build_feed([make_event(7)], base_url="https://w", now=now)
    two = build_feed([make_event(7)], base_url="https://w", now=now)
    assert one == two and b"<updated>2025-03-10T14:00:00Z</updated>" in one
