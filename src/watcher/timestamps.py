"""The one timestamp format of the archive: UTC, second precision, ISO 8601 text.

Every stored moment goes through :func:`iso`, so timestamps written by the ICE, document and
alert stages compare as text. Imports nothing from watcher.
"""

from __future__ import annotations

import datetime as dt
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
