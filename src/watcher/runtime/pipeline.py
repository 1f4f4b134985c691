"""One pass over the sources, each isolated: a failing source never stops the others.

Source health follows urlwatch's handler: a consecutive-failure count per source, one operator
alert when it reaches the threshold (at once for a rejected list), one on recovery, nothing in
between.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from watcher.config import Config, SourceConfig
from watcher.errors import WatcherError
from watcher.fetch import FetchPolicy, NetPolicy
from watcher.ice.apply import Rules
from watcher.sources import SourceContext, SourceResult, get_runner
from watcher.store.archive import ensure_source
from watcher.store.faults import describe_fault
from watcher.timestamps import iso

log = logging.getLogger(__name__)


@dataclass
class SourceOutcome:
    name: str
    ok: bool
    error: str | None = None
    result: SourceResult = field(default_factory=SourceResult)


@dataclass
class RunReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    delivery: str | None = None  # what delivery did, in words; None when nothing was sent

    @property
    def ok(self) -> bool:
        return all(outcome.ok for outcome in self.outcomes)

    @property
    def event_ids(self) -> list[int]:
        return [e for outcome in self.outcomes for e in outcome.result.event_ids]


def debounce_for(config: Config) -> Callable[[str], int]:
    """Consecutive absences needed before a withdrawal, per state (stricter where law mandates)."""
    from watcher.law import withdrawal_debounce

    detection = config.detection
    known: dict[str, int] = {}  # asked for every absent agreement of every list

    def needed(state: str) -> int:
        found = known.get(state)
        if found is None:
            found = known[state] = withdrawal_debounce(
                state,
                default=detection.withdrawal_after,
                overrides=dict(detection.withdrawal_after_by_state),
                mandate_default=detection.mandate_withdrawal_after,
            )
        return found

    return needed


def rules_for(config: Config, *, alert: bool = True) -> Rules:
    return Rules(
        debounce=debounce_for(config),
        min_row_share=config.detection.min_row_share,
        min_row_share_pending=config.detection.min_row_share_pending,
        alert=alert,
        min_absent=dt.timedelta(days=config.detection.withdrawal_min_days),
        max_growth_share=config.detection.max_row_growth_share,
        max_growth_rows=config.detection.max_row_growth,
        max_rows=config.detection.max_rows,
    )


def run_sources(
    config: Config,
    db: sqlite_utils.Database,
    client: httpx.Client,
    names: list[str] | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> RunReport:
    selected = [config.source(name) for name in names] if names else config.sources
    report = RunReport()
    policy = FetchPolicy(
        retries=config.fetch.retries,
        backoff=config.fetch.backoff,
        max_bytes=config.fetch.max_bytes,
        deadline=config.fetch.deadline,
    )
    rules = rules_for(config)
    for source in selected:
        if not source.enabled and not names:
            continue
        ensure_source(db, source.name, source.kind, str(source.url))
        net = NetPolicy.for_source(str(source.url), source.allow_redirect_hosts)
        bounded = dataclasses.replace(
            policy, net=net, not_after=time.monotonic() + config.fetch.source_deadline
        )
        context = SourceContext(db, client, source, rules, bounded, sleep)
        outcome = _run_one(context)
        record_health(db, config, source, outcome)
        report.outcomes.append(outcome)
    return report


def _run_one(context: SourceContext) -> SourceOutcome:
    name = context.source.name
    started = time.monotonic()
    try:
        result = get_runner(context.source.kind)(context)
    except WatcherError as exc:
        log.warning("source=%s status=failed error=%r", name, str(exc))
        return SourceOutcome(name, ok=False, error=str(exc))
    except sqlite3.DatabaseError as exc:
        if describe_fault(exc, None):  # a full disk or a broken archive is no source's fault:
            raise  # the run stops with exit code 4, every change so far rolled back
        log.exception("source=%s status=crashed", name)
        return SourceOutcome(name, ok=False, error=f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # one broken source must never stop the run
        log.exception("source=%s status=crashed", name)
        return SourceOutcome(name, ok=False, error=f"{type(exc).__name__}: {exc}")
    ok = not result.problems
    log.info(
        "source=%s status=%s publications=%d events=%d seconds=%.2f",
        name,
        "ok" if ok else "rejected",
        len(result.applied),
        len(result.event_ids),
        time.monotonic() - started,
    )
    return SourceOutcome(name, ok=ok, error="; ".join(result.problems) or None, result=result)


def record_health(
    db: sqlite_utils.Database, config: Config, source: SourceConfig, outcome: SourceOutcome
) -> None:
    now = iso(dt.datetime.now(dt.UTC))
    row = db.execute(
        "SELECT consecutive_failures, failing_alerted FROM sources WHERE name = ?", [source.name]
    ).fetchone()
    failures, alerted = (row[0], bool(row[1])) if row else (0, False)
    if outcome.ok:
        db.execute(
            "UPDATE sources SET consecutive_failures = 0, last_run_at = ?, last_success_at = ?, "
            "failing_alerted = 0 WHERE name = ?",
            [now, now, source.name],
        )
        if alerted:
            _operator_alert(db, config, source.name, recovered=True, error=None, failures=failures)
        return
    failures += 1
    rejected = bool(outcome.result.problems)
    should_alert = not alerted and (rejected or failures >= config.failure_threshold)
    db.execute(
        "UPDATE sources SET consecutive_failures = ?, last_run_at = ?, last_failure_at = ?, "
        "last_error = ?, failing_alerted = ? WHERE name = ?",
        [failures, now, now, outcome.error, int(alerted or should_alert), source.name],
    )
    if should_alert:
        _operator_alert(
            db, config, source.name, recovered=False, error=outcome.error, failures=failures
        )


def _operator_alert(
    db: sqlite_utils.Database,
    config: Config,
    name: str,
    *,
    recovered: bool,
    error: str | None,
    failures: int,
) -> None:
    if not config.alerts:
        log.warning(
            "source=%s %s (no alerts section: operator not emailed)",
            name,
            "recovered" if recovered else "failing",
        )
        return
    from watcher.alerts.outbox import enqueue_operator_alert

    now = dt.datetime.now(dt.UTC)
    if recovered:
        subject = f"watcher: source {name} has recovered"
        body = f"Source {name} ran successfully again after {failures} failed run(s)."
    else:
        subject = f"watcher: source {name} is failing"
        body = (
            f"Source {name} has failed {failures} run(s) in a row.\n\nLast error: {error}\n\n"
            "Nothing was changed in the archive by the failed runs. You will get one more email "
            "when the source recovers."
        )
    key = f"source:{name}:{'recovered' if recovered else 'failing'}:{iso(now)}"
    enqueue_operator_alert(db, key=key, subject=subject, body=body, now=now)
