"""The one timestamp format of the archive: UTC, second precision, ISO 8601 text.

Every stored moment goes through :func:`iso`, so timestamps written by the ICE, document and
alert stages compare as text. Imports nothing from watcher.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import overload


@overload
def iso(moment: dt.datetime | dt.date) -> str: ...


@overload
def iso(moment: None) -> None: ...


@overload
def iso(moment: dt.datetime | dt.date | None) -> str | None: ...


def iso(moment: dt.datetime | dt.date | None) -> str | None:
    """``2026-12-02T03:16:44+00:00`` for a moment (naive means UTC), ``2026-12-02`` for a
    date, None for None."""
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).isoformat(timespec="seconds")
    return moment.isoformat()


def utc_now() -> dt.datetime:
    """Now, in UTC, to the second: the precision :func:`iso` stores."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def now_iso() -> str:
    """Now as the archive stores it."""
    return iso(utc_now())


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """The wait an HTTP ``Retry-After`` header asks for, in seconds: either form of RFC 9110
    (delay-seconds or an HTTP-date); None when absent or unreadable, 0 for a date passed."""
    text = (value or "").strip()
    if not text or len(text) > 64:
        return None
    if text.isascii() and text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())
