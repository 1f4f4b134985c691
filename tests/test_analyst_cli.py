"""watcher search, export and query over an archive built the way analysts build theirs:
`watcher ingest --manifest` of the real 2025 replay, plus Galveston County's agenda items."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from conftest import shared_path
from test_analyst_views import add_galveston_items
from test_migrations import make_archive_at
from watcher.cli import analyst as cli_analyst
from watcher.cli import cli
from watcher.store.archive import SCHEMA_VERSION, open_archive

SOURCES = (
    "sources:\n  - {name: ice, kind: ice_287g, url: https://www.ice.gov/identify-and-arrest/287g}\n"
)


def watcher(folder: Path, *args: str, db: Path | None = None) -> Result:
    if "query" not in cli.commands:  # until cli._register_commands lists cli_analyst
        cli_analyst.register(cli)
    return CliRunner().invoke(
        cli,
        ["--config", str(folder / "sources.yaml"), "--db", str(db or folder / "w.db"), *args],
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    manifest = shared_path("ice_replay_2025", "manifest.csv")
    folder = tmp_path_factory.mktemp("analyst")
    (folder / "sources.yaml").write_text(SOURCES)
    result = watcher(folder, "ingest", "--source", "ice", "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    db = open_archive(folder / "w.db")
    add_galveston_items(db)
    db.close()
    yield folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_backfill_from_the_manifest_is_history_without_alerts(folder: Path) -> None:
    conn = sqlite3.connect(folder / "w.db")
    assert conn.execute("SELECT alert, COUNT(*) FROM events GROUP BY alert").fetchall() == [
        (0, 2092)  # seven of 2025's listing corrections are one relabel each, not two events
    ]
    conn.close()
    conn = sqlite3.connect(folder / "w-private.db")
    assert conn.execute("SELECT COUNT(*) FROM outbox").fetchone() == (0,)
    conn.close()


def test_search_finds_the_task_force_agenda_items(folder: Path) -> None:
    hits = as_json(watcher(folder, "search", "287(g) task force", "--state", "tx", "--json"))
    amounts = sorted(hit["url"].rsplit("_", 1)[1] for hit in hits)
    assert amounts == ["122500.md", "130000.md", "152500.md", "302500.md"]
    assert {(h["state"], h["county"], h["page"]) for h in hits} == {("TX", "Galveston", 1)}
    assert all("[Task] [Force]" in hit["snippet"] for hit in hits)
    # The stemmed prefix finds the one item that has no amount.
    prefix = as_json(watcher(folder, "search", "reimburs*", "--json"))
    assert [h["doc_date"] for h in prefix] == ["2025-10-27"]
    assert as_json(watcher(folder, "search", "task force", "--state", "FL", "--json")) == []


def test_search_prints_place_date_page_and_snippet(folder: Path) -> None:
    result = watcher(folder, "search", "Constable Precinct 1", "--limit", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("TX Galveston  2026-03-02  page 1  Galveston County")
    assert lines[1].endswith(
        "galveston_tx_2026-03-02_constable_pct1_287g_task_force_revenue_130000.md"
    )
    snippet = lines[2].lower()
    assert snippet.startswith("  …") and "[constable]" in snippet and "[precinct]" in snippet


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["constable AND", "--fts"], "malformed full-text query 'constable AND'"),
        (['NEAR("task"', "--fts"], "malformed full-text query"),
        (["()"], "nothing to search for in '()'"),
    ],
)
def test_bad_search_gets_a_clear_message(folder: Path, args: list[str], message: str) -> None:
    before = digest(folder / "w.db")
    result = watcher(folder, "search", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert digest(folder / "w.db") == before


def test_search_takes_unbalanced_quotes_and_fts_syntax(folder: Path) -> None:
    loose = as_json(watcher(folder, "search", '"task force', "--json"))
    assert len(loose) == 4
    either = as_json(watcher(folder, "search", "reimbursable OR appropriation", "--fts", "--json"))
    assert len(either) == 5


def test_export_view_as_csv_to_a_file(folder: Path) -> None:
    out = folder / "current.csv"
    result = watcher(folder, "export", "current_agreements", "--format", "csv", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1277 row(s) of current_agreements written to" in result.output
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(table) == 1277
    assert sum(row["state"] == "FL" for row in table) == 339
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not a temp file


def test_export_view_as_json_to_stdout(folder: Path) -> None:
    timeline = as_json(watcher(folder, "export", "agreement_timeline", "--format", "json"))
    fort_myers = [row for row in timeline if row["agency"] == "Fort Myers Police Department"]
    assert [(r["renames"], r["former_names"], r["status"]) for r in fort_myers] == [
        (1, "Ft. Myers Police Department", "active")
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["no_such_view"],
            "no table or view named 'no_such_view'; there are: agenda_item_documents",
        ),
        (
            ["events", "--out", "missing/folder/events.csv"],
            "cannot write missing/folder/events.csv",
        ),
        (["events", "--format", "xml"], "'xml' is not one of 'csv', 'json'"),
    ],
)
def test_bad_export_gets_a_clear_message(folder: Path, args: list[str], message: str) -> None:
    before = digest(folder / "w.db")
    result = watcher(folder, "export", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert digest(folder / "w.db") == before
    assert not (folder / "missing").exists()


def test_query_answers_in_text_and_json(folder: Path) -> None:
    sql = (
        "SELECT state, COUNT(*) AS n FROM current_agreements WHERE state IN ('FL', 'TX') "
        "GROUP BY state ORDER BY state"
    )
    assert as_json(watcher(folder, "query", sql, "--json")) == [
        {"state": "FL", "n": 339},
        {"state": "TX", "n": 260},
    ]
    text = watcher(folder, "query", sql)
    assert text.stdout.splitlines() == ["state\tn", "FL\t339", "TX\t260"]


def test_query_gives_blobs_in_base64(folder: Path) -> None:
    rows = as_json(
        watcher(
            folder, "query", "SELECT b.sha256, b.content FROM blobs b JOIN documents d "
            "ON d.sha256 = b.sha256 WHERE d.doc_date = '2026-03-02'", "--json",
        )
    )  # fmt: skip
    content = base64.b64decode(rows[0]["content"])
    assert hashlib.sha256(content).hexdigest() == rows[0]["sha256"]
    assert b"$130,000" in content


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("DELETE FROM events", "read-only and a query can only read it"),
        ("UPDATE agreements SET agency = 'x'", "read-only and a query can only read it"),
        ("DROP VIEW current_agreements", "read-only and a query can only read it"),
        ("PRAGMA query_only = OFF", "read-only and a query can only read it"),
        ("PRAGMA journal_mode = DELETE", "read-only and a query can only read it"),
        ("ATTACH DATABASE 'other.db' AS other", "read-only and a query can only read it"),
        ("VACUUM", "read-only and a query can only read it"),
        ("SELECT 1; DELETE FROM events", "You can only execute one statement at a time"),
        ("SELEC * FROM events", 'near "SELEC": syntax error'),
        (
            "SELECT * FROM document_pages_fts WHERE document_pages_fts MATCH 'a AND'",
            "fts5: syntax error",
        ),
    ],
)
def test_query_can_never_change_the_archive(folder: Path, sql: str, message: str) -> None:
    before = digest(folder / "w.db")
    result = watcher(folder, "query", sql)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert digest(folder / "w.db") == before
    assert not (folder / "other.db").exists()
    conn = sqlite3.connect(f"{(folder / 'w.db').as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone() == (2092,)
    conn.close()


def test_newer_archive_is_refused_by_every_command(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES)
    make_archive_at(tmp_path / "w.db", SCHEMA_VERSION)
    conn = sqlite3.connect(tmp_path / "w.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(tmp_path / "w.db")
    for args in (["query", "SELECT 1"], ["export", "events"], ["search", "task"]):
        result = watcher(tmp_path, *args)
        assert result.exit_code == 2, args
        newer = f"schema version {SCHEMA_VERSION + 1}, newer than this program's {SCHEMA_VERSION}"
        assert newer in result.output
    assert digest(tmp_path / "w.db") == before


def test_older_archive_query_hints_export_upgrades(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES)
    make_archive_at(tmp_path / "w.db", 3)
    result = watcher(tmp_path, "query", "SELECT agency FROM current_agreements")
    assert result.exit_code == 2
    older = f"schema version 3, older than {SCHEMA_VERSION}: any other watcher command upgrades it"
    assert older in result.output
    exported = as_json(watcher(tmp_path, "export", "current_agreements", "--format", "json"))
    assert [row["agency"] for row in exported] == ["Fort Myers Police Department"]
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()


def test_missing_archive_is_not_created(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(SOURCES)
    result = watcher(tmp_path, "query", "SELECT 1", db=tmp_path / "nowhere.db")
    assert result.exit_code == 2
    assert "nowhere.db: no archive there" in result.output
    assert not (tmp_path / "nowhere.db").exists()
