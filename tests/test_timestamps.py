"""The archive's one timestamp format and the reading of Retry-After headers."""

from __future__ import annotations

import datetime as dt

import pytest

from watcher.timestamps import iso, retry_after_seconds

NOW = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.UTC)


def test_iso_is_utc_to_the_second() -> None:
    eastern = dt.timezone(dt.timedelta(hours=-5))
    assert iso(dt.datetime(2026, 12, 2, 1, 30, 15, 999, tzinfo=eastern)) == (
        "2026-12-02T06:30:15+00:00"
    )
    assert iso(dt.date(2026, 12, 2)) == "2026-12-02"
    assert iso(None) is None


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("Wed, 02 Dec 2026 06:40:00 GMT", 600.0),  # an HTTP-date: ten minutes after NOW
        ("Wed, 02 Dec 2026 06:00:00 GMT", 0.0),  # a date passed: go now
        ("", None),
        (None, None),
        ("-5", None),
        ("soon", None),
        ("\u0661\u0662", None),  # Arabic-Indic digits are digits to str.isdigit, not to HTTP
        ("9" * 100, None),
    ],
)
def test_retry_after_in_either_form(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, NOW) == seconds
