"""Hostile servers and hostile data through the real CLI against a local server: each fails
its own source (recorded, exit 1), the next source still runs, nothing alarms a subscriber
(issue 15, items 2, 3, 4, 6 and 8)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from faults import (
    ice_site,
    patch_workbook,
    query,
    row,
    rows,
    source_health,
    watcher,
    write_config,
)
from http_server import Answer, ScriptedServer
from ice_workbooks import make_workbook

ALERTS = "alerts: {from: a@example.org, operator: ops@example.org, outbox_dir: outbox}\n"


def ice(name: str, url: str, extra: str = "") -> str:
    return f"{{name: {name}, kind: ice_287g, url: '{url}'{extra}}}"


def test_a_trickling_server_cannot_hold_the_run(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    slow = http_server.route("/slow/287g", Answer(body=b"<html>" + b" " * 400, trickle=0.05))
    good = ice_site(http_server, rows(3), prefix="/good")
    write_config(tmp_path, [ice("slow", slow), ice("good", good)],
                 "fetch: {retries: 2, timeout: 30, backoff: 0, deadline: 1.5}\n")  # fmt: skip
    started = time.monotonic()
    done = watcher(tmp_path, "run")
    assert time.monotonic() - started < 20
    assert done.returncode == 1
    assert "slow: FAILED" in done.stdout and "overall deadline" in done.stdout
    assert "good: ok" in done.stdout
    failures, error, _ = source_health(tmp_path / "w.db", "slow")
    assert failures == 1 and "deadline" in error
    assert source_health(tmp_path / "w.db", "good")[0] == 0


def test_redirects_to_another_host_need_the_source_to_list_it(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    port = http_server.base.rsplit(":", 1)[1]
    ice_site(http_server, rows(3), prefix="/moved")
    hop = http_server.route(
        "/hop/287g", Answer(status=301, headers={"Location": f"http://localhost:{port}/moved/287g"})
    )
    good = ice_site(http_server, rows(2), prefix="/good")
    write_config(tmp_path, [ice("hop", hop), ice("good", good)])
    done = watcher(tmp_path, "run")
    assert done.returncode == 1
    assert "refused a redirect to another host (localhost)" in done.stdout
    assert "good: ok" in done.stdout
    assert http_server.hits("/moved/287g") == 0
    write_config(
        tmp_path, [ice("hop", hop, ", allow_redirect_hosts: [localhost]"), ice("good", good)]
    )
    assert watcher(tmp_path, "run").returncode == 0
    assert query(tmp_path / "w.db", "SELECT status FROM publications WHERE source = 'hop'") == [
        ("baseline",)
    ]


def test_an_unknown_host_is_not_retried(tmp_path: Path, http_server: ScriptedServer) -> None:
    good = ice_site(http_server, rows(2), prefix="/good")
    write_config(tmp_path, [ice("gone", "http://no-such-host.invalid/287g"), ice("good", good)],
                 "fetch: {retries: 3, timeout: 5, backoff: 0}\n")  # fmt: skip
    done = watcher(tmp_path, "run")
    assert done.returncode == 1
    assert "does not resolve" in done.stdout and "good: ok" in done.stdout
    assert "retrying" not in done.stderr


def test_an_html_page_where_a_pdf_was_expected_fails_the_source(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    page = http_server.route(
        "/budget.pdf", Answer(body=b"<html><body>Please log in</body></html>",
                              headers={"Content-Type": "text/html"})
    )  # fmt: skip
    good = ice_site(http_server, rows(2), prefix="/good")
    where = "jurisdiction: {state: TX, county: Hays}"
    budget = f"{{name: budget, kind: document, url: '{page}', {where}}}"
    write_config(tmp_path, [budget, ice("good", good)])
    done = watcher(tmp_path, "run")
    assert done.returncode == 1
    assert "budget: FAILED" in done.stdout and "expected a PDF" in done.stdout
    assert query(tmp_path / "w.db", "SELECT status FROM documents") == [("failed",)]
    assert source_health(tmp_path / "w.db", "budget")[0] == 1
    assert watcher(tmp_path, "status").returncode == 1


def test_a_list_that_balloons_is_held_until_the_operator_accepts_it(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    url = ice_site(http_server, rows(300))
    write_config(tmp_path, [ice("ice", url)], ALERTS)
    assert watcher(tmp_path, "subscribe", "reader@example.org").returncode == 0
    assert watcher(tmp_path, "run").returncode == 0  # the baseline
    http_server.route("/p.xlsx", Answer(body=make_workbook(rows(800))))
    done = watcher(tmp_path, "run")
    assert done.returncode == 1
    assert "suspicious publication: row count grew to 800 from 300" in done.stdout
    db = tmp_path / "w.db"
    assert query(db, "SELECT COUNT(*) FROM events") == [(0,)]
    (held,) = query(db, "SELECT id FROM publications WHERE status = 'rejected'")
    assert f"watcher accept {held[0]}" in done.stdout
    mails = [p.read_text() for p in (tmp_path / "outbox").glob("*.eml")]
    assert len(mails) == 1 and "To: ops@example.org" in mails[0]  # the operator, no reader
    accepted = watcher(tmp_path, "accept", str(held[0]))
    assert accepted.returncode == 0, accepted.stderr
    assert query(db, "SELECT COUNT(*) FROM events WHERE type = 'new'") == [(500,)]


def test_control_characters_and_shell_syntax_in_a_workbook_reach_no_terminal(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    marker = tmp_path / "pwned"
    evil = row(1, agency=f"EVILNAME $(touch {marker}) Sheriff's Office")
    book = patch_workbook(make_workbook([row(0)]), "Agency 0", "Agency 0 _x001B_[2J_x009B_")
    url = ice_site(http_server, [row(0)])
    http_server.route("/p.xlsx", Answer(body=book))
    write_config(tmp_path, [ice("ice", url)])
    assert watcher(tmp_path, "run").returncode == 0
    book = patch_workbook(make_workbook([row(0), evil]), "Agency 0", "Agency 0 _x001B_[2J_x009B_")
    http_server.route("/p.xlsx", Answer(body=book))
    assert watcher(tmp_path, "run").returncode == 0
    for command in (["agreements"], ["events"], ["query", "SELECT agency FROM agreements"]):
        done = watcher(tmp_path, *command)
        assert done.returncode == 0, done.stderr
        assert "Agency 0 [2J" in done.stdout or "EVILNAME" in done.stdout
        assert not any(ch in done.stdout + done.stderr for ch in "\x1b\x9b\x07")
    (event,) = json.loads(watcher(tmp_path, "events", "--json").stdout)
    hint = event["records_request_hint"]
    assert f"--agency 'EVILNAME $(touch {marker}) Sheriff'\"'\"'s Office'" in hint
    assert not marker.exists()
