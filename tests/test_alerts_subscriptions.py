"""Subscriptions: validation, updates, matching, and memory with 100,000 subscribers."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils
from tests.smtp_server import make_event

from watcher.alerts import (
    SubscriptionError,
    enqueue_events,
    get_subscriber,
    subscribe,
    unsubscribe,
)
from watcher.alerts.subscriptions import matches
from watcher.store.archive import open_archive

NOW = datetime(2025, 3, 10, 15, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_archive(tmp_path / "archive.db")
    return database


def _count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM subscribers").fetchone()[0])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"email": "not-an-address"}, "invalid email address"),
        ({"email": "a@example.org", "states": ["ZZ"]}, "unknown state ZZ"),
        ({"email": "a@example.org", "types": ["promotion"]}, "unknown event type promotion"),
        ({"email": "a@example.org", "cadence": "hourly"}, "unknown cadence"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(
    db: sqlite_utils.Database, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(SubscriptionError, match=message):
        subscribe(db, **kwargs)  # type: ignore[arg-type]
    assert _count(db) == 0


def test_subscribing_again_updates(db: sqlite_utils.Database) -> None:
    first = subscribe(db, "Ana@Example.org", states=["tx"], now=NOW)
    assert first.confirmed and first.states == ("TX",) and len(first.token) >= 40
    second = subscribe(db, "ana@example.org", types=["new", "renewal"], cadence="weekly")
    assert _count(db) == 1
    assert second.id == first.id and second.token == first.token
    assert second.states == () and second.types == ("new", "renewal")
    assert second.cadence == "weekly" and second.created_at == first.created_at


def test_unsubscribe_by_email_or_token_and_resubscribe(db: sqlite_utils.Database) -> None:
    sub = subscribe(db, "a@example.org")
    assert unsubscribe(db, sub.token)
    assert not unsubscribe(db, "a@example.org")
    assert not unsubscribe(db, "nobody@example.org")
    again = subscribe(db, "a@example.org")
    assert again.unsubscribed_at is None
    assert unsubscribe(db, "A@EXAMPLE.ORG")
    assert get_subscriber(db, "a@example.org") is not None


def test_tokens_are_unguessable_and_distinct(db: sqlite_utils.Database) -> None:
    tokens = {subscribe(db, f"u{n}@example.org").token for n in range(20)}
    assert len(tokens) == 20


def test_county_and_agency_matching(db: sqlite_utils.Database) -> None:
    event = make_event(county="Galveston County", agency="Galveston County Sheriff's Office")
    cases = {
        "c1@example.org": ({"counties": ["galveston"]}, True),
        "c2@example.org": ({"counties": ["Galveston County"]}, True),
        "c3@example.org": ({"counties": ["Gal"]}, False),
        "c4@example.org": ({"counties": ["Harris"]}, False),
        "a1@example.org": ({"agencies": ["sheriff's office"]}, True),
        "a2@example.org": ({"agencies": ["Police"]}, False),
        "t1@example.org": ({"types": ["new"], "states": ["TX"]}, True),
        "t2@example.org": ({"types": ["new"], "states": ["FL"]}, False),
    }
    for email, (filters, expected) in cases.items():
        sub = subscribe(db, email, **filters)  # type: ignore[arg-type]
        assert matches(sub, event) is expected, email
    plain = make_event(county=None)
    assert matches(subscribe(db, "all@example.org"), plain)
    assert not matches(subscribe(db, "c5@example.org", counties=["Galveston"]), plain)


def _fill(db: sqlite_utils.Database, count: int) -> None:
    # No state filter, so SQL cannot skip them: every row is read and matched in Python.
    rows = ((f"user{n}@example.org", f"tok{n}", "2025-01-01") for n in range(count))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO subscribers (email, counties, token, created_at, updated_at, confirmed) "
            "VALUES (?, '[\"Harris\"]', ?, ?, ?3, 1)",
            rows,
        )


def test_100k_subscribers_stream_in_bounded_memory(db: sqlite_utils.Database) -> None:
    _fill(db, 100_000)
    subscribe(db, "tx@example.org", states=["TX"])
    tracemalloc.start()
    try:
        added = enqueue_events(db, [make_event()], now=NOW)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert added == 1
    assert _count(db) == 100_001
    # Loading all 100,000 subscribers at once takes well over 50 MB; paging stays near 2.
    assert peak < 8 * 1024 * 1024, peak
