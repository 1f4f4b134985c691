"""The alert commands, the alerts: config section, and the Atom feed: through the real
`watcher` command, a real sources.yaml and a real archive."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner, Result
from pydantic import ValidationError
from tests.smtp_server import SmtpTestServer, make_event
from tests.test_web_helpers import BUDGET_ITEM, ETOWAH, agency, publish

from watcher.alerts import (
    AlertsConfig,
    OutboxDirSender,
    SmtpSender,
    enqueue_events,
    sender_from_config,
)
from watcher.alerts.feed import ATOM, build_feed
from watcher.cli import cli
from watcher.config import Jurisdiction
from watcher.documents.apply import apply_document
from watcher.errors import ConfigError
from watcher.store.archive import ensure_source, open_archive

A = f"{{{ATOM}}}"
SOURCES = "sources:\n  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/287g'}\n"
ALERTS = (
    "alerts:\n  from: alerts@example.org\n  operator: ops@example.org\n"
    "  base_url: 'https://w.example/'\n"
)


class App:
    """A working folder with a sources.yaml and an archive, run through `watcher`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.config_file = folder / "sources.yaml"
        self.db_file = folder / "archive.db"
        self.configure(ALERTS)

    def configure(self, alerts: str) -> None:
        self.config_file.write_text(SOURCES + alerts, encoding="utf-8")

    def open_db(self) -> sqlite_utils.Database:
        return open_archive(self.db_file)


@pytest.fixture
def server() -> Iterator[SmtpTestServer]:
    smtp = SmtpTestServer()
    smtp.start()
    try:
        yield smtp
    finally:
        smtp.stop()


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> App:
    monkeypatch.chdir(tmp_path)  # relative paths (the outbox) are relative to the working dir
    return App(tmp_path)


def run(app: App, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(app.config_file), "--db", str(app.db_file), *args]
    )


def smtp_section(server: SmtpTestServer) -> str:
    return (
        "alerts:\n  from: alerts@example.org\n"
        f"  smtp: {{host: {server.host}, port: {server.port}, starttls: false}}\n"
    )


def test_subscribe_list_unsubscribe(app: App) -> None:
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


def test_empty_subscriber_list_is_valid_json(app: App) -> None:
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
def test_subscribe_bad_input(app: App, args: list[str], message: str) -> None:
    result = run(app, "subscribe", *args)
    assert result.exit_code == 2 and message in result.output
    assert app.open_db().execute("SELECT COUNT(*) FROM subscribers").fetchone()[0] == 0


def test_deliver_through_smtp(app: App, server: SmtpTestServer) -> None:
    app.configure(smtp_section(server))
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    result = run(app, "deliver")
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.stdout and server.recipients() == ["a@example.org"]
    assert "sent 0" in run(app, "deliver").stdout


def test_deliver_reports_outage(app: App, server: SmtpTestServer) -> None:
    app.configure(smtp_section(server))
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    server.stop()
    result = run(app, "deliver")
    assert result.exit_code == 1 and "stay queued" in result.output


def test_deliver_without_smtp_writes_eml(app: App, tmp_path: Path) -> None:
    run(app, "subscribe", "a@example.org")
    enqueue_events(app.open_db(), [make_event()], now=datetime.now(UTC))
    assert run(app, "deliver").exit_code == 0
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1


def test_deliver_needs_alerts_section(app: App) -> None:
    app.configure("")
    result = run(app, "deliver")
    assert result.exit_code == 2 and "no alerts: section" in result.output


def test_bad_alerts_section_is_a_usage_error(app: App) -> None:
    app.configure("alerts:\n  from: alerts@example.org\n  weekly_day: someday\n")
    for args in (["deliver"], ["subscribe", "a@example.org"]):
        result = run(app, *args)
        assert result.exit_code == 2, result.output
        assert "sources.yaml" in result.output and "weekly_day" in result.output
    assert app.open_db().execute("SELECT COUNT(*) FROM subscribers").fetchone()[0] == 0


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


def test_feed_is_valid_atom(app: App, tmp_path: Path) -> None:
    # Events and a cost figure the way watcher records them: ICE lists and a county document.
    texan = agency(
        "TEXAS", "A & B <Sheriff>\u2028", "Task Force Model", "Galveston County",
        dt.date(2025, 3, 4),
    )  # fmt: skip
    floridian = agency(
        "FLORIDA", "Collier County Sheriff's Office", "Task Force Model", "Collier County",
        dt.date(2025, 2, 20),
    )  # fmt: skip
    db = app.open_db()
    ensure_source(db, "ice", "ice_287g", "https://www.ice.gov/287g")
    publish(db, [ETOWAH], datetime(2025, 1, 10, 9, tzinfo=UTC), 1)
    publish(db, [ETOWAH, texan, floridian], datetime(2025, 3, 10, 14, tzinfo=UTC), 2)
    ensure_source(db, "galveston", "document", "https://galveston.example/agenda")
    apply_document(
        db, source="galveston", url="https://galveston.example/agenda/2025-04-01.html",
        content=BUDGET_ITEM.encode(), content_type="text/html",
        jurisdiction=Jurisdiction(state="TX", county="Galveston"),
        fetched_at=datetime(2025, 4, 1, tzinfo=UTC),
    )  # fmt: skip
    db.close()
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
    assert "$302,500" in entry.findtext(f"{A}content", "")
    assert "Unsubscribe" not in entry.findtext(f"{A}content", "")
    assert run(app, "feed", "--state", "ZZ", "--out", str(out)).exit_code == 2


def test_feed_ids_are_stable() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    one = build_feed([make_event(7)], base_url="https://w", now=now)
    two = build_feed([make_event(7)], base_url="https://w", now=now)
    assert one == two and b"<updated>2025-03-10T14:00:00Z</updated>" in one


def test_feed_is_never_written_over_the_archive_or_a_link(app: App, tmp_path: Path) -> None:
    app.open_db().close()
    before = app.db_file.read_bytes()
    result = run(app, "feed", "--out", str(app.db_file))
    assert result.exit_code == 2
    assert "refusing to write over the archive's own file" in result.output
    assert app.db_file.read_bytes() == before
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp_path / "feed.xml"
    link.symlink_to(target)
    result = run(app, "feed", "--out", str(link))
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert target.read_text() == "keep me"
    # An ordinary feed file is rewritten on every run: that is what a feed is for.
    out = tmp_path / "all.xml"
    out.write_text("old feed")
    assert run(app, "feed", "--out", str(out)).exit_code == 0
    assert ET.parse(out).getroot().tag == f"{A}feed"
