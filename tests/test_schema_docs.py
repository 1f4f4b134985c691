"""docs/schema.md and deploy/datasette/metadata.yml describe exactly the archive's schema: a
table, view or column added or dropped without its documentation fails here."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

from watcher.store.archive import open_archive

REPO = Path(__file__).resolve().parents[1]
SCHEMA_MD = REPO / "docs" / "schema.md"
PRIVATE_MD = REPO / "docs" / "private-schema.md"
METADATA = REPO / "deploy" / "datasette" / "metadata.yml"

HEADING = re.compile(r"^### (table|view) `(\w+)`$")
COLUMN = re.compile(r"^\| `(\w+)` \|\s*([A-Z]*)\s*\| (.+) \|$")


def documented(doc: Path = SCHEMA_MD) -> dict[str, dict[str, Any]]:
    """Per table or view: kind, description paragraph and {column: (type, meaning)}."""
    found: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = None
        elif match := HEADING.match(line):
            current = {"kind": match[1], "description": [], "columns": {}}
            found[match[2]] = current
        elif current is not None and (column := COLUMN.match(line)):
            meaning = column[3].strip().replace("\\|", "|")
            current["columns"][column[1]] = (column[2], meaning)
        elif (
            current is not None
            and not current["columns"]
            and line.strip()
            and not line.startswith("|")
        ):  # the paragraph between the heading and the column table
            current["description"].append(line.strip())
    for entry in found.values():
        entry["description"] = " ".join(entry["description"])
    return found


def actual(path: Path, schema: str = "main") -> dict[str, dict[str, Any]]:
    db = open_archive(path)
    found = {}
    for name, kind in db.execute(
        f"SELECT name, type FROM {schema}.sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        columns = db.execute(
            f"SELECT name, type FROM pragma_table_info('{name}', '{schema}')"
        ).fetchall()
        found[name] = {"kind": kind, "columns": dict(columns)}
    db.close()
    return found


def drift(docs: dict[str, dict[str, Any]], real: dict[str, dict[str, Any]]) -> list[str]:
    """Every difference between the documentation and the archive, in words."""
    problems = [f"{name} is not documented" for name in real.keys() - docs.keys()]
    problems += [f"{name} is documented but does not exist" for name in docs.keys() - real.keys()]
    for name in sorted(real.keys() & docs.keys()):
        entry, doc = real[name], docs[name]
        if doc["kind"] != entry["kind"]:
            problems.append(f"{name} is a {entry['kind']}, documented as a {doc['kind']}")
        if list(doc["columns"]) != list(entry["columns"]):
            problems.append(
                f"{name}: columns {list(entry['columns'])}, documented {list(doc['columns'])}"
            )
            continue
        for column, (kind, meaning) in doc["columns"].items():
            declared = entry["columns"][column]
            # A view's computed column has no declared type; the documentation gives what it is.
            if kind != declared and not (entry["kind"] == "view" and not declared):
                problems.append(f"{name}.{column} is {declared!r}, documented {kind!r}")
            if len(meaning) < 5:
                problems.append(f"{name}.{column} has no meaning")
        if len(doc["description"]) < 20:
            problems.append(f"{name} has no description")
    return problems


def test_every_table_view_and_column_is_documented(tmp_path: Path) -> None:
    real = actual(tmp_path / "watcher.db")
    assert len(real) == 32
    assert drift(documented(), real) == []


def test_the_private_file_is_documented_and_the_archive_holds_nothing_personal(
    tmp_path: Path,
) -> None:
    real = actual(tmp_path / "watcher.db", "private")
    assert sorted(real) == [
        "alert_payloads", "digest_items", "outbox", "subscribers", "web_confirmations"
    ]  # fmt: skip
    assert drift(documented(PRIVATE_MD), real) == []
    public = actual(tmp_path / "watcher.db")
    assert not set(real) & set(public)
    columns = {column for entry in public.values() for column in entry["columns"]}
    assert not {"email", "token", "to_addr"} & columns


def test_drift_is_caught(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "watcher.db")
    db.execute("ALTER TABLE events ADD COLUMN severity TEXT")
    db.execute("CREATE VIEW recent_events AS SELECT * FROM events")
    db.execute("DROP TABLE records_requests")
    db.close()
    problems = drift(documented(), actual(tmp_path / "watcher.db"))
    assert problems[:2] == [
        "recent_events is not documented",
        "records_requests is documented but does not exist",
    ]
    assert problems[2].startswith("events: columns [") and "'severity'" in problems[2]
    assert len(problems) == 3


def metadata() -> dict[str, Any]:
    data = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_datasette_metadata_matches_the_documentation() -> None:
    docs = documented()
    tables = metadata()["databases"]["watcher"]["tables"]
    assert sorted(tables) == sorted(docs)
    for name, entry in tables.items():
        assert " ".join(entry["description"].split()) == docs[name]["description"], name
        meanings = {column: meaning for column, (_, meaning) in docs[name]["columns"].items()}
        assert entry["columns"] == meanings, name
    assert tables["document_pages"]["fts_table"] == "document_pages_fts"


def canned_queries() -> dict[str, dict[str, str]]:
    queries = metadata()["databases"]["watcher"]["queries"]
    assert isinstance(queries, dict)
    return queries


def test_canned_queries_run_on_an_archive(tmp_path: Path) -> None:
    open_archive(tmp_path / "watcher.db").close()
    conn = sqlite3.connect(tmp_path / "watcher.db")
    queries = canned_queries()
    assert {"current_agreements_in_state", "events_with_costs", "costs_by_year"} <= set(queries)
    for name, query in queries.items():
        params = {param: "TX" for param in re.findall(r":(\w+)", query["sql"])}
        assert conn.execute(query["sql"], params).fetchall() == [], name
    conn.close()


def test_datasette_serves_the_archive_with_its_metadata(tmp_path: Path) -> None:
    pytest.importorskip(
        "datasette", reason="Datasette is the optional extra: pip install '.[analyst]'"
    )
    from datasette.app import Datasette

    open_archive(tmp_path / "watcher.db").close()

    async def fetch() -> dict[str, Any]:
        ds = Datasette(files=[str(tmp_path / "watcher.db")], metadata=metadata())
        await ds.invoke_startup()
        pages = {}
        for path in (
            "/watcher/current_agreements",
            "/watcher/costs_by_year.json?state=TX&_shape=array",
            "/watcher/search_documents.json?term=287(g)&_shape=array",
        ):
            response = await ds.client.get(path)
            pages[path] = (response.status_code, response.text)
        return pages

    pages = asyncio.run(fetch())
    status, html = pages["/watcher/current_agreements"]
    assert status == 200
    assert "Agreements in force now" in html
    assert pages["/watcher/costs_by_year.json?state=TX&_shape=array"] == (200, "[]")
    assert pages["/watcher/search_documents.json?term=287(g)&_shape=array"] == (200, "[]")
