"""`kill -9` during ingest and during delivery, through the real CLI: the archive stays
consistent, a rerun gives the same events, no alert is lost; a message is sent twice only when
the kill fell between its send and its commit (the documented crash window; its Message-ID is
the same both times). Issue 15, item 8."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from faults import query, rows, watcher, write_config
from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page, make_workbook
from smtp_server import RecordingHandler, SmtpTestServer
from watcher.store.archive import private_path


def start(folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(folder / "sources.yaml"),
         "--db", str(folder / "w.db"), *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, cwd=folder,
    )  # fmt: skip


def wait_for(check: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.02)


def count(db: Path, sql: str) -> int:
    try:
        return int(query(db, sql)[0][0])
    except Exception:  # the archive may not exist yet, or be mid-migration
        return 0


def events_of(db: Path) -> list[tuple[Any, ...]]:
    return query(db, "SELECT type, state, agency, support_type, signed FROM events ORDER BY 1, 3")


def lists(folder: Path, count_of: int) -> list[Path]:
    """count_of participating lists: each adds rows and drops one, so events come from each."""
    paths = []
    for n in range(count_of):
        listed = rows(40 + 5 * n)[n:]  # grows by 5, loses the first row each time
        path = folder / f"participating{n:02d}.xlsx"
        path.write_bytes(make_workbook(listed))
        os.utime(path, (1_700_000_000 + n * 86_400 * 2, 1_700_000_000 + n * 86_400 * 2))
        paths.append(path)
    return paths


def test_kill_9_during_ingest_then_rerun_gives_the_same_events(tmp_path: Path) -> None:
    crashed, clean = tmp_path / "crashed", tmp_path / "clean"
    for folder in (crashed, clean):
        folder.mkdir()
        write_config(folder, ["{name: ice, kind: ice_287g, url: 'https://www.ice.gov/287g'}"])
    files = [str(path) for path in lists(tmp_path, 80)]
    process = start(crashed, "ingest", "--source", "ice", *files)
    db = crashed / "w.db"
    wait_for(lambda: count(db, "SELECT COUNT(*) FROM publications") >= 3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    applied = count(db, "SELECT COUNT(*) FROM publications")
    assert 3 <= applied < len(files), "the kill did not land mid-ingest"
    rerun = watcher(crashed, "ingest", "--source", "ice", *files)
    assert rerun.returncode == 0, rerun.stderr
    reference = watcher(clean, "ingest", "--source", "ice", *files)
    assert reference.returncode == 0, reference.stderr
    assert events_of(db) == events_of(clean / "w.db")
    assert len(events_of(db)) > 40
    assert count(db, "SELECT COUNT(*) FROM publications") == len(files)


class SlowHandler(RecordingHandler):
    """Takes its time over each message, so a kill lands mid-delivery."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0.02)
        return await super().handle_DATA(server, session, envelope)


def test_kill_9_during_delivery_loses_no_alert(tmp_path: Path, http_server: ScriptedServer) -> None:
    smtp = SmtpTestServer()
    smtp.handler = SlowHandler()
    smtp.start()
    try:
        http_server.route("/p.xlsx", Answer(body=make_workbook(rows(10))))
        page = make_ice_page({"Participating Agencies": "/p.xlsx"}).encode()
        url = http_server.route("/287g", Answer(body=page))
        write_config(
            tmp_path,
            [f"{{name: ice, kind: ice_287g, url: '{url}'}}"],
            "alerts: {from: a@example.org, operator: ops@example.org, "
            f"smtp: {{host: 127.0.0.1, port: {smtp.port}, starttls: false}}}}\n",
        )
        assert watcher(tmp_path, "subscribe", "reader@example.org").returncode == 0
        assert watcher(tmp_path, "run").returncode == 0  # baseline: nothing sent
        assert smtp.handler.count == 0
        http_server.route("/p.xlsx", Answer(body=make_workbook(rows(160))))  # 150 new
        process = start(tmp_path, "run")
        wait_for(lambda: smtp.handler.count >= 20)
        process.send_signal(signal.SIGKILL)
        process.wait()
        db = tmp_path / "w.db"
        assert query(db, "PRAGMA integrity_check") == [("ok",)]
        sent_before = smtp.handler.count
        assert sent_before < 150, "the kill did not land mid-delivery"
        again = watcher(tmp_path, "deliver")
        assert again.returncode == 0, again.stderr
        assert count(db, "SELECT COUNT(*) FROM events WHERE type = 'new'") == 150
        # The outbox lives in the private file beside the archive, not in the archive.
        private = private_path(db)
        assert query(private, "PRAGMA integrity_check") == [("ok",)]
        assert query(private, "SELECT state, COUNT(*) FROM outbox GROUP BY state") == [
            ("sent", 150)
        ]
        ids = Counter(str(message["Message-ID"]) for message in smtp.messages)
        assert len(ids) == 150  # every alert arrived
        assert sum(n - 1 for n in ids.values()) <= 1  # at most the one in flight, twice
    finally:
        smtp.stop()
