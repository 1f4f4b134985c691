"""Commands that run watcher as a service: `serve` (the daemon) and `demo` (offline tour)."""

from __future__ import annotations

import logging
import shlex
import shutil
from pathlib import Path
from typing import Any

import click

from watcher.cli.base import SourceFailed, UsageProblem, current_app
from watcher.errors import WatcherError


@click.command()
@click.option(
    "--initial-run/--no-initial-run",
    default=True,
    show_default=True,
    help="Run each source once at start, before its first scheduled slot.",
)
def serve(initial_run: bool) -> None:
    """Run every source on its schedule, deliver alerts and digests; stop on SIGTERM/SIGINT."""
    from watcher.runtime.scheduler import serve as run_scheduler

    app = current_app()
    config = app.config
    folder = app.db_file.resolve().parent
    if not folder.is_dir():
        raise UsageProblem(f"the archive folder {folder} does not exist: create it or set --db")
    app.open_db()  # fail now, clearly, if the archive cannot be opened or written
    run_scheduler(config, app.db_file, initial_run=initial_run)


@click.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("watcher-demo"),
    show_default=True,
    help="Where the demo archive, its sources.yaml and the emails go.",
)
def demo(folder: Path) -> None:
    """The whole pipeline on sample data, offline: ICE lists, a county agenda, alert emails."""
    from watcher.alerts.subscriptions import subscribe
    from watcher.config import load_config
    from watcher.demo.site import STEPS, demo_config, load_site, serve_site
    from watcher.runtime.service import run_once
    from watcher.store.archive import open_archive

    folder = folder.resolve()
    _fresh(folder)
    db_file = folder / "demo.db"
    site = load_site()
    logging.getLogger("watcher").setLevel(logging.WARNING)  # the demo tells its own story
    with serve_site(site) as base_url:
        config_file = folder / "sources.yaml"
        config_file.write_text(demo_config(base_url, folder))
        config = load_config(config_file)
        db = open_archive(db_file)
        subscribe(db, "advocate@demo.example.org", confirmed=True)
        db.close()
        click.echo(f"Serving sample ICE lists and a county agenda on {base_url}")
        for step in range(1, STEPS + 1):
            site.step = step
            try:
                report = run_once(config, db_file)
            except WatcherError as exc:
                raise SourceFailed(f"demo step {step} failed: {exc}") from None
            found = len(report.event_ids)
            click.echo(
                f"  publication {step} of {STEPS}: {found} event(s)"
                + ("  (the first list is a baseline: no alerts)" if step == 1 else "")
            )
    _report(folder, db_file, config_file)


def _fresh(folder: Path) -> None:
    """A clean demo folder: an earlier demo's archive and emails would muddle the story."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (
        *("demo.db", "demo.db-wal", "demo.db-shm", "demo.db.lock"),
        *("demo-private.db", "demo-private.db-wal", "demo-private.db-shm"),
    ):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "outbox", ignore_errors=True)


def _report(folder: Path, db_file: Path, config_file: Path) -> None:
    from watcher.alerts.enrich import enriched_events
    from watcher.alerts.feed import build_feed
    from watcher.store.archive import open_archive, private_path

    db = open_archive(db_file)
    events = enriched_events(db)
    click.echo("\nWhat happened:")
    for event in events:
        click.echo("  " + _event_line(event))
        for figure in event["cost_figures"]:
            click.echo(
                f"      local cost figure: ${figure['amount']:,.0f} {figure['kind']} "
                f"({figure['doc_date'] or 'undated'}) {figure['url']}"
            )
    import datetime as dt

    feed = folder / "feed.xml"
    feed.write_bytes(
        build_feed(
            list(reversed(events)), base_url="http://127.0.0.1:8000", now=dt.datetime.now(dt.UTC)
        )
    )
    emails = sorted((folder / "outbox").glob("*.eml"))
    private = shlex.quote(str(private_path(db_file)))
    db.close()
    click.echo(f"""
Where to look next:
  the archive     sqlite3 {shlex.quote(str(db_file))} 'select type, state, agency from events'
  private file    {private} (the subscribers and the outbox; never publish it)
  the emails      {folder / "outbox"} ({len(emails)} .eml files: alerts to the demo subscriber)
  the Atom feed   {feed}
  the config      {config_file}
  real sources    sources.yaml in the repository (ICE's page and a county's Legistar)
                  then: watcher run   (or watcher serve, see deploy/)""")


def _event_line(event: dict[str, Any]) -> str:
    extra = ""
    if event.get("previous_agency"):
        extra = f" (was {event['previous_agency']})"
    elif event.get("previous_signed"):
        extra = f" (previously signed {event['previous_signed']})"
    return (
        f"{event['type']:<10} {event['state']}  {event['agency']} - {event['support_type']}, "
        f"signed {event['signed'] or '?'}{extra}"
    )


def register(group: click.Group) -> None:
    group.add_command(serve)
    group.add_command(demo)
