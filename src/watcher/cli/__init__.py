"""The ``watcher`` command line. Logging is configured here and nowhere else.

Exit codes (README, "Command line"): 0 all good, 1 a source failed (the others still ran), 2 usage
or configuration, 3 another watcher process holds the archive lock, 4 the archive cannot be used
(corrupt, read-only, disk full). One module per command family (``run``, ``costs``, ``agenda``,
``alerts``, ``service``, ``law``, ``analyst``, ``web``, ``discovery``); each may import any
stage, importing what a command needs when it runs. A command's module is imported only when
that command runs, so ``watcher --version`` and ``--help`` start without loading httpx, SQLite
or the web stack.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from watcher import __version__
from watcher.cli.base import (
    ArchiveProblem,
    LockHeld,
    SourceFailed,
    UsageProblem,
    current_app,
    emit_json,
    fault_exception,
    printable,
    printable_output,
)

__all__ = [
    "ArchiveProblem",
    "LockHeld",
    "SourceFailed",
    "UsageProblem",
    "cli",
    "current_app",
    "emit_json",
    "main",
]

# command -> (module under watcher.cli, one-line help for `watcher --help`). A test checks both
# against the commands each module really registers, so the table cannot drift.
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "One pass over the sources, then deliver the alerts that are due."),
    "ingest": ("run", "Apply archived copies of a source's lists in order (backfill)."),
    "events": ("run", "Events found in ICE's lists: new, renewal, withdrawal, rename, ..."),
    "agreements": ("run", "Agreements on ICE's participating list, as the archive knows them."),
    "status": ("run", "Health at a glance: per source, the outbox, subscribers."),
    "accept": ("run", "Accept a held ICE list the operator has checked is real."),
    "costs": ("costs", "287(g) cost figures from county budgets and agendas."),
    "agenda": ("agenda", "287(g) items on county meeting agendas, upcoming or past."),
    "subscribe": ("alerts", "Subscribe EMAIL (or update its filters)."),
    "unsubscribe": ("alerts", "Stop a subscription, by address or unsubscribe token."),
    "subscribers": ("alerts", "List subscribers (unsubscribe tokens are never shown)."),
    "deliver": ("alerts", "Queue due digests, then send every message that is due now."),
    "feed": ("alerts", "Write an Atom feed of recent events, with their cost figures, to OUT."),
    "serve": ("service", "Run every source on its schedule, deliver alerts and digests."),
    "demo": ("service", "The whole pipeline on sample data, offline."),
    "records-request": ("law", "A public-records request for an agency's 287(g) costs."),
    "requests": ("law", "Public-records requests tracked to their statutory deadline."),
    "search": ("analyst", "Documents and agenda items whose text matches TERM."),
    "export": ("analyst", "Every row of a table or view as CSV or JSON."),
    "query": ("analyst", "Run one SQL query on the archive, opened read-only."),
    "web": ("web", "Serve the web pages and the subscription forms over the archive."),
    "coverage": ("discovery", "Per state: agreements, watched portals, local cost figures."),
    "discover": ("discovery", "Propose an agenda portal for each county with an agreement."),
    "portals": ("discovery", "The agenda-portal registry: list, accept, reject."),
}


def configure_logging(level: str) -> None:
    # One line per record, no colours, on stderr: stdout carries only a command's result, and
    # journald and `docker logs` add their own timestamps.
    logging.basicConfig(
        level=getattr(logging, level.upper()),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
        force=True,
    )
    for noisy in ("httpx", "httpcore", "apscheduler.executors", "mail.log"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


class WatcherGroup(click.Group):
    """Loads a command's module when the command is asked for; turns archive faults, a held
    lock and a full disk into one clear line and their own exit codes."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        return load_command(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with printable_output():
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            translated = fault_exception(exc, _db_file(ctx))
            if translated is None:
                raise
            raise translated from None


def load_command(name: str) -> click.Command:
    module = importlib.import_module(f"watcher.cli.{COMMANDS[name][0]}")
    holder = click.Group()
    module.register(holder)
    return holder.commands[name]


def _db_file(ctx: click.Context) -> Path | None:
    from watcher.cli.base import AppContext

    app = ctx.obj
    return app.db_file if isinstance(app, AppContext) else None


@click.group(cls=WatcherGroup)
@click.version_option(__version__, prog_name="watcher")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="sources.yaml to use (default: $WATCHER_CONFIG or ./sources.yaml).",
)
@click.option(
    "--db",
    "db_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite archive (default: $WATCHER_DB or ./watcher.db).",
)
@click.option(
    "--private-db",
    "private_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite file of subscribers and the outbox (default: $WATCHER_PRIVATE_DB or "
    "NAME-private.db beside the archive).",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
)
@click.pass_context
def cli(
    ctx: click.Context,
    config_file: Path | None,
    db_file: Path | None,
    private_db: Path | None,
    log_level: str,
) -> None:
    """Watch ICE's 287(g) lists and county cost documents; alert on what changed.

    Exit codes: 0 all good, 1 a source failed, 2 usage or configuration error, 3 another
    watcher process holds the archive lock, 4 the archive cannot be used.
    """
    from watcher.cli.base import AppContext
    from watcher.config import config_path, db_path

    configure_logging(log_level)
    if private_db is not None:
        # Every stage this command starts (the web app, the daemon's jobs) opens the archive
        # on its own; the environment is how they all find the same private file.
        os.environ["WATCHER_PRIVATE_DB"] = str(private_db)
    ctx.obj = AppContext(config_path(config_file), db_path(db_file), private_db)


def main() -> None:
    try:
        cli.main(prog_name="watcher", standalone_mode=True)
    except Exception as exc:  # a stage raised past its command: still one clear line
        from watcher.errors import WatcherError

        translated = fault_exception(exc, None)
        if translated is None and not isinstance(exc, WatcherError):
            raise
        problem = translated or SourceFailed(printable(str(exc)))
        problem.show()
        sys.exit(problem.exit_code)
