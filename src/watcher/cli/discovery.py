"""Commands over the agenda portals: coverage, discover, portals list / accept / reject."""

from __future__ import annotations

import click
import sqlite_utils

from watcher.cli.base import AppContext, UsageProblem, current_app, emit_json


def _synced_db(app: AppContext) -> sqlite_utils.Database:
    """The archive with the configured sources recorded as watched portals (when a
    configuration exists: coverage also answers on a bare archive)."""
    from watcher.discovery.registry import seed_from_lists, sync_configured
    from watcher.ice.jurisdiction import fill_county_fips

    db = app.open_db()
    with db.atomic():
        fill_county_fips(db)
        seed_from_lists(db)
        if app.config_file.exists():
            sync_configured(db, app.config)
    return db


@click.command()
@click.option("--state", help="Only this state (two-letter code).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def coverage(state: str | None, as_json: bool) -> None:
    """Per state: agreements, jurisdictions, watched portals, local cost figures."""
    from watcher.discovery.coverage import coverage as compute
    from watcher.discovery.coverage import coverage_lines

    report = compute(_synced_db(current_app()), state)
    if as_json:
        emit_json(report)
        return
    for line in coverage_lines(report):
        click.echo(line)


def register(group: click.Group) -> None:
    for command in (coverage,):
        group.add_command(command)


__all__ = ["UsageProblem", "register"]
