"""What every command module shares: the app context, the exit-code exceptions, JSON output.

Kept apart from cli.py so that a command module can be imported on its own (tests do) without
importing the group that imports it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from watcher.config import Config, load_config
from watcher.errors import ArchiveError, ConfigError
from watcher.store.archive import open_archive


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


def current_app() -> AppContext:
    """The AppContext the `watcher` group put on the click context."""
    app = click.get_current_context().obj
    assert isinstance(app, AppContext)
    return app


def emit_json(records: Any) -> None:
    click.echo(json.dumps(records, indent=2, ensure_ascii=False, default=str))
