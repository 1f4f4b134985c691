"""Read-only access for analysts: open the archive so nothing can change it, export any table
or view as CSV or JSON, run one SQL query.

Reading never goes through :func:`watcher.store.archive.open_archive`, which may upgrade and writes
pragmas: the file is opened with ``mode=ro``, ``query_only`` is on, and an authorizer refuses
anything but reading, so a query typed by hand can never change the archive.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from watcher.errors import WatcherError
from watcher.store.archive import SCHEMA_VERSION

FORMATS = ("csv", "json")

# Pragmas that take an argument yet only report. Any other pragma given a value (query_only,
# journal_mode, ...) could change how the archive is opened, so a query may not run it.
_READ_PRAGMAS = frozenset(
    {
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "table_list",
    }
)  # fmt: skip


class AnalystError(WatcherError):
    """A search, export or query that cannot be done; the message says why, in plain words."""


def archive_version(path: Path) -> int:
    """The schema version of the archive at path, read without changing the file."""
    with contextlib.closing(_connect_ro(path)) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def open_read_only(path: Path, private: Path | None = None) -> sqlite3.Connection:
    """A connection that can only read; refuses an archive newer than this program.

    The personal tables (subscribers, outbox...) live in the private file and are only
    reachable when ``private`` is given: it is then attached, read-only too, as ``private``."""
    conn = _connect_ro(path)
    try:
        if private is not None:
            if not private.is_file():
                raise AnalystError(f"{private}: no private file there (give --private-db)")
            conn.execute("ATTACH DATABASE ? AS private", [f"{private.resolve().as_uri()}?mode=ro"])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise AnalystError(
                f"{path}: the archive is at schema version {version}, newer than this "
                f"program's {SCHEMA_VERSION}: upgrade watcher before using it"
            )
        conn.execute("PRAGMA query_only = ON")
        conn.set_authorizer(_authorize)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_ro(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise AnalystError(f"{path}: no archive there (give --db or set WATCHER_DB)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA user_version").fetchone()  # fails here if it is not SQLite
    except sqlite3.DatabaseError as exc:
        raise AnalystError(f"{path}: cannot open the archive: {exc}") from None
    return conn


def _authorize(action: int, arg1: str | None, arg2: str | None, *_: str | None) -> int:
    # Writes already fail (mode=ro, query_only); this refuses what those let through.
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None:
        return sqlite3.SQLITE_OK if (arg1 or "").lower() in _READ_PRAGMAS else sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def relations(conn: sqlite3.Connection) -> list[str]:
    """Names of the tables and views that can be exported."""
    rows = conn.execute(
        "SELECT name FROM pragma_table_list WHERE type IN ('table', 'view') "
        "AND schema IN ('main', 'private') AND name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    return [str(row[0]) for row in rows]


def resolve_relation(conn: sqlite3.Connection, name: str) -> str:
    known = relations(conn)
    by_lower = {item.lower(): item for item in known}
    if name.lower() not in by_lower:
        raise AnalystError(f"no table or view named {name!r}; there are: {', '.join(known)}")
    return by_lower[name.lower()]


def run_query(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Column names and a row iterator; errors become AnalystError with the reason."""
    try:
        cursor = conn.execute(sql, params)
    except sqlite3.DatabaseError as exc:
        raise AnalystError(_query_problem(conn, exc)) from None
    except sqlite3.Warning as exc:  # several statements in one string
        raise AnalystError(f"the query cannot run: {exc}") from None
    except sqlite3.ProgrammingError as exc:  # several statements, wrong parameter count
        raise AnalystError(f"the query cannot run: {exc}") from None
    columns = [str(item[0]) for item in cursor.description or []]
    return columns, _rows(conn, cursor)


def _rows(conn: sqlite3.Connection, cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    try:
        # Not `yield from`: closing the generator would then close the cursor, which fails once
        # the connection is closed (a reader that stopped early, e.g. a broken pipe).
        for row in cursor:  # noqa: UP028
            yield row
    except sqlite3.DatabaseError as exc:  # some errors (FTS syntax) only surface on a step
        raise AnalystError(_query_problem(conn, exc)) from None


def _query_problem(conn: sqlite3.Connection, exc: sqlite3.DatabaseError) -> str:
    text = str(exc)
    if "authoriz" in text or "readonly" in text:
        return (
            f"the archive is open read-only and a query can only read it ({text}): "
            "use SELECT, WITH or an informational PRAGMA"
        )
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:  # the connection may be gone if the reader stopped early
        version = SCHEMA_VERSION
    if "no such" in text and version < SCHEMA_VERSION:
        return (
            f"the query failed: {text}. The archive is at schema version {version}, older "
            f"than {SCHEMA_VERSION}: any other watcher command upgrades it"
        )
    return f"the query failed: {text}"


def export_relation(conn: sqlite3.Connection, name: str, fmt: str, out: TextIO) -> int:
    """Write every row of a table or view to out; returns how many rows."""
    real = resolve_relation(conn, name)
    columns, rows = run_query(conn, f'SELECT * FROM "{real.replace(chr(34), chr(34) * 2)}"')
    return write_rows(columns, rows, fmt, out)


def write_rows(columns: list[str], rows: Iterator[tuple[Any, ...]], fmt: str, out: TextIO) -> int:
    """Stream rows as CSV (with a header) or as a JSON array of objects."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_plain(value) for value in row])
            count += 1
        return count
    if fmt != "json":
        raise AnalystError(f"unknown format {fmt!r}: use csv or json")
    out.write("[")
    for row in rows:
        record = {column: _plain(value) for column, value in zip(columns, row, strict=True)}
        out.write(("\n  " if count == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _plain(value: Any) -> Any:
    # Raw documents are BLOBs; base64 keeps them intact in text formats.
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


ARCHIVE_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def check_export_target(
    path: Path, archive: Path, *, force: bool, private: Path | None = None
) -> None:
    """Refuse to write over the archive or the private file (or their WAL, shared memory,
    journal, lock), over anything that is not a regular file (a device, a FIFO, a symlink, a
    folder), and over a regular file unless ``force``: an export must never destroy what it
    reads or the system."""
    target = path.absolute()
    for base in (archive.absolute(), *([private.absolute()] if private else [])):
        for suffix in ARCHIVE_COMPANIONS:
            companion = base.with_name(base.name + suffix)
            same = target.resolve() == companion.resolve()
            with contextlib.suppress(OSError):
                same = same or os.path.samefile(target, companion)
            if same:
                raise AnalystError(f"refusing to write over the archive's own file {companion}")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise AnalystError(f"cannot write {path}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise AnalystError(f"refusing to write {path}: it is a symbolic link")
    if not stat.S_ISREG(info.st_mode):
        raise AnalystError(f"refusing to write {path}: it is not a regular file")
    if not force:
        raise AnalystError(f"{path} exists: add --force to replace it")


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[TextIO]:
    """Write to a temporary file beside path, renamed over it only when all went well, so a
    failed export never leaves half a file."""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise AnalystError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        mask = os.umask(0)  # mkstemp makes the file private; an export is an ordinary file
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, path)
    except OSError as exc:
        raise AnalystError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
