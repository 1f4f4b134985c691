"""Progress for long work: a bar on a terminal, plain log lines when not attached to one."""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType
from typing import Any

import click

log = logging.getLogger("watcher.progress")


class Progress:
    def __init__(self, total: int, label: str, *, interactive: bool | None = None) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.interactive = sys.stderr.isatty() if interactive is None else interactive
        self._bar: Any = None
        self._last_log = 0.0

    def __enter__(self) -> Progress:
        if self.interactive:
            self._bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr)
            self._bar.__enter__()
        return self

    def advance(self, item: str = "") -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
            return
        now = time.monotonic()
        # Every 10 seconds and at the end: enough to see life in journald without flooding it.
        if now - self._last_log >= 10 or self.done == self.total:
            self._last_log = now
            log.info("%s: %d/%d %s", self.label, self.done, self.total, item)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
