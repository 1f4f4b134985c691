"""Helpers for the fault-injection suite (tests/test_faults_*.py): the real `watcher` command
in a subprocess, against a real HTTP server on 127.0.0.1 and a real SQLite archive.

A child process gets an address-space limit, so a fault that makes watcher allocate without
bound fails that child quickly instead of taking memory from the rest of the machine.
"""

from __future__ import annotations

import datetime as dt
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page, make_workbook

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space for one watcher process


def row(n: int, state: str = "ALABAMA", **extra: Any) -> dict[str, Any]:
    return {"state": state, "agency": f"Agency {n} Sheriff's Office", "type": "County",
            "county": f"County {n}", "support": "Jail Enforcement Model",
            "signed": dt.date(2020, 1, 1) + dt.timedelta(days=n)} | extra  # fmt: skip


def rows(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [row(n) for n in range(start, start + count)]


def ice_site(server: ScriptedServer, listed: list[dict[str, Any]], prefix: str = "") -> str:
    """Serve an ICE page linking one participating workbook; returns the page URL."""
    server.route(f"{prefix}/p.xlsx", Answer(body=make_workbook(listed)))
    page = make_ice_page({"Participating Agencies": f"{prefix}/p.xlsx"}).encode()
    return server.route(f"{prefix}/287g", Answer(body=page))


def write_config(folder: Path, sources: list[str], extra: str = "") -> Path:
    """sources: YAML flow mappings, one per source."""
    path = folder / "sources.yaml"
    path.write_text(
        "contact: faults@example.org\nfetch: {retries: 0, timeout: 5, backoff: 0}\n"
        + extra
        + "sources:\n"
        + "".join(f"  - {source}\n" for source in sources)
    )
    return path


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def watcher(
    folder: Path, *args: str, db: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`watcher --config folder/sources.yaml --db folder/w.db ARGS`, as an operator runs it."""
    command = [sys.executable, "-m", "watcher", "--config", str(folder / "sources.yaml"),
               "--db", str(db or folder / "w.db"), *args]  # fmt: skip
    return subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, cwd=folder,
        preexec_fn=_limit_memory,
    )  # fmt: skip


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The error a command ended with: exactly one line on stderr starting 'Error: '."""
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return errors[0]


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def source_health(db: Path, name: str) -> tuple[Any, ...]:
    found = query(
        db, f"SELECT consecutive_failures, last_error, last_success_at FROM sources "
        f"WHERE name = '{name}'"
    )  # fmt: skip
    return found[0] if found else (None, None, None)


def patch_workbook(data: bytes, old: str, new: str) -> bytes:
    """Replace text in every XML part of an xlsx: how to put what openpyxl refuses to write
    (an escaped control character such as ``_x001B_``) into a workbook."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.endswith(".xml"):
                content = content.replace(old.encode(), new.encode())
            dst.writestr(item, content)
    return out.getvalue()
