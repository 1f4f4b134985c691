"""One process at a time on an archive: `watcher run` from cron and `watcher serve` share this.

An flock on ``<archive>.lock``. The kernel drops the lock when its holder dies, so a lock left by
a crashed or killed process never blocks anyone: the stale file is simply locked again.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from watcher.errors import ArchiveError, WatcherError


class LockBusy(WatcherError):
    """Another live process holds the archive lock."""


class ArchiveLock:
    def __init__(self, archive: Path, *, wait: float = 0.0, poll: float = 0.2) -> None:
        self.path = archive.with_name(archive.name + ".lock")
        self.wait = wait
        self.poll = poll
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only folder, a full disk: an archive problem (exit 4)
            raise ArchiveError(f"cannot create the lock file {self.path}: {exc}") from exc
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    archive = self.path.with_suffix("")
                    raise LockBusy(
                        f"another watcher process{holder} is working on {archive}; "
                        "it will finish on its own (or stop it), then try again"
                    ) from None
                time.sleep(self.poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""
