"""The whole path from ICE's page to a subscriber's inbox: real HTTP server, real SMTP server
(aiosmtpd), real archive. Baseline sends nothing, nothing is sent twice, an outage loses
nothing, and the operator hears once when a source breaks and once when it recovers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner, Result

from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page, make_workbook
from smtp_server import SmtpTestServer
from watcher.cli import cli
from watcher.store.archive import open_archive

ETOWAH = {"state": "ALABAMA", "agency": "Etowah County Sheriff's Office", "type": "County",
          "county": "Etowah County", "support": "Jail Enforcement Model",
          "signed": dt.date(2020, 6, 9)}  # fmt: skip
HARRIS = {"state": "TEXAS", "agency": "Harris County Sheriff's Office", "type": "County",
          "county": "Harris County", "support": "Jail Enforcement Model",
          "signed": dt.date(2026, 3, 2)}  # fmt: skip
DADE = {"state": "FLORIDA", "agency": "Miami-Dade Sheriff's Office", "type": "County",
        "county": "Miami-Dade County", "support": "Task Force Model",
        "signed": dt.date(2026, 3, 3)}  # fmt: skip


def setup(tmp_path: Path, web: ScriptedServer, smtp: SmtpTestServer) -> None:
    (tmp_path / "sources.yaml").write_text(
        "contact: tests@example.org\nfetch: {retries: 0, timeout: 5}\nfailure_threshold: 2\n"
        f"sources:\n  - {{name: ice, kind: ice_287g, url: '{web.base}/287g'}}\n"
        "alerts:\n  from: alerts@example.org\n  operator: ops@example.org\n"
        f"  smtp: {{host: 127.0.0.1, port: {smtp.port}, starttls: false}}\n"
    )


def publish(web: ScriptedServer, name: str, rows: list[dict[str, object]] | bytes) -> None:
    body = rows if isinstance(rows, bytes) else make_workbook(rows)
    web.route(f"/{name}.xlsx", Answer(body=body))
    web.route("/287g", Answer(body=make_ice_page({"Participating": f"/{name}.xlsx"}).encode()))


def watcher(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def subjects(smtp: SmtpTestServer) -> list[str]:
    return sorted(str(message["Subject"]) for message in smtp.messages)


def test_filters_baseline_and_exactly_once(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    setup(tmp_path, http_server, smtp_server)
    assert watcher(tmp_path, "subscribe", "tx@example.org", "--state", "TX").exit_code == 0
    assert watcher(tmp_path, "subscribe", "all@example.org").exit_code == 0
    publish(http_server, "p1", [ETOWAH])
    assert watcher(tmp_path, "run").exit_code == 0
    assert smtp_server.messages == []  # the baseline sends nothing
    publish(http_server, "p2", [ETOWAH, HARRIS, DADE])
    assert watcher(tmp_path, "run").exit_code == 0
    by_rcpt = sorted(
        (rcpt, str(message["Subject"]))
        for (_, rcpts), message in zip(smtp_server.handler.envelopes, smtp_server.messages,
                                       strict=True)
        for rcpt in rcpts
    )  # fmt: skip
    harris = "New 287(g) agreement: Harris County Sheriff's Office, TX - Jail Enforcement Model"
    dade = "New 287(g) agreement: Miami-Dade Sheriff's Office, FL - Task Force Model"
    assert by_rcpt == sorted([("all@example.org", dade), ("all@example.org", harris),
                              ("tx@example.org", harris)])  # fmt: skip
    assert watcher(tmp_path, "run").exit_code == 0
    assert watcher(tmp_path, "deliver").exit_code == 0
    assert len(smtp_server.messages) == 3  # re-running sends nothing more


def test_smtp_down_for_a_run_then_up(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    setup(tmp_path, http_server, smtp_server)
    watcher(tmp_path, "subscribe", "all@example.org")
    publish(http_server, "p1", [ETOWAH])
    watcher(tmp_path, "run")
    smtp_server.stop()
    publish(http_server, "p2", [ETOWAH, HARRIS])
    assert watcher(tmp_path, "run").exit_code == 0  # ICE was read fine; mail waits
    status = watcher(tmp_path, "status", "--json")
    assert '"queued": 1' in status.output and status.exit_code == 0  # due only just now
    db = open_archive(tmp_path / "w.db")
    two_hours_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).isoformat(timespec="seconds")
    db.execute("UPDATE outbox SET next_attempt_at = ?", [two_hours_ago])
    stuck = watcher(tmp_path, "status")
    assert stuck.exit_code == 1 and "OUTBOX STUCK: 1 message(s)" in stuck.output
    smtp_server.start()
    assert watcher(tmp_path, "deliver").exit_code == 0
    assert watcher(tmp_path, "deliver").exit_code == 0
    assert subjects(smtp_server) == [
        "New 287(g) agreement: Harris County Sheriff's Office, TX - Jail Enforcement Model"
    ]


def test_operator_hears_once_on_failure_and_once_on_recovery(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    setup(tmp_path, http_server, smtp_server)
    publish(http_server, "p1", [ETOWAH])
    watcher(tmp_path, "run")
    http_server.route("/287g", Answer(status=503))
    for _ in range(4):  # four failed runs, threshold 2: one email
        assert watcher(tmp_path, "run").exit_code == 1
    assert subjects(smtp_server) == ["watcher: source ice is failing"]
    body = smtp_server.messages[0].get_payload()
    assert "503" in str(body)
    publish(http_server, "p2", [ETOWAH, HARRIS])
    assert watcher(tmp_path, "run").exit_code == 0
    watcher(tmp_path, "run")
    assert subjects(smtp_server) == [
        "watcher: source ice has recovered",
        "watcher: source ice is failing",
    ]
    assert all(m["To"] == "ops@example.org" for m in smtp_server.messages)


def test_rejected_list_alerts_the_operator_at_once(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    setup(tmp_path, http_server, smtp_server)
    publish(http_server, "p1", [ETOWAH, HARRIS, DADE])
    watcher(tmp_path, "run")
    publish(http_server, "p2", [ETOWAH])  # a third of the list: a broken publication
    assert watcher(tmp_path, "run").exit_code == 1
    assert subjects(smtp_server) == ["watcher: source ice is failing"]
    assert "below the 70% floor" in str(smtp_server.messages[0].get_payload())
    events = watcher(tmp_path, "events", "--json")
    assert events.output.strip() == "[]"
