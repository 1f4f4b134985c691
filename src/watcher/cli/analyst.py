"""Commands for analysts: search the documents' text, export a table or view, query in SQL.

All three read through a read-only connection. search and export first upgrade an archive made
by an older release (as any command does); query never does, so it can never change the file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from watcher.cli.base import UsageProblem, current_app, emit_json
from watcher.errors import WatcherError
from watcher.store.archive import SCHEMA_VERSION

_PRIVATE_HELP = (
    "Also read the private file (subscribers, outbox, confirmations); "
    "without it only the publishable archive is visible."
)


def _reader(*, upgrade: bool, private: bool = False) -> sqlite3.Connection:
    from watcher.analyst.export import archive_version, open_read_only

    app = current_app()
    try:
        if upgrade and archive_version(app.db_file) < SCHEMA_VERSION:
            app.open_db()
        return open_read_only(app.db_file, app.private_file if private else None)
    except WatcherError as exc:
        raise UsageProblem(str(exc)) from None


@click.command()
@click.argument("term")
@click.option("--state", help="Only documents of this state (two-letter code).")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(min=1), help="Most pages to show."
)
@click.option("--fts", "raw", is_flag=True, help="TERM is FTS5 syntax (OR, NEAR, prefix*).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def search(term: str, state: str | None, limit: int, raw: bool, as_json: bool) -> None:
    """Documents and agenda items whose text matches TERM, with page and snippet."""
    from watcher.analyst.export import AnalystError
    from watcher.analyst.search import search_documents

    with contextlib.closing(_reader(upgrade=True)) as conn:
        try:
            hits = search_documents(conn, term, state=state, limit=limit, raw=raw)
        except AnalystError as exc:
            raise UsageProblem(str(exc)) from None
    if as_json:
        emit_json(hits)
        return
    if not hits:
        click.echo(f"no document matches {term!r}")
    for hit in hits:
        place = " ".join(part for part in (hit["state"], hit["county"]) if part)
        click.echo(
            f"{place}  {hit['doc_date'] or '????-??-??'}  page {hit['page']}  {hit['title']}"
        )
        click.echo(f"  {hit['url']}")
        click.echo(f"  {' '.join(hit['snippet'].split())}")


@click.command()
@click.argument("name")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.option("--force", is_flag=True, help="Replace --out if it is an existing regular file.")
@click.option("--private", is_flag=True, help=_PRIVATE_HELP)
def export(name: str, fmt: str, out: Path | None, force: bool, private: bool) -> None:
    """Every row of a table or view (e.g. current_agreements) as CSV or JSON."""
    from watcher.analyst.export import (
        AnalystError,
        check_export_target,
        export_relation,
        output_file,
    )

    if out is not None:
        app = current_app()
        try:
            check_export_target(out, app.db_file, force=force, private=app.private_file)
        except AnalystError as exc:
            raise UsageProblem(str(exc)) from None
    with contextlib.closing(_reader(upgrade=True, private=private)) as conn:
        try:
            if out is None:
                export_relation(conn, name, fmt, sys.stdout)
                return
            with output_file(out) as handle:
                count = export_relation(conn, name, fmt, handle)
        except AnalystError as exc:
            raise UsageProblem(str(exc)) from None
    click.echo(f"{count} row(s) of {name} written to {out}", err=True)


@click.command()
@click.argument("sql")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@click.option("--private", is_flag=True, help=_PRIVATE_HELP)
def query(sql: str, as_json: bool, private: bool) -> None:
    """Run one SQL query on the archive, opened read-only: a query can never change it."""
    from watcher.analyst.export import AnalystError, run_query, write_rows

    with contextlib.closing(_reader(upgrade=False, private=private)) as conn:
        try:
            columns, rows = run_query(conn, sql)
            if as_json:
                write_rows(columns, rows, "json", sys.stdout)
            else:
                _print_table(columns, list(rows))
        except AnalystError as exc:
            raise UsageProblem(str(exc)) from None


def _print_table(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    # Tab-separated with a header: readable in a terminal, and cut/awk/spreadsheets take it.
    click.echo("\t".join(columns))
    for row in rows:
        click.echo("\t".join("" if value is None else str(value) for value in row))
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def register(group: click.Group) -> None:
    for command in (search, export, query):
        group.add_command(command)
