"""Commands over the ICE lists and the archive: run, ingest, events, agreements, status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from watcher.cli.base import SourceFailed, UsageProblem, current_app, emit_json
from watcher.errors import WatcherError
from watcher.store.queries import EVENT_TYPES, iter_agreements

if TYPE_CHECKING:
    from watcher.runtime.pipeline import RunReport


@click.command()
@click.option("--source", "names", multiple=True, help="Only this source (repeatable).")
@click.option(
    "--lock-wait",
    default=0.0,
    show_default=True,
    help="Seconds to wait if another watcher process holds the archive.",
)
def run(names: tuple[str, ...], lock_wait: float) -> None:
    """One pass over the sources, then deliver the alerts that are due."""
    from watcher.runtime.service import run_once

    app = current_app()
    for name in names:
        try:
            app.config.source(name)
        except WatcherError as exc:
            raise UsageProblem(str(exc)) from None
    report = run_once(app.config, app.db_file, list(names) or None, lock_wait=lock_wait)
    for line in run_summary(report):
        click.echo(line)
    failed = [outcome.name for outcome in report.outcomes if not outcome.ok]
    if failed and len(failed) == len(report.outcomes):
        raise SourceFailed(f"all {len(failed)} source(s) failed")
    if failed:
        raise SourceFailed(
            f"{len(failed)} of {len(report.outcomes)} sources failed ({', '.join(failed)}); "
            "the others were processed"
        )


def run_summary(report: RunReport) -> list[str]:
    """What a run did, in words: one line per source, one for delivery."""
    lines = []
    for outcome in report.outcomes:
        status = "ok" if outcome.ok else f"FAILED: {outcome.error}"
        events = len(outcome.result.event_ids)
        lines.append(f"{outcome.name}: {status} ({events} new event{'s' if events != 1 else ''})")
    if report.delivery is not None:
        lines.append(f"alerts: {report.delivery}")
    return lines


@click.command()
@click.option("--source", "name", required=True, help="The source the copies belong to.")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with columns path and as_of, applied in order.",
)
@click.option("--as-of", "as_of", help="ISO date-time for FILE... (default: each file's mtime).")
@click.option(
    "--alert/--no-alert",
    default=False,
    show_default=True,
    help="Queue alerts for the events found (a backfill is history by default).",
)
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def ingest(
    name: str, manifest: Path | None, as_of: str | None, alert: bool, files: tuple[Path, ...]
) -> None:
    """Apply archived copies of a source's lists in order, as if fetched at their as-of time."""
    from watcher.ice.backfill import copies_from_files, parse_as_of, read_manifest
    from watcher.ice.backfill import ingest as run_ingest
    from watcher.lock import ArchiveLock
    from watcher.progress import Progress
    from watcher.runtime.pipeline import rules_for

    app = current_app()
    if bool(manifest) == bool(files):
        raise UsageProblem("give either --manifest FILE.csv or one or more FILEs")
    try:
        source = app.config.source(name)
        if source.kind != "ice_287g":
            raise UsageProblem(f"source {name!r} is a {source.kind} source; ingest takes ICE lists")
        moment = parse_as_of(as_of) if as_of else None
        copies = read_manifest(manifest) if manifest else copies_from_files(files, moment)
    except WatcherError as exc:
        raise UsageProblem(str(exc)) from None
    counts: dict[str, int] = {}
    with ArchiveLock(app.db_file), Progress(len(copies), "ingest") as progress:
        db = app.open_db()
        results = run_ingest(
            db,
            source,
            copies,
            rules_for(app.config, alert=alert),
            progress=lambda copy, applied: progress.advance(f"{copy.path.name}: {applied.status}"),
        )
    for applied in results:
        counts[applied.status] = counts.get(applied.status, 0) + 1
    events = sum(len(applied.event_ids) for applied in results)
    summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    click.echo(f"{len(results)} file(s): {summary}; {events} event(s) recorded")
    for copy, applied in zip(copies, results, strict=True):
        if applied.status == "rejected":
            click.echo(f"  rejected {copy.path.name}: {applied.reason}")


@click.command()
@click.option("--since", help="Only events observed on or after this date (YYYY-MM-DD).")
@click.option("--state", help="Two-letter state code.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def events(since: str | None, state: str | None, event_type: str | None, as_json: bool) -> None:
    """Events found in ICE's lists: new, renewal, withdrawal, rename, relabel, pending,
    reinstated."""
    from watcher.alerts.enrich import enriched_events

    if since:
        try:
            dt.date.fromisoformat(since[:10])
        except ValueError:
            raise UsageProblem(f"--since {since!r} is not a date such as 2025-07-15") from None
    found = enriched_events(
        current_app().open_db(), since=since, state=state, event_type=event_type
    )
    if as_json:
        emit_json(found)
        return
    for event in found:
        extra = ""
        if event["previous_agency"]:
            extra = f" (was {event['previous_agency']})"
        elif event["previous_signed"]:
            extra = f" (previously signed {event['previous_signed']})"
        click.echo(
            f"{event['observed_at'][:10]}  {event['type']:<10} {event['state']}  "
            f"{event['agency']} - {event['support_type']}, signed {event['signed'] or '?'}{extra}"
        )


@click.command()
@click.option("--state", help="Two-letter state code.")
@click.option("--status", type=click.Choice(["active", "withdrawn"]))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def agreements(state: str | None, status: str | None, as_json: bool) -> None:
    """Agreements on ICE's participating list, as the archive knows them."""
    from watcher.ice.jurisdiction import fill_county_fips

    db = current_app().open_db()
    with db.atomic():
        fill_county_fips(db)  # an archive made before FIPS codes were kept
    found = list(iter_agreements(db, state=state, status=status))
    if as_json:
        emit_json(found)
        return
    for row in found:
        click.echo(
            f"{row['state']}  {row['agency']} - {row['support_type']}, signed "
            f"{row['signed'] or '?'} [{row['status']}]"
        )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def status(as_json: bool) -> None:
    """Health at a glance: per source, the outbox, subscribers. Exit 1 if anything is failing."""
    from watcher.runtime.status import collect_status, render_status

    app = current_app()
    report = collect_status(app.config, app.open_db())
    if as_json:
        emit_json(report)
    else:
        click.echo(render_status(report))
    if not report["healthy"]:
        raise SystemExit(1)


@click.command()
@click.argument("publication_id", type=int)
@click.option(
    "--alert/--no-alert",
    default=True,
    show_default=True,
    help="Queue alerts for the events the list brings.",
)
def accept(publication_id: int, alert: bool) -> None:
    """Accept a rejected ICE list the operator has checked is real (a big genuine cut)."""
    from watcher.ice.apply import NotAcceptable, accept_rejected
    from watcher.lock import ArchiveLock
    from watcher.runtime.pipeline import rules_for

    app = current_app()
    with ArchiveLock(app.db_file, wait=60):
        try:
            applied = accept_rejected(
                app.open_db(), publication_id, rules_for(app.config, alert=alert)
            )
        except NotAcceptable as exc:
            raise UsageProblem(str(exc)) from None
    click.echo(
        f"publication #{publication_id} ({applied.list_kind}, {applied.row_count} rows) is now "
        f"{applied.status}: {len(applied.event_ids)} event(s) recorded"
    )


def register(group: click.Group) -> None:
    for command in (run, ingest, events, agreements, status, accept):
        group.add_command(command)
