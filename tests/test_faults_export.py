"""`watcher export --out` never destroys what it reads or what it finds at the path
(issue 15, item 5), through the real CLI."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from faults import ice_site, one_line_error, rows, watcher, write_config
from http_server import ScriptedServer


@pytest.fixture
def folder(tmp_path: Path, http_server: ScriptedServer) -> Path:
    url = ice_site(http_server, rows(4))
    write_config(tmp_path, [f"{{name: ice, kind: ice_287g, url: '{url}'}}"])
    assert watcher(tmp_path, "run").returncode == 0
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_refuses_the_archive_and_its_companions(folder: Path) -> None:
    archive = folder / "w.db"
    before = digest(archive)
    (folder / "w.db-wal").touch()
    os.link(archive, folder / "hardlink.db")
    for target in ("w.db", "./w.db", "w.db-wal", "w.db-shm", "w.db.lock", "hardlink.db"):
        done = watcher(folder, "export", "agreements", "--out", target, "--force")
        assert done.returncode == 2, target
        assert "refusing to write over the archive's own file" in one_line_error(done)
    assert digest(archive) == before
    assert watcher(folder, "status").returncode == 0  # still a working archive


def test_export_refuses_links_devices_fifos_and_folders(folder: Path) -> None:
    victim = folder / "victim.txt"
    victim.write_text("keep me")
    (folder / "link.csv").symlink_to(victim)
    os.mkfifo(folder / "pipe.csv")
    (folder / "dir.csv").mkdir()
    for target, why in (
        ("link.csv", "symbolic link"), ("pipe.csv", "not a regular file"),
        ("/dev/null", "not a regular file"), ("dir.csv", "is a directory"),
    ):  # fmt: skip
        done = watcher(folder, "export", "agreements", "--out", target, "--force", timeout=30)
        assert done.returncode == 2, target
        assert why in one_line_error(done)
    assert victim.read_text() == "keep me"
    assert (folder / "link.csv").is_symlink()
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_export_replaces_a_regular_file_only_with_force(folder: Path) -> None:
    out = folder / "agreements.csv"
    out.write_text("an earlier export")
    done = watcher(folder, "export", "agreements", "--out", str(out))
    assert done.returncode == 2
    assert "exists: add --force" in one_line_error(done)
    assert out.read_text() == "an earlier export"
    done = watcher(folder, "export", "agreements", "--out", str(out), "--force")
    assert done.returncode == 0, done.stderr
    assert out.read_text().count("Sheriff's Office") == 4
    assert [p.name for p in folder.iterdir() if p.name.startswith(".agreements")] == []
    fresh = watcher(folder, "export", "agreements", "--out", "new.csv")
    assert fresh.returncode == 0 and (folder / "new.csv").stat().st_size > 0
