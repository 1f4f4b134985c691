"""What every command module shares: the app context, the exit-code exceptions, JSON output.

Kept apart from cli.py so that a command module can be imported on its own (tests do) without
importing the group that imports it.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

if TYPE_CHECKING:  # imported when used: `watcher --version` must not load them
    import sqlite_utils

    from watcher.config import Config


class UsageProblem(click.ClickException):
    """A configuration or usage error: exit code 2."""

    exit_code = 2


class SourceFailed(click.ClickException):
    """Some source failed while the others ran: exit code 1."""

    exit_code = 1


class LockHeld(click.ClickException):
    """Another watcher process holds the archive lock: exit code 3 (try again later)."""

    exit_code = 3


class ArchiveProblem(click.ClickException):
    """The archive cannot be used (corrupt, read-only, disk full, newer schema): exit code 4."""

    exit_code = 4


def fault_exception(exc: BaseException, db_file: Path | None) -> click.ClickException | None:
    """The one-line error and exit code for a fault that is not a command's own, or None."""
    from watcher.errors import ArchiveError, ConfigError
    from watcher.lock import LockBusy
    from watcher.store.faults import describe_fault

    if isinstance(exc, LockBusy):
        return LockHeld(str(exc))
    if isinstance(exc, ConfigError):
        return UsageProblem(str(exc))
    if isinstance(exc, ArchiveError):
        cause = exc.__cause__
        described = describe_fault(cause, db_file) if cause is not None else None
        return ArchiveProblem(described or str(exc))
    described = describe_fault(exc, db_file)
    return ArchiveProblem(described) if described else None


@dataclass
class AppContext:
    config_file: Path
    db_file: Path
    private_db: Path | None = None
    _config: Config | None = None
    _db: sqlite_utils.Database | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def config(self) -> Config:
        from watcher.config import load_config
        from watcher.errors import ConfigError

        if self._config is None:
            try:
                self._config = load_config(self.config_file)
            except ConfigError as exc:
                raise UsageProblem(str(exc)) from None
        return self._config

    @property
    def private_file(self) -> Path:
        """The private file: --private-db, else $WATCHER_PRIVATE_DB, else beside the archive."""
        from watcher.store.archive import private_path

        return self.private_db or private_path(self.db_file)

    def open_db(self) -> sqlite_utils.Database:
        from watcher.errors import ArchiveError
        from watcher.store.archive import open_archive

        if self._db is None:
            try:
                self._db = open_archive(self.db_file, private=self.private_file)
            except ArchiveError as exc:
                raise fault_exception(exc, self.db_file) or ArchiveProblem(str(exc)) from None
        return self._db


def current_app() -> AppContext:
    """The AppContext the `watcher` group put on the click context."""
    app = click.get_current_context().obj
    assert isinstance(app, AppContext)
    return app


def emit_json(records: Any) -> None:
    click.echo(json.dumps(records, indent=2, ensure_ascii=False, default=str))


# C0 controls but tab, newline and carriage return (CSV ends lines in CRLF), DEL, C1 controls
# (0x9b is a one-byte CSI), and the bidi overrides that reorder what a terminal shows.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` without the characters that could drive the terminal it is printed on."""
    return _UNPRINTABLE.sub("", text)


class _PrintableStream:
    """Wraps stdout or stderr for the length of a command: data from ICE's workbooks and
    county documents never reaches the terminal as escape sequences."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def printable_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout = _PrintableStream(saved[0])
    sys.stderr = _PrintableStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
