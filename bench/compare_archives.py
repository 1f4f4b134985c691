"""Compare two archives table by table and view by view: every row, every column but the
wall-clock stamp ``created_at`` (when a row was written, not what was observed).

    python bench/compare_archives.py A.db B.db

For a change meant to keep behaviour: replay the same manifest (``watcher ingest --manifest``,
or ``ice.backfill.ingest`` as bench_replay.py does) once with main and once with the change,
each into a fresh archive, and compare the two. Rows are compared as multisets
(order aside). A table or view that exists in only one archive is listed, not an error: a
schema change may add tables, as long as everything both have still holds the same rows.
Exits 1 when a shared table or view differs.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import Counter
from pathlib import Path

WALL_CLOCK = {"created_at"}


def relations(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    )


def rows_of(conn: sqlite3.Connection, name: str) -> tuple[list[str], Counter[tuple[object, ...]]]:
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
    kept = [c for c in columns if c not in WALL_CLOCK]
    select = ", ".join(f'"{c}"' for c in kept)
    return kept, Counter(conn.execute(f'SELECT {select} FROM "{name}"').fetchall())


def compare(a: Path, b: Path) -> int:
    first, second = (sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True) for p in (a, b))
    ours, theirs = relations(first), relations(second)
    for name in sorted(ours.keys() ^ theirs.keys()):
        where = a if name in ours else b
        print(f"only in {where.name}: {(ours | theirs)[name]} {name}")
    differing = 0
    for name in sorted(ours.keys() & theirs.keys()):
        (columns_a, rows_a), (columns_b, rows_b) = rows_of(first, name), rows_of(second, name)
        if columns_a != columns_b:
            print(f"DIFFERS {name}: columns {columns_a} / {columns_b}")
            differing += 1
        elif rows_a != rows_b:
            print(
                f"DIFFERS {name}: {sum((rows_a - rows_b).values())} row(s) only in {a.name}, "
                f"{sum((rows_b - rows_a).values())} only in {b.name}"
            )
            differing += 1
        else:
            print(f"same    {name} ({ours[name]}, {sum(rows_a.values())} rows)")
    print("IDENTICAL" if not differing else f"{differing} table(s) or view(s) differ")
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(compare(Path(sys.argv[1]), Path(sys.argv[2])))
