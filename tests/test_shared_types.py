"""One type per idea: the timestamp format, the state table, the cost figure alerts carry, and
the outbox's named rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from datetime import UTC, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path

import pytest
from tests.smtp_server import make_event

from watcher.alerts import enqueue_events, enqueue_operator_alert, subscribe, unsubscribe
from watcher.alerts.enrich import FIGURE_FIELDS, local_cost_figures
from watcher.alerts.sending import Due, due_rows
from watcher.config import Jurisdiction
from watcher.costs import CostFigure, ExtractedText, find_cost_figures
from watcher.documents.apply import apply_document
from watcher.ice.parse.normalize import state_code
from watcher.law.data import StateLawTable
from watcher.states import STATE_NAMES, US_STATES, state_label
from watcher.store.archive import ensure_source, open_archive
from watcher.timestamps import iso

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)


def test_iso_is_utc_to_the_second() -> None:
    eastern = timezone(timedelta(hours=-5))
    assert iso(datetime(2025, 3, 10, 10, 0, 59, 999999, tzinfo=eastern)) == (
        "2025-03-10T15:00:59+00:00"
    )
    assert iso(datetime(2025, 3, 10, 15, 0)) == "2025-03-10T15:00:00+00:00"  # naive = UTC
    assert iso(dt.date(2025, 3, 10)) == "2025-03-10"
    assert iso(None) is None


def test_state_table_names_and_codes() -> None:
    assert len(US_STATES) == 56  # 50 states, DC and five territories
    assert state_label("TX") == "Texas (TX)"
    assert state_label("VI") == "U.S. Virgin Islands (VI)"
    assert state_label("XX") == "XX"
    # The ICE parser reads the same table, names and codes alike.
    assert state_code("Texas") == ("TX", None)
    assert state_code("district of columbia") == ("DC", None)
    assert state_code("Washington DC") == ("DC", None)  # an ICE spelling
    assert {state_code(name.upper())[0] for name in STATE_NAMES.values()} == US_STATES


def test_state_law_names_come_from_the_one_table() -> None:
    raw = json.loads(
        resources.files("watcher").joinpath("data", "state_law.json").read_text(encoding="utf-8")
    )
    table = StateLawTable.model_validate(raw)
    assert {code: entry.name for code, entry in table.states.items()} == {
        code: STATE_NAMES[code] for code in table.states
    }
    raw["states"]["TX"]["name"] = "Tejas"
    with pytest.raises(ValueError, match="entry TX is named 'Tejas', not 'Texas'"):
        StateLawTable.model_validate(raw)


def test_alerts_carry_fields_of_the_one_cost_figure(tmp_path: Path) -> None:
    assert set(FIGURE_FIELDS) <= {field.name for field in dataclasses.fields(CostFigure)}
    db = open_archive(tmp_path / "a.db")
    ensure_source(db, "hays", "document", "https://hays.example/budget")
    text = b"The Sheriff's 287(g) Task Force costs $96,000 in FY2026 for overtime."
    url = "https://hays.example/budget.txt"
    apply_document(
        db, source="hays", url=url, content=text, content_type="text/plain",
        jurisdiction=Jurisdiction(state="TX", county="Hays", agency="Hays County Sheriff"),
        fetched_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC), doc_date=dt.date(2025, 12, 1),
    )  # fmt: skip
    (found,) = find_cost_figures(
        ExtractedText(pages=[text.decode()], format="text"), url=url, doc_date=dt.date(2025, 12, 1)
    )
    (carried,) = local_cost_figures(db, "TX", "hays")
    assert carried == {
        "amount": float(found.amount),
        "kind": found.kind,
        "fiscal_year": found.fiscal_year,
        "period": found.period,
        "sentence": found.sentence,
        "url": url,
        "page": found.page,
        "doc_date": "2025-12-01",
        "agency": "Hays County Sheriff",
    }
    assert (carried["amount"], carried["fiscal_year"]) == (96000.0, "FY2026")
    assert local_cost_figures(db, "TX", None) == []


def test_outbox_rows_have_names(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "a.db")
    sub = subscribe(db, "reader@example.org", states=["TX"], now=NOW)
    gone = subscribe(db, "gone@example.org", states=["TX"], now=NOW)
    assert enqueue_events(db, [make_event(7)], now=NOW) == 2
    unsubscribe(db, gone.email, now=NOW)
    enqueue_operator_alert(db, key="k", subject="s", body="b", now=NOW, to="ops@example.org")
    rows = due_rows(db, iso(NOW), 0, 10)
    assert [(r.kind, r.to_addr, r.event_id, r.active) for r in rows] == [
        ("event", "reader@example.org", 7, True),
        ("event", "gone@example.org", 7, False),
        ("operator", "ops@example.org", None, True),
    ]
    first = rows[0]
    assert isinstance(first, Due)
    assert (first.subscriber_id, first.token, first.attempts) == (sub.id, sub.token, 0)
    assert first.permanent_failures == 0
    assert due_rows(db, iso(NOW - timedelta(seconds=1)), 0, 10) == []
    assert [r.id for r in due_rows(db, iso(NOW), rows[0].id, 1)] == [rows[1].id]
