"""The private file: subscribers and the outbox live beside the archive, never in it; the
analyst commands see them only with --private; --private-db and $WATCHER_PRIVATE_DB move it."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from watcher.alerts.subscriptions import subscribe
from watcher.cli import cli
from watcher.errors import ArchiveError
from watcher.store.archive import open_archive, private_path

SOURCES = "sources:\n  - {name: ice, kind: ice_287g, url: https://www.ice.gov/287g}\n"


def watcher(folder: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(
        cli, ["--config", str(folder / "sources.yaml"), "--db", str(folder / "w.db"), *args]
    )


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Recorded as absent at teardown, whatever the commands under test set meanwhile.
    monkeypatch.setenv("WATCHER_PRIVATE_DB", "unused")
    monkeypatch.delenv("WATCHER_PRIVATE_DB")
    (tmp_path / "sources.yaml").write_text(SOURCES)
    db = open_archive(tmp_path / "w.db")
    subscribe(db, "ana@example.org", states=["TX"], confirmed=True)
    db.close()
    return tmp_path


def test_the_subscriber_is_in_the_private_file_only(folder: Path) -> None:
    assert private_path(folder / "w.db") == folder / "w-private.db"
    assert b"ana@example.org" not in (folder / "w.db").read_bytes()
    conn = sqlite3.connect(folder / "w-private.db")
    assert conn.execute("SELECT email, states FROM subscribers").fetchall() == [
        ("ana@example.org", '["TX"]')
    ]
    conn.close()


def test_query_and_export_read_the_archive_only_unless_private(folder: Path) -> None:
    refused = watcher(folder, "query", "SELECT email FROM subscribers")
    assert refused.exit_code == 2
    assert "no such table: subscribers" in refused.output
    missing = watcher(folder, "export", "subscribers")
    assert missing.exit_code == 2 and "no table or view named 'subscribers'" in missing.output
    assert "subscribers" not in missing.output.split("there are:")[1]

    found = watcher(folder, "query", "--private", "SELECT email FROM subscribers", "--json")
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout) == [{"email": "ana@example.org"}]
    exported = watcher(folder, "export", "--private", "subscribers", "--format", "json")
    assert exported.exit_code == 0, exported.output
    assert [row["email"] for row in json.loads(exported.stdout)] == ["ana@example.org"]
    # Read-only there too: a query cannot change the private file.
    changed = watcher(folder, "query", "--private", "DELETE FROM subscribers")
    assert changed.exit_code == 2
    conn = sqlite3.connect(folder / "w-private.db")
    assert conn.execute("SELECT COUNT(*) FROM subscribers").fetchone() == (1,)
    conn.close()


def test_private_db_option_and_environment_choose_the_file(folder: Path) -> None:
    elsewhere = folder / "vault"
    elsewhere.mkdir()
    result = watcher(folder, "--private-db", str(elsewhere / "p.db"), "subscribe", "bo@example.org")
    os.environ.pop("WATCHER_PRIVATE_DB", None)  # the option set it for the rest of the process
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(elsewhere / "p.db")
    assert conn.execute("SELECT email FROM subscribers").fetchall() == [("bo@example.org",)]
    conn.close()
    listed = watcher(
        folder, "subscribers", "--json", env={"WATCHER_PRIVATE_DB": str(elsewhere / "p.db")}
    )
    assert [s["email"] for s in json.loads(listed.stdout)] == ["bo@example.org"]
    listed = watcher(folder, "subscribers", "--json")
    assert [s["email"] for s in json.loads(listed.stdout)] == ["ana@example.org"]


def test_the_private_file_cannot_be_the_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="must not be the archive itself"):
        open_archive(tmp_path / "w.db", private=tmp_path / "w.db")
    with pytest.raises(ArchiveError, match="does not exist"):
        open_archive(tmp_path / "w.db", private=tmp_path / "nowhere" / "p.db")
