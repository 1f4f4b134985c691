"""Hostile pages: the cost search stays bounded and says when it stopped (issue 12, bad input).

The wall-clock bounds are generous sanity checks, not timings: what keeps the work bounded is
the search's own caps (candidates, sentences and rows, lines per page), which the notes name.
"""

from __future__ import annotations

import time
from decimal import Decimal

from watcher.costs import extract_text, scan_costs
from watcher.costs.extract import MAX_PAGE_LINES
from watcher.formats.text import ExtractedText, Format

URL = "https://example.gov/hostile"


def scan(page: str, fmt: Format = "text") -> tuple[list[Decimal], list[str], float]:
    started = time.monotonic()
    result = scan_costs(ExtractedText(pages=[page], format=fmt), url=URL, doc_date=None)
    return [f.amount for f in result.figures], result.notes, time.monotonic() - started


def test_five_megabytes_of_numbers_without_a_sentence_break() -> None:
    numbers = " ".join(f"{i % 997},{i % 1000:03d}" for i in range(600_000))
    page = "The 287(g) unit budget: " + numbers  # ~5 MB, one "sentence"
    amounts, notes, took = scan(page)
    assert amounts == []  # bare numbers in prose are not money
    assert took < 60
    assert notes == ["287(g) is named but no dollar figure goes with it"]


def test_five_megabytes_of_dollar_figures_near_one_mention_only_reads_near_it() -> None:
    page = "The 287(g) unit costs $10,000. " + " ".join(["$5,000"] * 700_000)
    amounts, _, took = scan(page)
    assert amounts[0] == Decimal("10000")
    assert len(amounts) <= 2  # the mention's sentence and the 1,500-character piece after it
    assert took < 60


def test_a_table_of_ten_thousand_rows_with_one_287g_row() -> None:
    rows = [f"Line item {i:05d}        {i * 7 + 1000:,}" for i in range(10_000)]
    rows[6_000] = "Salaries - 287(g) Task Force        412,880"
    amounts, notes, took = scan("\n".join(rows))
    assert amounts == [Decimal("412880")]
    assert notes == []
    assert took < 60


def test_a_table_of_ten_thousand_287g_rows_stops_at_the_candidate_cap() -> None:
    rows = [f"287(g) overtime, week {i}        {i + 1000:,}" for i in range(10_000)]
    amounts, notes, took = scan("\n".join(rows))
    assert len(amounts) == 5000
    assert notes == ["figure search stopped at 5,000 candidates"]
    assert took < 60


def test_one_character_per_line_is_rejoined_by_the_reader_then_searched() -> None:
    phrase = "The 287(g) Task Force revenue of $302,500 was certified."
    body = "\n".join(ch if ch != " " else "" for ch in phrase).encode()
    text = extract_text(body, content_type="text/plain", url=URL)
    found = scan_costs(text, url=URL, doc_date=None).figures
    assert [(f.amount, f.kind) for f in found] == [(Decimal("302500"), "revenue")]


def test_a_page_of_millions_of_short_lines_is_cut_with_a_note() -> None:
    # One character per line that the reader did not rejoin (a format it does not know).
    page = "287(g)\n" + "\n".join("7" for _ in range(MAX_PAGE_LINES + 10_000))
    amounts, notes, took = scan(page, "pdf")
    assert amounts == []
    assert notes[0] == f"figure search stopped at line {MAX_PAGE_LINES:,} of page 1: page too long"
    assert took < 60
