"""The archive's schema, one frozen SQL file per version (``NNNN_name.sql``).

A file here is exactly what made an archive at its version, so it is never edited once released:
a change to the schema is a new file with the next number. The files import nothing; this module
only reads them.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

import sqlite_utils

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def __call__(self, db: sqlite_utils.Database) -> None:
        run_script(db, self.sql)


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run ``script`` statement by statement inside the caller's transaction."""
    # Not executescript(): it commits first, and a migration must stay in its transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        if not statement and line.lstrip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"unterminated SQL statement: {statement.strip()[:80]!r}")


def load_migrations(package: str = __name__) -> tuple[Migration, ...]:
    """The frozen SQL files of ``package`` (the archive's by default), in version order."""
    found = []
    for entry in resources.files(package).iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda migration: migration.version)
    numbers = [migration.version for migration in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"schema migrations must be numbered 1..n without gaps, got {numbers}")
    return tuple(found)
