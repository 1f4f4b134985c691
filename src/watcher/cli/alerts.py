"""Commands of the alerts package: subscribe, unsubscribe, subscribers, deliver, feed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from watcher.alerts.enrich import enriched_events
from watcher.alerts.feed import build_feed, write_feed
from watcher.alerts.models import CADENCES, Subscriber, SubscriptionError
from watcher.alerts.outbox import queue_due_digests
from watcher.alerts.smtp import sender_from_config
from watcher.alerts.subscriptions import iter_subscribers, subscribe, unsubscribe
from watcher.cli.base import UsageProblem, current_app
from watcher.config import AlertsConfig
from watcher.errors import ConfigError
from watcher.states import US_STATES


class AlertsUsageError(click.ClickException):
    """Bad input or configuration: exit code 2, like click's own usage errors."""

    exit_code = 2


def _alerts_config(required: bool) -> AlertsConfig | None:
    # load_config has validated the section already: a bad one never gets this far.
    section = current_app().config.alerts
    if section is None and required:
        raise AlertsUsageError("sources.yaml has no alerts: section (from, smtp, ...)")
    return section


def _describe(sub: Subscriber) -> str:
    def part(name: str, values: tuple[str, ...]) -> str:
        return f"{name}: {', '.join(values) if values else 'all'}"

    status = "unsubscribed" if sub.unsubscribed_at else "bouncing" if sub.bouncing else "active"
    if not sub.confirmed and status == "active":
        status = "unconfirmed"
    filters = "; ".join(
        part(name, values)
        for name, values in (
            ("states", sub.states),
            ("counties", sub.counties),
            ("agencies", sub.agencies),
            ("types", sub.types),
        )
    )
    return f"{sub.email}\t{sub.cadence}\t{status}\t{filters}"


@click.command("subscribe")
@click.argument("email", metavar="EMAIL-OR-CHANNEL-URL")
@click.option("--state", "states", multiple=True, help="Two-letter state code; repeatable.")
@click.option("--county", "counties", multiple=True, help="County name; repeatable.")
@click.option("--agency", "agencies", multiple=True, help="Part of an agency name; repeatable.")
@click.option("--type", "types", multiple=True, help="Event type (new, renewal, ...); repeatable.")
@click.option("--cadence", type=click.Choice(CADENCES), default="immediate", show_default=True)
@click.option("--lang", default="en", show_default=True, help="Language of the alerts: en or es.")
def subscribe_cmd(
    email: str,
    states: tuple[str, ...],
    counties: tuple[str, ...],
    agencies: tuple[str, ...],
    types: tuple[str, ...],
    cadence: str,
    lang: str,
) -> None:
    """Subscribe an email address or a chat channel (or update its filters).

    A channel is a URL such as slack://{env:WATCHER_SLACK_TOKENS}/#coalition or
    webhook+https://tools.example.org/hook?secret={env:WATCHER_HOOK_KEY}; secrets are named
    as {env:WATCHER_...} variables and never stored. No filter means every event."""
    # Read first: a broken sources.yaml stops the command before anything is stored.
    cfg = _alerts_config(required=False)
    db = current_app().open_db()
    try:
        sub = subscribe(
            db,
            email,
            states=states,
            counties=counties,
            agencies=agencies,
            types=types,
            cadence=cadence,
            confirmed=True,
            lang=lang,
        )
    except SubscriptionError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Subscribed {_describe(sub)}")
    base_url = cfg.base_url if cfg else AlertsConfig.model_fields["base_url"].default
    click.echo(f"Unsubscribe link: {base_url}/unsubscribe/{sub.token}")


@click.command("unsubscribe")
@click.argument("email_or_token", metavar="EMAIL-OR-TOKEN")
def unsubscribe_cmd(email_or_token: str) -> None:
    """Stop a subscription, by address or unsubscribe token."""
    if not unsubscribe(current_app().open_db(), email_or_token):
        raise click.ClickException(f"no active subscription matches {email_or_token!r}")
    click.echo("Unsubscribed.")


@click.command("subscribers")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def subscribers_cmd(as_json: bool) -> None:
    """List subscribers (unsubscribe tokens are never shown)."""
    db = current_app().open_db()
    if not as_json:
        for sub in iter_subscribers(db):
            click.echo(_describe(sub))
        return
    # Written piece by piece: the list may hold 100,000 subscribers.
    click.echo("[", nl=False)
    for index, sub in enumerate(iter_subscribers(db)):
        separator = "," if index else ""
        click.echo(f"{separator}\n  {json.dumps(sub.public_dict(), ensure_ascii=False)}", nl=False)
    click.echo("\n]")


@click.command("deliver")
@click.option("--limit", type=click.IntRange(min=1), help="Send at most this many messages.")
def deliver_cmd(limit: int | None) -> None:
    """Queue due digests, then send every message that is due now."""
    cfg = _alerts_config(required=True)
    assert cfg is not None
    try:
        sender = sender_from_config(cfg, base_dir=current_app().config.base_dir)
    except ConfigError as exc:
        raise AlertsUsageError(str(exc)) from None
    from watcher.alerts.delivery import queue_events, queue_overdue_notices, send_due
    from watcher.errors import WatcherError
    from watcher.lock import ArchiveLock

    app = current_app()
    db = app.open_db()
    now = datetime.now(UTC)
    try:
        # One sender at a time: a cron run or the daemon may be delivering too.
        with ArchiveLock(app.db_file, wait=60):
            # Events a crashed run recorded but never queued are queued here.
            queue_events(app.config, db, now)
            queue_overdue_notices(app.config, db, now)
            digests = queue_due_digests(
                db, now=now, daily_at=cfg.digest_time, weekly_on=cfg.weekly_day
            )
            report = send_due(cfg, db, sender, now=now, limit=limit)
    except WatcherError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"digests queued {digests}; sent {report.sent}; retry later {report.retry_later}; "
        f"failed {report.failed}; cancelled {report.cancelled}; deferred {report.deferred}"
    )
    for error in report.errors[:20]:
        click.echo(f"  {error}", err=True)
    if report.deferred:
        raise click.ClickException(
            f"mail server unreachable; {report.deferred} message(s) stay queued for the next run"
        )


@click.command("feed")
@click.option("--state", help="Only this state (two-letter code).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 10_000))
def feed_cmd(state: str | None, out: Path, limit: int) -> None:
    """Write an Atom feed of recent events, with their cost figures, to OUT."""
    if state is not None:
        state = state.strip().upper()
        if state not in US_STATES:
            raise click.BadParameter(f"unknown state {state!r}", param_hint="--state")
    from watcher.analyst.export import AnalystError, check_export_target

    app = current_app()
    try:
        # A feed is rewritten on every run (force), but never over the archive, a link or a device.
        check_export_target(out, app.db_file, force=True, private=app.private_file)
    except AnalystError as exc:
        raise UsageProblem(str(exc)) from None
    cfg = _alerts_config(required=False)
    base_url = cfg.base_url if cfg else AlertsConfig.model_fields["base_url"].default
    events = enriched_events(current_app().open_db(), state=state, limit=limit, newest_first=True)
    write_feed(out, build_feed(events, base_url=base_url, now=datetime.now(UTC), state=state))
    click.echo(f"Wrote {len(events)} entries to {out}")


def register(group: click.Group) -> None:
    for command in (subscribe_cmd, unsubscribe_cmd, subscribers_cmd, deliver_cmd, feed_cmd):
        group.add_command(command)
