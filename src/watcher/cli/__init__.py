"""The ``watcher`` command line. Logging is configured here and nowhere else.

Exit codes: 0 all good, 1 some source failed (the others still ran), 2 usage or configuration.
One module per command family (``run``, ``costs``, ``agenda``, ``alerts``, ``service``, ``law``,
``analyst``, ``web``, ``discovery``); each may import any stage, importing what a command needs
when it runs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from watcher import __version__
from watcher.cli.base import AppContext, SourceFailed, UsageProblem, emit_json
from watcher.config import config_path, db_path
from watcher.errors import WatcherError

__all__ = ["AppContext", "SourceFailed", "UsageProblem", "cli", "emit_json", "main"]


def configure_logging(level: str) -> None:
    # One line per record, no colours: journald and `docker logs` add their own timestamps.
    logging.basicConfig(
        level=getattr(logging, level.upper()),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stdout,
        force=True,
    )
    for noisy in ("httpx", "httpcore", "apscheduler.executors", "mail.log"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


@click.group()
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
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"], case_sensitive=False),
)
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None, db_file: Path | None, log_level: str) -> None:
    """Watch ICE's 287(g) lists and county cost documents; alert on what changed."""
    configure_logging(log_level)
    ctx.obj = AppContext(config_path(config_file), db_path(db_file))


def main() -> None:
    try:
        cli.main(prog_name="watcher", standalone_mode=True)
    except WatcherError as exc:  # a stage raised past its command: still one clear line
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)


def _register_commands() -> None:
    from watcher.cli import agenda, alerts, analyst, costs, discovery, law, run, service, web

    modules = (run, costs, agenda, alerts, service, law, analyst, web, discovery)
    for module in modules:
        module.register(cli)


_register_commands()
