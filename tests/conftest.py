"""Shared test helpers: paths to the real public documents in ../shared (skipped when absent),
and the 2025 replay archive, built once per session."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path to a real document under ../shared; skips the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the real ICE and county documents live in ../shared")
    return path


@pytest.fixture(scope="session")
def replay_2025(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[Any, Any]]]:
    """ICE's 526 lists of 2025 ingested once (the slowest setup of the suite), with each copy's
    outcome. Modules take their own copy with :func:`copy_archive` and never write this one."""
    from watcher.config import Config, SourceConfig
    from watcher.ice.backfill import ingest, read_manifest
    from watcher.runtime.pipeline import rules_for
    from watcher.store.archive import open_archive

    source = SourceConfig(
        name="ice", kind="ice_287g", url="https://www.ice.gov/identify-and-arrest/287g"
    )
    copies = read_manifest(shared_path("ice_replay_2025", "manifest.csv"))
    path = tmp_path_factory.mktemp("replay-2025") / "replay.db"
    db = open_archive(path)
    results = ingest(db, source, copies, rules_for(Config(sources=[source]), alert=False))
    db.close()
    return path, list(zip(copies, results, strict=True))


def copy_archive(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite archive (WAL included), for a test to change freely."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


# Fixtures shared by several test modules, defined beside the helpers they drive.
from http_server import http_server  # noqa: E402, F401
from smtp_server import smtp_server  # noqa: E402, F401
