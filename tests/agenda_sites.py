"""Helpers for the agenda-platform tests: sources.yaml, the CLI, and agenda PDFs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from pdf_factory import filler_lines, make_pdf
from watcher.cli import cli

ITEM_287G = [
    "BOARD OF COMMISSIONERS - REGULAR MEETING",
    "7. NEW BUSINESS",
    "7.B Consider a Memorandum of Agreement with U.S. Immigration and Customs",
    "Enforcement under the 287(g) Task Force Model; reimbursement of $45,000 a year.",
    "8. ADJOURNMENT",
]


def watcher(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def config(tmp_path: Path, sources: str, *, alerts: str = "") -> None:
    (tmp_path / "sources.yaml").write_text(
        "contact: tests@example.org\nfetch: {retries: 0, backoff: 0, timeout: 2}\n"
        + alerts
        + "sources:\n"
        + sources
    )


def agenda_pdf(pages: int = 3, item_page: int = 2, lines: list[str] | None = None) -> bytes:
    content = [filler_lines(n) for n in range(1, pages + 1)]
    content[item_page - 1] = lines or ITEM_287G
    return make_pdf(content, title="Agenda")


def plain_pdf(pages: int = 2) -> bytes:
    return make_pdf([filler_lines(n) for n in range(1, pages + 1)], title="Minutes")


def agenda_json(tmp_path: Path, *args: str) -> list[dict[str, Any]]:
    result = watcher(tmp_path, "agenda", "--json", *args)
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))
