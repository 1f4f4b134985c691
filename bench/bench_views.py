"""Benchmark: the analyst views on an archive built from ICE's whole 2025 replay.

    python bench/bench_views.py [--manifest ../shared/ice_replay_2025/manifest.csv] [--runs 5]

Builds the archive (the replay, plus the real Galveston County agenda items as cost documents
so the cost views have rows), then reads every row of each view `--runs` times through a
read-only connection, as `watcher export` and Datasette do. Prints rows and the median and
worst milliseconds per view. Target: every view under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_MANIFEST = SHARED / "ice_replay_2025" / "manifest.csv"
TARGET_MS = 100.0


def build_archive(path: Path, manifest: Path) -> float:
    from watcher.config import Config, Jurisdiction, SourceConfig
    from watcher.documents.apply import apply_document
    from watcher.ice.backfill import ingest, read_manifest
    from watcher.runtime.pipeline import rules_for
    from watcher.store.archive import ensure_source, open_archive

    source = SourceConfig(
        name="ice", kind="ice_287g", url="https://www.ice.gov/identify-and-arrest/287g"
    )
    started = time.perf_counter()
    db = open_archive(path)
    ingest(db, source, read_manifest(manifest), rules_for(Config(sources=[source]), alert=False))
    ensure_source(db, "galveston", "legistar", "https://webapi.legistar.com/v1/galvestoncountytx")
    for item in sorted((SHARED / "budget_docs").glob("galveston_tx_*.md")):
        apply_document(
            db, source="galveston", url=f"https://example.org/{item.name}",
            content=item.read_bytes(), content_type="text/plain",
            jurisdiction=Jurisdiction(state="TX", county="Galveston"),
            fetched_at=dt.datetime(2026, 6, 9, tzinfo=dt.UTC),
        )  # fmt: skip
    db.close()
    return time.perf_counter() - started


def time_views(path: Path, runs: int) -> list[tuple[str, int, float, float]]:
    from watcher.analyst.export import open_read_only
    from watcher.analyst.views import VIEW_NAMES

    conn = open_read_only(path)
    results = []
    for name in VIEW_NAMES:
        timings = []
        count = 0
        for _ in range(runs):
            started = time.perf_counter()
            count = len(conn.execute(f"SELECT * FROM {name}").fetchall())
            timings.append((time.perf_counter() - started) * 1000)
        results.append((name, count, statistics.median(timings), max(timings)))
    conn.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        built = build_archive(path, args.manifest)
        print(f"archive built in {built:.1f} s ({path.stat().st_size / 1e6:.1f} MB)")
        print(f"{'view':<28} {'rows':>6} {'median ms':>10} {'max ms':>8}")
        slow = []
        for name, count, median, worst in time_views(path, args.runs):
            print(f"{name:<28} {count:>6} {median:>10.1f} {worst:>8.1f}")
            if median >= TARGET_MS:
                slow.append(name)
    print(f"target {TARGET_MS:.0f} ms: " + (f"SLOW: {', '.join(slow)}" if slow else "all met"))


if __name__ == "__main__":
    main()
