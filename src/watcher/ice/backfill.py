"""Apply archived copies of ICE's lists in order, as if fetched at their as-of time.

This is how history is backfilled from the public archives, and how the replay tests and the
benchmark run. Ingested events are history: they are recorded but queue no alerts unless asked.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from watcher.config import SourceConfig
from watcher.errors import WatcherError
from watcher.formats.xlsx import prefetch
from watcher.ice.apply import Applied, Rules, apply_publication
from watcher.ice.parse.workbook import ICE_CAPS
from watcher.store.archive import ensure_source


class ManifestError(WatcherError):
    """The manifest CSV or a file it names cannot be used."""


@dataclass(frozen=True)
class ArchivedCopy:
    path: Path
    as_of: dt.datetime


def parse_as_of(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ManifestError(
            f"as_of {text!r} is not an ISO date-time such as 2025-07-15T09:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def read_manifest(path: Path) -> list[ArchivedCopy]:
    """A CSV with columns path and as_of (others ignored); relative paths from the manifest."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = {"path", "as_of"} - set(reader.fieldnames or [])
            if missing:
                raise ManifestError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            copies = []
            for line, row in enumerate(reader, start=2):
                if not (row.get("path") or "").strip():
                    raise ManifestError(f"{path}, line {line}: empty path")
                file = Path(row["path"].strip())
                file = file if file.is_absolute() else path.parent / file
                copies.append(ArchivedCopy(file, parse_as_of(row["as_of"] or "")))
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc}") from None
    for copy in copies:
        if not copy.path.is_file():
            raise ManifestError(f"{path}: {copy.path} does not exist")
    return copies


def copies_from_files(files: Iterable[Path], as_of: dt.datetime | None) -> list[ArchivedCopy]:
    copies = []
    for file in files:
        if not file.is_file():
            raise ManifestError(f"{file} does not exist")
        moment = as_of or dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
        copies.append(ArchivedCopy(file, moment))
    return copies


def ingest(
    db: sqlite_utils.Database,
    source: SourceConfig,
    copies: list[ArchivedCopy],
    rules: Rules,
    progress: Callable[[ArchivedCopy, Applied], None] | None = None,
) -> list[Applied]:
    ensure_source(db, source.name, source.kind, str(source.url))
    results = []
    upcoming = copies[0].path.read_bytes() if copies else b""
    # hash() of the bytes seen so far: a republication of the same bytes (152 of the 526 lists
    # of 2025) is known by its digest and never parsed, so reading it ahead would be wasted.
    # A collision only costs a prefetch, never a result.
    seen = {hash(upcoming)}
    folders: dict[Path, Path] = {}
    for index, copy in enumerate(copies):
        content = upcoming
        if index + 1 < len(copies):
            upcoming = copies[index + 1].path.read_bytes()
            if hash(upcoming) not in seen:
                seen.add(hash(upcoming))
                prefetch(upcoming, ICE_CAPS)  # read its cells while this one is applied
        applied = apply_publication(
            db,
            source=source.name,
            content=content,
            url=_file_uri(copy.path, folders),
            as_of=copy.as_of,
            fetched_at=copy.as_of,
            rules=rules,
        )
        results.append(applied)
        if progress:
            progress(copy, applied)
    return results


def _file_uri(path: Path, folders: dict[Path, Path]) -> str:
    """The file's absolute URI, as ``path.resolve().as_uri()``: the folder is resolved once
    (a manifest names hundreds of files in one folder, and resolving walks every component)."""
    if path.is_symlink():
        return path.resolve().as_uri()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return (folder / path.name).as_uri()
