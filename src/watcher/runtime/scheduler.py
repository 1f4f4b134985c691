"""`watcher serve`: each source on its own cron schedule, plus delivery, digests and feeds,
and a look every 15 minutes for portals accepted or rejected since.

APScheduler 3.x. A job never runs twice at once (max_instances=1), missed runs collapse into one
(coalesce) and a run missed by less than the grace time still happens after a restart or sleep.
Every job takes the same archive lock as `watcher run`, so a cron run and the daemon never write
the archive at the same time. SIGTERM and SIGINT let the job in hand finish, then exit.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import sqlite_utils
from apscheduler.events import EVENT_SCHEDULER_STARTED
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from watcher.config import Config
from watcher.discovery.registry import with_accepted_portals
from watcher.errors import WatcherError
from watcher.lock import ArchiveLock, LockBusy
from watcher.store.archive import open_archive

log = logging.getLogger(__name__)
_T = TypeVar("_T")

JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}
LOCK_WAIT = 600.0  # a job waits this long for a cron-started run to finish


def source_job(config: Config, db_file: Path, name: str) -> None:
    from watcher.runtime.service import run_once

    try:
        report = run_once(config, db_file, [name], lock_wait=LOCK_WAIT)
    except LockBusy as exc:
        log.warning("job=source source=%s skipped: %s", name, exc)
        return
    except WatcherError as exc:
        log.error("job=source source=%s failed: %s", name, exc)
        return
    for outcome in report.outcomes:
        log.info("job=source source=%s ok=%s error=%s", outcome.name, outcome.ok, outcome.error)


def housekeeping_job(config: Config, db_file: Path, task: str) -> None:
    """Deliver the outbox, queue due digests or refresh the feeds, under the archive lock."""
    from watcher.alerts.delivery import deliver_due, queue_digests, refresh_feeds

    actions: dict[str, Callable[..., Any]] = {
        "deliver": deliver_due,
        "digests": queue_digests,
        "feeds": refresh_feeds,
    }
    try:
        _under_lock(db_file, functools.partial(actions[task], config))
    except WatcherError as exc:
        log.error("job=%s failed: %s", task, exc)


def build_scheduler(
    config: Config,
    db_file: Path,
    scheduler: BaseScheduler | None = None,
    *,
    deliver_every: float = 60.0,
    initial_run: bool = True,
) -> BaseScheduler:
    """Add every job to ``scheduler`` (a BlockingScheduler by default; tests pass another).

    With ``initial_run`` each source runs once at start, then on its schedule: a new daemon
    should not wait hours for the first cron slot to show that its sources work. ``config`` is
    sources.yaml's; the portals accepted in the archive are added now and every 15 minutes
    (:func:`portals_job`), so accepting a portal needs no restart.
    """
    scheduler = scheduler or BlockingScheduler(job_defaults=JOB_DEFAULTS, timezone="UTC")
    sync_source_jobs(scheduler, _with_portals(config, db_file), config, db_file, initial_run)
    housekeeping = [
        ("deliver", IntervalTrigger(seconds=deliver_every)),
        ("digests", CronTrigger(minute="*/15", timezone="UTC")),
        ("feeds", CronTrigger(minute=5, timezone="UTC")),
    ]
    for task, trigger in housekeeping:
        scheduler.add_job(
            housekeeping_job,
            trigger,
            args=[config, db_file, task],
            id=task,
            name=task,
            replace_existing=True,
            **JOB_DEFAULTS,
        )
    scheduler.add_job(
        portals_job,
        IntervalTrigger(minutes=15),
        args=[scheduler, config, db_file],
        id="portals",
        name="portals",
        replace_existing=True,
        **JOB_DEFAULTS,
    )
    return scheduler


def _under_lock(db_file: Path, action: Callable[[sqlite_utils.Database], _T]) -> _T:
    """``action`` on the archive, opened under its lock (waiting for a cron run to finish)."""
    with ArchiveLock(db_file, wait=LOCK_WAIT):
        db = open_archive(db_file)
        try:
            return action(db)
        finally:
            db.close()


def _with_portals(config: Config, db_file: Path) -> Config:
    return _under_lock(db_file, functools.partial(with_accepted_portals, config))


def sync_source_jobs(
    scheduler: BaseScheduler, wanted: Config, config: Config, db_file: Path, run_now: bool
) -> tuple[list[str], list[str]]:
    """One job per enabled source of ``wanted``: add the missing ones (run at once when
    ``run_now``), remove those of sources no longer wanted (a portal rejected since). The jobs
    get sources.yaml's ``config``: each run adds the accepted portals itself. Returns the
    names added and removed."""
    jobs = [job.id for job in scheduler.get_jobs()]
    have = {job.removeprefix("source:") for job in jobs if job.startswith("source:")}
    enabled = {source.name: source for source in wanted.sources if source.enabled}
    first: dict[str, Any] = {"next_run_time": dt.datetime.now(dt.UTC)} if run_now else {}
    added = [name for name in enabled if name not in have]
    for name in added:
        scheduler.add_job(
            source_job,
            CronTrigger.from_crontab(enabled[name].schedule, timezone="UTC"),
            args=[config, db_file, name],
            id=f"source:{name}",
            name=f"source {name}",
            replace_existing=True,
            **JOB_DEFAULTS,
            **first,
        )
    removed = sorted(have - set(enabled))
    for name in removed:
        scheduler.remove_job(f"source:{name}")
    return added, removed


def portals_job(scheduler: BaseScheduler, config: Config, db_file: Path) -> None:
    """Schedule the portals accepted since the last look, unschedule those rejected since."""
    try:
        wanted = _with_portals(config, db_file)
    except (WatcherError, LockBusy) as exc:
        log.error("job=portals failed: %s", exc)
        return
    added, removed = sync_source_jobs(scheduler, wanted, config, db_file, run_now=True)
    for name in added:
        log.info("job=portals scheduled source=%s", name)
    for name in removed:
        log.info("job=portals unscheduled source=%s", name)


def serve(config: Config, db_file: Path, *, initial_run: bool = True) -> None:
    """Run until SIGTERM or SIGINT; the job in hand finishes first. Portals accepted with
    `watcher portals accept` are scheduled within 15 minutes, without a restart."""
    scheduler = build_scheduler(config, db_file, initial_run=initial_run)
    stoppers: list[threading.Thread] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        log.info("received %s: finishing the job in hand, then exiting", name)
        if not scheduler.running:  # not started yet: no job in hand to wait for
            log.info("scheduler stopped")
            raise SystemExit(0)
        # The handler may interrupt the main thread inside APScheduler while it holds the
        # executor's lock (submitting the initial run, say); waiting for the job in hand right
        # here would deadlock with the pool thread that needs that lock to finish. So another
        # thread waits, and serve() joins it once start() has returned.
        if not stoppers:
            stopper = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True})
            stoppers.append(stopper)
            stopper.start()

    def started(_event: object) -> None:
        for job in scheduler.get_jobs():
            log.info(
                "scheduled job=%r trigger=%s next=%s", job.name, job.trigger, job.next_run_time
            )
        log.info("scheduler started with %d jobs", len(scheduler.get_jobs()))

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    scheduler.add_listener(started, EVENT_SCHEDULER_STARTED)
    scheduler.start()
    for stopper in stoppers:
        stopper.join()
    log.info("scheduler stopped")
