"""Benchmark: `watcher coverage --json` on an archive of ICE's whole 2025 replay, no network.

    python bench/bench_coverage.py [--db replay.db] [--manifest ...] [--runs 5]

Builds the archive as bench_views.py does (the replay plus the real Galveston County agenda
items, so one county has local cost figures) unless --db names one, writes a sources.yaml with
a Galveston Legistar source (a watched portal), then runs the real command in a fresh process
`--runs` times. Prints the median and worst wall-clock seconds, user+system CPU seconds, and the
totals. Target: under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_views import DEFAULT_MANIFEST, build_archive

CONFIG = """\
sources:
  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/identify-and-arrest/287g'}
  - {name: galveston-legistar, kind: legistar, url: 'https://webapi.legistar.com/v1/',
     client: galvestoncountytx, jurisdiction: {state: TX, county: Galveston}}
"""
TARGET_S = 2.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db or folder / "replay.db"
        if args.db is None:
            print(f"building the archive: {build_archive(db, args.manifest):.1f} s")
        (folder / "sources.yaml").write_text(CONFIG)
        command = [sys.executable, "-m", "watcher", "--config", str(folder / "sources.yaml"),
                   "--db", str(db), "coverage", "--json"]  # fmt: skip
        # No proxy, no route: the command must not need the network.
        env = dict(os.environ, HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
        walls, cpus, report = [], [], {}
        for _ in range(args.runs):
            before = os.times()
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=True, env=env)
            walls.append(time.perf_counter() - started)
            after = os.times()
            cpus.append(
                after.children_user
                - before.children_user
                + after.children_system
                - before.children_system
            )
            report = json.loads(done.stdout)
    total = report["total"]
    print(
        f"watcher coverage --json: median {statistics.median(walls):.2f} s, worst "
        f"{max(walls):.2f} s (CPU median {statistics.median(cpus):.2f} s); target < {TARGET_S} s"
    )
    print(
        f"{total['agreements']} agreements, {total['jurisdictions']} jurisdictions, "
        f"{total['unresolved_agreements']} unresolved, {total['agreements_with_watched_portal']} "
        f"with a watched portal, {total['agreements_with_local_figure']} with a local figure"
    )
    return 0 if statistics.median(walls) < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
