"""What the archive holds for one list, read cheaply: the in-memory index of agreements
(key -> content hash, status) and the few agreements a publication's diff must look at."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from watcher.ice.detect import Diff, Known
from watcher.ice.models import AgreementRow


def changes(
    db: sqlite_utils.Database,
    source: str,
    kind: str,
    rows: list[AgreementRow],
    index: dict[str, tuple[str, str]],
    also: frozenset[str] = frozenset(),
    previous: Sequence[AgreementRow] = (),
) -> tuple[list[Known], list[AgreementRow]]:
    """The agreements and rows the diff must look at: all but those listed unchanged.

    Most of a publication repeats the last one; comparing key and content hash against the
    index keeps the full comparison to the few rows that moved. ``also`` names agreements to
    look at even when unchanged (an MOA link held for confirmation). A row that is the very
    object the ``previous`` publication listed (the parser hands back the same object for an
    unchanged raw row) is active with that hash in the index: it is not even looked up.
    """
    listed = {row.key for row in rows}
    same = set(map(id, previous))
    changed = [
        row
        for row in rows
        if row.key in also
        or (id(row) not in same and index.get(row.key) != (row.content_hash(), "active"))
    ]
    wanted = {row.key for row in changed if row.key in index}
    wanted |= {
        key
        for key, (_, status) in index.items()
        if key not in listed and status in ("active", "missing")
    }
    return known_agreements(db, source, kind, wanted), changed


def update_index(
    index: dict[str, tuple[str, str]],
    rows: list[AgreementRow],
    diff: Diff,
    previous: Sequence[AgreementRow] = (),
) -> None:
    """Make the index what the archive now holds, without reading it back."""
    for update in diff.updates:
        if update.change in ("renamed", "relabeled"):
            index.pop(update.known.key, None)
    for absence in diff.absences:
        status = "missing"
        if absence.ended:
            status = "withdrawn" if absence.event else "left"
        index[absence.known.key] = (absence.known.content_hash, status)
    same = set(map(id, previous))  # already active with this very hash, unless popped above
    for row in rows:
        if id(row) not in same or row.key not in index:
            index[row.key] = (row.content_hash(), "active")


class AgreementIndex:
    """key -> (content hash, status) per source and list, kept in memory between
    publications of one process (a backfill applies hundreds in a row).

    Trusted only while nothing else wrote the archive: SQLite's data_version changes when
    another connection commits, and then the index is read again.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
        # The rows of the last publication each index followed (held, so their ids stay theirs).
        self._listed: dict[tuple[str, str], list[AgreementRow]] = {}
        self._conn: Any = None
        self._version: int | None = None

    def get(self, db: sqlite_utils.Database, source: str, kind: str) -> dict[str, tuple[str, str]]:
        version = db.execute("PRAGMA data_version").fetchone()[0]
        if self._conn is not db.conn or self._version != version:
            self._entries.clear()
            self._listed.clear()
            self._conn, self._version = db.conn, version
        entry = self._entries.get((source, kind))
        if entry is None:
            entry = self._entries[(source, kind)] = {
                key: (content_hash, status)
                for key, content_hash, status in db.execute(
                    "SELECT key, content_hash, status FROM agreements "
                    "WHERE source = ? AND list_kind = ?",
                    [source, kind],
                )
            }
        return entry

    def committed(self, db: sqlite_utils.Database) -> None:
        self._version = db.execute("PRAGMA data_version").fetchone()[0]

    def listed(self, source: str, kind: str) -> list[AgreementRow]:
        """The rows of the last publication applied to this list's index (none after a read)."""
        return self._listed.get((source, kind), [])

    def follow(
        self,
        index: dict[str, tuple[str, str]],
        source: str,
        kind: str,
        rows: list[AgreementRow],
        diff: Diff,
    ) -> None:
        """After the commit: ``index`` becomes what the archive holds, ``rows`` all active."""
        update_index(index, rows, diff, self.listed(source, kind))
        if self._entries.get((source, kind)) is index:
            self._listed[(source, kind)] = rows

    def drop(self, source: str, kind: str) -> None:
        self._entries.pop((source, kind), None)
        self._listed.pop((source, kind), None)


AGREEMENT_INDEX = AgreementIndex()


def known_agreements(
    db: sqlite_utils.Database, source: str, kind: str, keys: set[str]
) -> list[Known]:
    found: list[Known] = []
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows = db.execute(
            "SELECT id, key, state, agency, agency_key, support_type, signed, moa_url, "
            "content_hash, status, absent_count, flags, first_absent_at, county FROM agreements "
            f"WHERE source = ? AND list_kind = ? AND key IN ({', '.join('?' * len(chunk))})",
            [source, kind, *chunk],
        ).fetchall()
        found.extend(_known_row(r) for r in rows)
    return found


def _known_row(r: tuple[Any, ...]) -> Known:
    return Known(
        id=r[0],
        key=r[1],
        state=r[2],
        agency=r[3],
        agency_key=r[4],
        model=r[5],
        signed=dt.date.fromisoformat(r[6]) if r[6] else None,
        moa_url=r[7],
        content_hash=r[8],
        status=r[9],
        absent_count=r[10],
        flags=tuple(json.loads(r[11])) if r[11] else (),
        first_absent_at=dt.datetime.fromisoformat(r[12]) if r[12] else None,
        county=r[13],
    )
