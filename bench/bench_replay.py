"""Benchmark: replay ICE's 2025 publications into a fresh archive, beside a bare calamine read.

    python bench/bench_replay.py [--manifest ../shared/ice_replay_2025/manifest.csv] [--repeat 1]

Each phase runs in its own process so peak memory (max RSS) is measured separately. With
--repeat N each runs N times, alternating, keeping the best time of each; the README reports
single runs (--repeat 1), the median of several separate ones. Besides wall time each phase
reports its CPU time (all threads), which other processes on a shared machine disturb less.
Target: the replay within 2.5x of python-calamine merely reading the same workbooks, in a single
run, under 300 MB peak.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_MANIFEST = Path(__file__).resolve().parents[2] / "shared/ice_replay_2025/manifest.csv"


def phase_calamine(manifest: Path) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    paths = [manifest.parent / row["path"] for row in csv.DictReader(manifest.open())]
    started, cpu = time.perf_counter(), time.process_time()
    rows = 0
    for path in paths:
        rows += len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "files": len(paths),
        "rows": rows,
    }


def phase_watcher(manifest: Path) -> dict[str, float]:
    from watcher.config import Config, SourceConfig
    from watcher.ice.backfill import ingest, read_manifest
    from watcher.runtime.pipeline import rules_for
    from watcher.store.archive import open_archive

    source = SourceConfig(
        name="ice", kind="ice_287g", url="https://www.ice.gov/identify-and-arrest/287g"
    )
    config = Config(sources=[source])
    with tempfile.TemporaryDirectory() as folder:
        started, cpu = time.perf_counter(), time.process_time()
        db = open_archive(Path(folder) / "bench.db")
        results = ingest(db, source, read_manifest(manifest), rules_for(config, alert=False))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        db.close()
    return {"seconds": elapsed, "cpu": cpu, "files": len(results), "events": events}


def run_phase(name: str, manifest: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--manifest", str(manifest)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--phase", choices=["calamine", "watcher"])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if args.phase:
        result = (phase_calamine if args.phase == "calamine" else phase_watcher)(args.manifest)
        result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if not args.manifest.exists():
        sys.exit(f"{args.manifest} is absent: the replay lives in ../shared/ice_replay_2025")
    runs: dict[str, list[dict[str, float]]] = {"calamine": [], "watcher": []}
    for _ in range(max(1, args.repeat)):
        for name in runs:
            runs[name].append(run_phase(name, args.manifest))
    bare = min(runs["calamine"], key=lambda r: r["seconds"])
    ours = min(runs["watcher"], key=lambda r: r["seconds"])
    ratio = ours["seconds"] / bare["seconds"]
    print(
        f"calamine bare read : {bare['files']:.0f} workbooks in {bare['seconds']:.2f} s "
        f"({bare['files'] / bare['seconds']:.0f}/s, CPU {bare['cpu']:.2f} s), "
        f"peak {bare['max_rss_mb']:.0f} MB"
    )
    print(
        f"watcher replay     : {ours['files']:.0f} workbooks in {ours['seconds']:.2f} s "
        f"({ours['files'] / ours['seconds']:.0f}/s, CPU {ours['cpu']:.2f} s), "
        f"peak {ours['max_rss_mb']:.0f} MB, {ours['events']:.0f} events"
    )
    print(
        f"ratio              : {ratio:.2f}x the bare read, CPU {ours['cpu'] / bare['cpu']:.2f}x "
        "(target <= 2.5x in a single run, < 300 MB)"
    )


if __name__ == "__main__":
    main()
