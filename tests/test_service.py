"""Running as a service: the scheduler, SIGTERM, the archive lock, the offline demo."""

from __future__ import annotations

import datetime as dt
import email
import os
import signal
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

import pytest
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page, make_workbook
from watcher.cli import cli
from watcher.config import load_config
from watcher.discovery.registry import accept, reject
from watcher.lock import ArchiveLock, LockBusy
from watcher.runtime.scheduler import JOB_DEFAULTS, build_scheduler, portals_job
from watcher.store.archive import open_archive

ROW = {"state": "ALABAMA", "agency": "Etowah County Sheriff's Office", "type": "County",
       "county": "Etowah County", "support": "Jail Enforcement Model",
       "signed": dt.date(2020, 6, 9)}  # fmt: skip


def ice_site(server: ScriptedServer) -> str:
    server.route("/p.xlsx", Answer(body=make_workbook([ROW])))
    return server.route("/287g", Answer(body=make_ice_page({"Participating": "/p.xlsx"}).encode()))


def write_config(tmp_path: Path, url: str, schedule: str = "0 */4 * * *") -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "contact: tests@example.org\nfetch: {retries: 0, timeout: 5}\n"
        f"sources:\n  - {{name: ice, kind: ice_287g, url: '{url}', schedule: '{schedule}'}}\n"
    )
    return path


def test_jobs_follow_each_source_schedule_and_never_overlap(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "https://example.org/287g", "15 3 * * 1"))
    scheduler = build_scheduler(config, tmp_path / "w.db", BackgroundScheduler(timezone="UTC"))
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"source:ice", "deliver", "digests", "feeds", "portals"}
    trigger = str(jobs["source:ice"].trigger)
    assert "hour='3'" in trigger and "minute='15'" in trigger and "day_of_week='1'" in trigger
    for job in jobs.values():
        assert job.max_instances == 1 and job.coalesce is True
        assert job.misfire_grace_time == JOB_DEFAULTS["misfire_grace_time"]


def _add_portal(db_file: Path) -> int:
    db = open_archive(db_file)
    now = "2026-06-09T00:00:00+00:00"
    cursor = db.execute(
        "INSERT INTO portals (government, state, county_fips, platform, url, evidence, "
        "confidence, status, verified_at, created_at, updated_at) VALUES ('Galveston County', "
        "'TX', '48167', 'civicplus', 'https://www.galvestoncountytx.gov/AgendaCenter', "
        "'linked from a test page', 'high', 'verified', ?, ?, ?)",
        [now, now, now],
    )
    db.close()
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_a_portal_accepted_while_serving_is_scheduled_without_a_restart(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "https://example.org/287g"))
    db_file = tmp_path / "w.db"
    portal = _add_portal(db_file)
    scheduler = build_scheduler(config, db_file, BackgroundScheduler(timezone="UTC"))
    assert scheduler.get_job(f"source:portal-{portal}-civicplus") is None
    db = open_archive(db_file)
    accept(db, portal)
    db.close()
    portals_job(scheduler, config, db_file)
    job = scheduler.get_job(f"source:portal-{portal}-civicplus")
    assert job is not None and job.args[2] == f"portal-{portal}-civicplus"
    assert job.max_instances == 1
    portals_job(scheduler, config, db_file)  # a second look adds nothing twice
    assert [j.id for j in scheduler.get_jobs()].count(f"source:portal-{portal}-civicplus") == 1
    db = open_archive(db_file)
    reject(db, portal, "not the county's board")
    db.close()
    portals_job(scheduler, config, db_file)
    assert scheduler.get_job(f"source:portal-{portal}-civicplus") is None
    assert scheduler.get_job("source:ice") is not None  # sources.yaml's stay


def test_a_scheduled_source_job_runs(tmp_path: Path, http_server: ScriptedServer) -> None:
    config = load_config(write_config(tmp_path, ice_site(http_server)))
    db_file = tmp_path / "w.db"
    scheduler = build_scheduler(config, db_file, BackgroundScheduler(timezone="UTC"))
    done = threading.Event()
    outcome: list[JobExecutionEvent] = []

    def listen(event: JobExecutionEvent) -> None:
        if event.job_id == "source:ice":
            outcome.append(event)
            done.set()

    scheduler.add_listener(listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    scheduler.start(paused=True)
    try:
        scheduler.modify_job("source:ice", next_run_time=dt.datetime.now(dt.UTC))
        scheduler.resume()
        assert done.wait(20), "the source job did not run"
    finally:
        scheduler.shutdown(wait=True)
    assert outcome[0].exception is None
    db = open_archive(db_file)
    assert db.execute("SELECT agency FROM agreements").fetchall() == [
        ("Etowah County Sheriff's Office",)
    ]


def test_serve_stops_cleanly_on_sigterm(tmp_path: Path, http_server: ScriptedServer) -> None:
    config = write_config(tmp_path, ice_site(http_server))
    process = subprocess.Popen(
        [sys.executable, "-m", "watcher", "--config", str(config), "--db",
         str(tmp_path / "w.db"), "serve"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    lines = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        if "Scheduler started" in line or "scheduled job=" in line:
            break
    process.send_signal(signal.SIGTERM)
    out, _ = process.communicate(timeout=30)
    output = "".join(lines) + out
    assert process.returncode == 0, output
    assert "received SIGTERM" in output and "scheduler stopped" in output


def test_lock_keeps_two_runs_apart(tmp_path: Path) -> None:
    archive = tmp_path / "w.db"
    with ArchiveLock(archive), pytest.raises(LockBusy, match=f"pid {os.getpid()}"):
        ArchiveLock(archive, wait=0.2, poll=0.05).acquire()
    with ArchiveLock(archive):  # released: free again
        pass


def test_lock_left_by_a_killed_process_is_recovered(tmp_path: Path) -> None:
    archive = tmp_path / "w.db"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from watcher.lock import ArchiveLock; "
         f"lock = ArchiveLock(Path({str(archive)!r})); lock.acquire(); print('held', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(LockBusy):
        ArchiveLock(archive).acquire()
    holder.kill()
    holder.wait()
    holder.stdout.close()
    assert (tmp_path / "w.db.lock").exists()  # the stale file is still there...
    with ArchiveLock(archive):  # ...and taken over at once, not waited on
        pass


def test_run_waits_or_exits_clearly_while_another_holds_the_lock(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    write_config(tmp_path, ice_site(http_server))
    args = ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), "run"]
    with ArchiveLock(tmp_path / "w.db"):
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3  # the lock, not a failed source
    assert "another watcher process" in result.output


def test_unwritable_archive_folder_is_a_clear_error(tmp_path: Path) -> None:
    write_config(tmp_path, "https://example.org/287g")
    result = CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db",
              str(tmp_path / "missing" / "w.db"), "status"],
    )  # fmt: skip
    assert result.exit_code == 4  # an archive problem
    assert "does not exist" in result.output


def test_demo_runs_offline_end_to_end(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    subjects = set()
    for path in (tmp_path / "demo" / "outbox").glob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert message["To"] == "advocate@demo.example.org"
        subjects.add(str(message["Subject"]))
    assert subjects == {
        "New 287(g) agreement: Galveston County Sheriff's Office, TX - Task Force Model",
        "287(g) agreement renewed: Etowah County Sheriff's Office, AL - Jail Enforcement Model",
        "287(g) agency renamed: Fort Myers Police Department, FL - Task Force Model",
        "287(g) agreement withdrawn: Kodiak Police Department, AK - Warrant Service Officer",
        "Pending 287(g) agreement: Boise Police Department, ID - Warrant Service Officer",
        "New 287(g) agreement: Nampa Police Department, ID - Task Force Model",
    }
    assert "local cost figure: $302,500 revenue (2026-02-16)" in result.output
    assert (tmp_path / "demo" / "feed.xml").read_bytes().startswith(b"<?xml")
