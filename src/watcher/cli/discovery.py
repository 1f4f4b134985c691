"""Commands over the agenda portals: coverage, discover, portals list / accept / reject."""

from __future__ import annotations

import click
import sqlite_utils

from watcher.cli.base import AppContext, UsageProblem, current_app, emit_json


def _synced_db(app: AppContext, *, seed: bool = True) -> sqlite_utils.Database:
    """The archive with the configured sources recorded as watched portals (when a
    configuration exists: coverage also answers on a bare archive), and the public lists'
    portals in the registry (``seed``)."""
    from watcher.discovery.registry import seed_from_lists, sync_configured
    from watcher.ice.jurisdiction import fill_county_fips

    db = app.open_db()
    with db.atomic():
        fill_county_fips(db)
        if seed:
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

    report = compute(_synced_db(current_app(), seed=False), state)
    if as_json:
        emit_json(report)
        return
    for line in coverage_lines(report):
        click.echo(line)


@click.command()
@click.option("--state", "states", multiple=True, help="Only this state (repeatable).")
@click.option("--county", help="Only the county of this name, e.g. 'Galveston'.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many counties.")
@click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds between two requests to one host.",
)
@click.option("--max-pages", default=8, show_default=True, type=click.IntRange(1, 50),
              help="Pages of a county's own site read per run.")  # fmt: skip
def discover(
    states: tuple[str, ...], county: str | None, limit: int | None, delay: float, max_pages: int
) -> None:
    """Propose an agenda portal for counties with agreements and no watched portal."""
    from watcher.discovery.discover import Limits, targets
    from watcher.discovery.discover import discover as run_discovery
    from watcher.fetch import build_client

    app = current_app()
    db = _synced_db(app)
    found = targets(db, states, county, limit)
    if not found:
        click.echo("no county with an active agreement lacks a watched portal (for this filter)")
        return
    config = app.config if app.config_file.exists() else None
    client = build_client(config.contact if config else "unset@example.org",
                          config.fetch.timeout if config else 30.0)  # fmt: skip
    limits = Limits(max_pages=max_pages, host_interval=delay)
    try:
        attempts = run_discovery(db, client, found, limits=limits)
    finally:
        client.close()
    for attempt in attempts:
        target = attempt.target
        click.echo(
            f"{target.state} {target.government}: {attempt.outcome} "
            f"({attempt.pages} page(s)) - {attempt.reason}"
        )
    proposed = sum(1 for a in attempts if a.outcome in ("proposed", "registry"))
    click.echo(f"{len(attempts)} county(ies): {proposed} with a verified proposal; "
               "see `watcher portals list`")  # fmt: skip


@click.group()
def portals() -> None:
    """The registry of agenda portals: list, accept (a source), reject (remembered)."""


@portals.command("list")
@click.option(
    "--status",
    "status_filter",
    type=click.Choice(["known", "proposed", "verified", "accepted", "rejected", "failed"]),
    help="Only this status (default: everything but the public lists' 'known').",
)
@click.option("--state", help="Only this state.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def portals_list(status_filter: str | None, state: str | None, as_json: bool) -> None:
    """Portals in the registry: proposals first of all."""
    from watcher.discovery.registry import list_portals

    rows = list_portals(_synced_db(current_app()), status=status_filter, state=state)
    if status_filter is None:
        rows = [row for row in rows if row["status"] != "known"]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        note = f" - {row['reason']}" if row["reason"] else ""
        click.echo(
            f"{row['id']:>5}  {row['status']:<9} {row['state']}  {row['government']}: "
            f"{row['platform']} {row['url']} ({row['confidence']}){note}"
        )


@portals.command("accept")
@click.argument("portal_id", type=int, required=False)
@click.option("--all-verified", is_flag=True, help="Accept every verified proposal.")
def portals_accept(portal_id: int | None, all_verified: bool) -> None:
    """Make a portal a watched source (read by `watcher run` from the archive)."""
    from watcher.discovery.registry import PortalError, accept, accept_verified

    if (portal_id is None) == (not all_verified):
        raise UsageProblem("give a portal ID or --all-verified")
    db = _synced_db(current_app())
    try:
        with db.atomic():
            names = accept_verified(db) if all_verified else [accept(db, portal_id or 0)]
    except PortalError as exc:
        raise UsageProblem(str(exc)) from None
    for name in names:
        click.echo(f"accepted: source {name}")
    if not names:
        click.echo("no verified proposals to accept")


@portals.command("reject")
@click.argument("portal_id", type=int)
@click.option("--reason", help="Why (kept with the portal).")
def portals_reject(portal_id: int, reason: str | None) -> None:
    """Say no to a portal: discovery will not propose it again."""
    from watcher.discovery.registry import PortalError, reject

    db = _synced_db(current_app())
    try:
        with db.atomic():
            reject(db, portal_id, reason)
    except PortalError as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(f"rejected: portal {portal_id}")


def register(group: click.Group) -> None:
    for command in (coverage, discover, portals):
        group.add_command(command)


__all__ = ["UsageProblem", "register"]
