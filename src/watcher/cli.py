"""The ``watcher`` command line. Logging is configured here and nowhere else.

Exit codes: 0 all good, 1 some source failed (the others still ran), 2 usage or configuration.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from . import __version__
from .archive import open_archive
from .config import Config, config_path, db_path, load_config
from .errors import ArchiveError, ConfigError, WatcherError


class UsageProblem(click.ClickException):
    """A configuration or usage error: exit code 2."""

    exit_code = 2


class SourceFailed(click.ClickException):
    """Some source failed while the others ran: exit code 1."""

    exit_code = 1


@dataclass
class AppContext:
    config_file: Path
    db_file: Path
    _config: Config | None = None
    _db: sqlite_utils.Database | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load_config(self.config_file)
            except ConfigError as exc:
                raise UsageProblem(str(exc)) from None
        return self._config

    def open_db(self) -> sqlite_utils.Database:
        if self._db is None:
            try:
                self._db = open_archive(self.db_file)
            except ArchiveError as exc:
                raise UsageProblem(str(exc)) from None
        return self._db

    def recent_events(self, state: str | None, limit: int) -> list[dict[str, Any]]:
        from .enrich import enriched_events

        return enriched_events(self.open_db(), state=state, limit=limit, newest_first=True)


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


def emit_json(records: Any) -> None:
    click.echo(json.dumps(records, indent=2, ensure_ascii=False, default=str))


def _register_commands() -> None:
    # Imported here: the command modules import AppContext and friends from this module.
    from . import cli_alerts, cli_archive, cli_costs, cli_law, cli_service

    for module in (cli_archive, cli_costs, cli_alerts, cli_service, cli_law):
        module.register(cli)


_register_commands()
