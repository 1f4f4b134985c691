"""Faults of the archive's file and disk, worded for the operator: what is wrong, what to do.

A full disk, a read-only archive and a corrupt file are not bugs in a stage: each becomes one
line (and exit code 4) instead of a traceback. Every write is a transaction, so each message can
say that nothing was half-written.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_FULL = ("database or disk is full", "disk i/o error")
_READ_ONLY = ("readonly database", "read-only", "unable to open database file")
_CORRUPT = ("file is not a database", "malformed", "file is encrypted")


def describe_fault(exc: BaseException, db_file: Path | None) -> str | None:
    """One line for a disk or archive fault, or None when ``exc`` is something else."""
    where = str(db_file) if db_file else "the archive"
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or (
        isinstance(exc, sqlite3.OperationalError) and any(k in text for k in _FULL)
    ):
        return (
            f"the disk is full (while writing {_file_of(exc) or where}): free some space, then "
            "run again; nothing was half-written, the interrupted change was rolled back"
        )
    if (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)) or (
        isinstance(exc, sqlite3.OperationalError) and any(k in text for k in _READ_ONLY)
    ):
        return (
            f"cannot write {_file_of(exc) or where}: it (or its folder) is read-only for this "
            "user; make it writable or point --db at a writable copy; nothing was changed"
        )
    if isinstance(exc, sqlite3.DatabaseError) and any(k in text for k in _CORRUPT):
        return (
            f"{where} is not a usable watcher archive ({exc}): restore it from a backup, or "
            "move it aside and run again to start a new one"
        )
    return None


def _file_of(exc: BaseException) -> str | None:
    return str(exc.filename) if isinstance(exc, OSError) and exc.filename else None
