"""Faults of the archive and its disk end cleanly, through the real CLI: one line naming the
problem and what to do, a documented exit code, nothing half-written (issue 15, items 6, 8)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from faults import ice_site, one_line_error, query, rows, watcher, write_config
from http_server import Answer, ScriptedServer
from ice_workbooks import make_workbook


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A small tmpfs (root only); the test is skipped, with the reason, where none can be had."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True, text=True,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_corrupt_archive_is_one_line_and_exit_4(tmp_path: Path) -> None:
    write_config(tmp_path, ["{name: ice, kind: ice_287g, url: 'http://127.0.0.1:9/287g'}"])
    archive = tmp_path / "w.db"
    archive.write_bytes(b"this was a watcher archive until a disk went bad " * 100)
    before = digest(archive)
    for command in (["status"], ["run"], ["events"]):
        done = watcher(tmp_path, *command)
        assert done.returncode == 4, done.stderr
        line = one_line_error(done)
        assert "not a usable watcher archive" in line and "restore it from a backup" in line
    assert digest(archive) == before  # nothing was written into it


def test_lock_held_by_another_process_is_exit_3(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    write_config(
        tmp_path, [f"{{name: ice, kind: ice_287g, url: '{ice_site(http_server, rows(3))}'}}"]
    )
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import time; from pathlib import Path; from watcher.lock import ArchiveLock; "
         f"ArchiveLock(Path({str(tmp_path / 'w.db')!r})).acquire(); print('held', flush=True); "
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        done = watcher(tmp_path, "run")
        assert done.returncode == 3
        assert "another watcher process" in one_line_error(done)
        assert http_server.hits("/287g") == 0  # nothing fetched without the lock
    finally:
        holder.kill()
        holder.communicate()
    assert watcher(tmp_path, "run").returncode == 0


def test_read_only_archive_is_exit_4_and_unchanged(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    with tmpfs(tmp_path / "ro", "8m") as folder:
        url = ice_site(http_server, rows(5))
        write_config(folder, [f"{{name: ice, kind: ice_287g, url: '{url}'}}"])
        assert watcher(folder, "run").returncode == 0
        http_server.route("/p.xlsx", Answer(body=make_workbook(rows(6))))
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        before = digest(folder / "w.db")
        done = watcher(folder, "run")
        assert done.returncode == 4, done.stdout + done.stderr
        assert "read-only" in one_line_error(done)
        assert digest(folder / "w.db") == before


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system, then free ``leave`` bytes: room to open the archive, not to
    apply a large publication. Returns the filler to delete."""
    filler, spare = folder / "filler", folder / "spare"
    spare.write_bytes(b"\0" * leave)
    with contextlib.suppress(OSError), filler.open("wb") as out:
        while True:
            out.write(b"\0" * 65536)
            out.flush()
            os.fsync(out.fileno())
    spare.unlink()
    return filler


def test_disk_full_during_ingest_rolls_back_and_recovers(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    with tmpfs(tmp_path / "full", "32m") as folder:
        url = ice_site(http_server, rows(1500))
        write_config(
            folder,
            [f"{{name: ice, kind: ice_287g, url: '{url}'}}"],
            "alerts: {from: a@example.org, operator: ops@example.org, outbox_dir: outbox}\n",
        )
        assert watcher(folder, "subscribe", "reader@example.org").returncode == 0
        assert watcher(folder, "run").returncode == 0  # the baseline
        http_server.route("/p.xlsx", Answer(body=make_workbook(rows(2000))))  # 500 new
        filler = fill(folder, leave=256 * 1024)
        done = watcher(folder, "run")
        assert done.returncode == 4, done.stdout + done.stderr
        assert "the disk is full" in one_line_error(done)
        assert "source=ice" not in done.stderr  # stopped, not recorded as the source's fault
        assert http_server.hits("/p.xlsx") == 2  # fetched: the disk filled while applying it
        filler.unlink()  # reading a WAL archive needs room for its shared-memory file
        db = folder / "w.db"
        assert query(db, "PRAGMA integrity_check") == [("ok",)]
        assert query(db, "SELECT COUNT(*) FROM events") == [(0,)]
        assert query(db, "SELECT status, row_count FROM publications") == [("baseline", 1500)]
        assert query(db, "SELECT consecutive_failures FROM sources") == [(0,)]
        again = watcher(folder, "run")
        assert again.returncode == 0, again.stderr
        assert query(db, "SELECT COUNT(*) FROM events WHERE type = 'new'") == [(500,)]
        sent = sorted((folder / "outbox").glob("*.eml"))
        assert len(sent) == 500  # every alert delivered once the disk had room again
