"""Benchmark: one event to 10,000 subscribers through a local SMTP server (aiosmtpd).

Run: python bench/bench_alerts.py [--subscribers 10000] [--pipelining] [--tracemalloc]

The server runs in its own process so that it does not share the GIL with the sender. It is
aiosmtpd as it comes, which does not offer PIPELINING; with --pipelining it offers it (as
production mail servers do), and the sender then writes MAIL, RCPT and DATA at once.
Prints the enqueue and delivery rates, and the peak memory of the sending process
(RSS; with --tracemalloc also the peak Python heap, at some cost in speed).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import sqlite_utils  # noqa: E402
from tests.smtp_server import SmtpTestServer, make_event  # noqa: E402

from watcher.alerts import (  # noqa: E402
    SmtpSender,
    deliver,
    enqueue_events,
)
from watcher.store.archive import open_archive  # noqa: E402


def serve(port_out: Any, stop: Any, count_out: Any, cpu_out: Any, pipelining: bool) -> None:
    server = SmtpTestServer(keep_parsed=False, pipelining=pipelining)
    server.start()
    port_out.value = server.port
    cpu_started = time.process_time()
    stop.wait()
    # The server's CPU while the run lasted (it idles otherwise): its share of each message.
    cpu_out.value = time.process_time() - cpu_started
    count_out.value = server.handler.count
    server.stop()


def fill(db: sqlite_utils.Database, count: int) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = ((f"reader{n}@example.org", f"token-{n:06d}", now) for n in range(count))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO subscribers (email, token, created_at, updated_at, confirmed) "
            "VALUES (?, ?, ?, ?3, 1)",
            rows,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--pipelining", action="store_true")
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    port, count, server_cpu = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Value("d", 0.0)
    stop = ctx.Event()
    serve_args = (port, stop, count, server_cpu, args.pipelining)
    proc = ctx.Process(target=serve, args=serve_args, daemon=True)
    proc.start()
    while port.value == 0:
        time.sleep(0.05)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_archive(Path(tmp) / "bench.db")
        fill(db, args.subscribers)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.tracemalloc:
            tracemalloc.start()
        now = datetime.now(UTC)
        started = time.perf_counter()
        cpu_started = time.process_time()
        queued = enqueue_events(db, [make_event()], now=now)
        enqueued_at = time.perf_counter()
        sender = SmtpSender("127.0.0.1", port.value, starttls=False, timeout=10)
        report = deliver(
            db, sender, now=now, base_url="https://w.example", from_addr="alerts@example.org"
        )
        done = time.perf_counter()
        cpu_used = time.process_time() - cpu_started
        heap_peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
    stop.set()
    proc.join(10)

    send_s = done - enqueued_at
    print(f"subscribers          {args.subscribers}")
    print(f"server PIPELINING    {'offered' if args.pipelining else 'not offered'}")
    print(f"queued               {queued} in {enqueued_at - started:.2f}s")
    print(f"sent                 {report.sent} in {send_s:.2f}s")
    print(f"server received      {count.value}")
    print(f"delivery rate        {report.sent / send_s:.0f} msgs/s (target >= 500)")
    print(f"end-to-end rate      {report.sent / (done - started):.0f} msgs/s")
    # Wall-clock rates move with the machine's load; the sender's CPU cost does not.
    print(f"sender CPU           {cpu_used * 1000 / max(report.sent, 1):.2f} ms per message")
    server_ms = server_cpu.value * 1000 / max(count.value, 1)
    print(f"server CPU           {server_ms:.2f} ms per message")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (sender)    {rss_mb:.1f} MB ({rss_before:.1f} MB before the run)")
    if heap_peak is not None:
        print(f"peak Python heap     {heap_peak / 1024 / 1024:.1f} MB (tracemalloc)")


if __name__ == "__main__":
    main()
