"""Apply one ICE publication to the archive, in one transaction.

A publication is one distinct content of a list. Before it changes anything it must be accepted:
it parses, it is not older than the last accepted one, and (participating list) its row count
has not collapsed. A rejected publication is recorded with its reason and changes nothing else.
The first accepted publication of each list is a baseline: it records agreements, emits nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from watcher.errors import ParseError, WatcherError
from watcher.ice.detect import diff_publication
from watcher.ice.evidence import held_links, moa_evidence, record_held
from watcher.ice.history import Writer
from watcher.ice.index import AGREEMENT_INDEX, changes
from watcher.ice.jurisdiction import FIPS_FILL
from watcher.ice.models import ParsedList
from watcher.ice.parse.workbook import parse_ice_document
from watcher.store.archive import store_blob
from watcher.timestamps import iso

# A list that reverts to an older layout and loses this share of rows is a stale copy.
LAYOUT_REVERT_SHARE = 0.9
# More future-signed rows than this (3, or 1% of the list) mean the list's date is wrong.
MISDATED_GRACE = dt.timedelta(days=2)
MISDATED_MIN_ROWS = 3
MISDATED_SHARE = 0.01


@dataclass(frozen=True)
class Rules:
    debounce: Callable[[str], int]
    min_row_share: float = 0.7
    min_row_share_pending: float | None = None
    alert: bool = True  # False for backfills: events are history and queue no alerts
    min_absent: dt.timedelta = dt.timedelta(days=3)
    # The ceiling beside the floor: a participating list growing by both this share and this
    # many rows at once, or any list over max_rows, is held for the operator.
    max_growth_share: float = 0.5
    max_growth_rows: int = 200
    max_rows: int = 50_000


@dataclass
class Applied:
    status: str  # accepted, baseline, rejected, duplicate, unchanged
    publication_id: int | None = None
    list_kind: str | None = None
    row_count: int | None = None
    reason: str | None = None
    event_ids: list[int] = field(default_factory=list)


def apply_publication(
    db: sqlite_utils.Database,
    *,
    source: str,
    content: bytes,
    url: str | None,
    as_of: dt.datetime,
    fetched_at: dt.datetime,
    rules: Rules,
    content_type: str | None = None,
) -> Applied:
    """Parse, judge and apply one publication; the archive is unchanged if anything fails."""
    index_update: Callable[[], None] | None = None
    filled: Callable[[], None] | None = None
    with db.atomic():
        digest = store_blob(db, content, fetched_at)
        seen, lasts = _seen_before(db, source, digest, as_of)
        if seen is not None:
            return seen
        try:
            parsed = parse_ice_document(content, content_type)
        except ParseError as exc:
            pub_id = _insert_publication(
                db, source, url, digest, as_of, fetched_at, None, "rejected", str(exc)
            )
            return Applied("rejected", pub_id, reason=str(exc))
        last = lasts[parsed.kind]
        reason = _rejection(parsed, last, as_of, rules)
        status = "rejected" if reason else ("accepted" if last else "baseline")
        pub_id = _insert_publication(
            db, source, url, digest, as_of, fetched_at, parsed, status, reason
        )
        result = Applied(status, pub_id, parsed.kind, len(parsed.rows), reason)
        if status != "rejected":
            index_update = _apply_parsed(db, source, parsed, pub_id, last, as_of, rules, result)
            filled = FIPS_FILL.run(db)  # agreements stored before FIPS codes were kept
    # Only once the transaction committed may the in-memory index follow it.
    if filled is not None:
        filled()
    if index_update is not None:
        index_update()
        AGREEMENT_INDEX.committed(db)
    return result


def _apply_parsed(
    db: sqlite_utils.Database,
    source: str,
    parsed: ParsedList,
    pub_id: int,
    last: dict[str, Any] | None,
    as_of: dt.datetime,
    rules: Rules,
    result: Applied,
) -> Callable[[], None]:
    """Write an accepted publication (a baseline when ``last`` is None); returns how the
    in-memory index follows once the transaction has committed."""
    if last is None:
        _insert_baseline(db, source, parsed, pub_id, as_of)
        return functools.partial(AGREEMENT_INDEX.drop, source, parsed.kind)
    index = AGREEMENT_INDEX.get(db, source, parsed.kind)
    previous = AGREEMENT_INDEX.listed(source, parsed.kind)
    held = held_links(db, source, parsed.kind)
    known, changed = changes(db, source, parsed.kind, parsed.rows, index, frozenset(held), previous)
    moa = moa_evidence(db, source, parsed.kind, known, changed, parsed.rows, held)
    diff = diff_publication(
        parsed.kind,
        known,
        changed,
        debounce=rules.debounce,
        as_of=as_of,
        min_absent=rules.min_absent,
        listed=parsed.rows,
        moa=moa,
    )
    writer = Writer(db, source, parsed.kind, pub_id, int(last["id"]), as_of, rules.alert)
    result.event_ids = writer.apply(diff)
    record_held(db, diff, pub_id, moa.foreign_moves)
    return functools.partial(AGREEMENT_INDEX.follow, index, source, parsed.kind, parsed.rows, diff)


class NotAcceptable(WatcherError):
    """A publication the operator asked to accept cannot be."""


def accept_rejected(db: sqlite_utils.Database, publication_id: int, rules: Rules) -> Applied:
    """The operator's word that a rejected list is real (ICE did cut a third of it, say).

    It is applied as if it had just been accepted, at its own as-of time; a list that does not
    parse, or is older than the last accepted list, cannot be accepted.
    """
    with db.atomic():
        row = db.execute(
            "SELECT p.source, p.as_of, p.status, p.reason, b.content FROM publications p "
            "JOIN blobs b ON b.sha256 = p.sha256 WHERE p.id = ?",
            [publication_id],
        ).fetchone()
        if row is None:
            raise NotAcceptable(f"no publication #{publication_id}")
        source, as_of_text, status, reason, content = row
        if status != "rejected":
            raise NotAcceptable(f"publication #{publication_id} is {status}, not rejected")
        try:
            parsed = parse_ice_document(bytes(content))
        except ParseError as exc:
            raise NotAcceptable(f"publication #{publication_id} does not parse: {exc}") from None
        as_of = dt.datetime.fromisoformat(as_of_text)
        last = _last_accepted(db, source, parsed.kind)
        if last and as_of_text < last["as_of"]:
            raise NotAcceptable(
                f"publication #{publication_id} ({as_of_text}) is older than the last accepted "
                f"{parsed.kind} list ({last['as_of']}): accepting it would rewind the archive"
            )
        new_status = "accepted" if last else "baseline"
        db.execute(
            "UPDATE publications SET status = ?, reason = ? WHERE id = ?",
            [new_status, f"accepted by the operator; had been rejected: {reason}", publication_id],
        )
        result = Applied(new_status, publication_id, parsed.kind, len(parsed.rows))
        index_update = _apply_parsed(db, source, parsed, publication_id, last, as_of, rules, result)
    index_update()
    AGREEMENT_INDEX.committed(db)
    return result


def _seen_before(
    db: sqlite_utils.Database, source: str, digest: str, as_of: dt.datetime
) -> tuple[Applied | None, dict[str, dict[str, Any] | None]]:
    """The answer for bytes this source has had before, or None for new content; with the
    last accepted publication of each list (read here anyway, and needed next)."""
    existing = db.execute(
        "SELECT id, status, list_kind, row_count, reason FROM publications "
        "WHERE source = ? AND sha256 = ? AND as_of = ?",
        [source, digest, iso(as_of)],
    ).fetchone()
    lasts: dict[str, dict[str, Any] | None] = {}
    if existing:
        return Applied("duplicate", existing[0], existing[2], existing[3], existing[4]), lasts
    rejected = db.execute(
        "SELECT id, list_kind, row_count, reason FROM publications WHERE source = ? "
        "AND sha256 = ? AND status = 'rejected' ORDER BY id DESC LIMIT 1",
        [source, digest],
    ).fetchone()
    if rejected:  # the same broken bytes again: still rejected, not a second record
        return Applied("rejected", rejected[0], rejected[1], rejected[2], rejected[3]), lasts
    for kind in ("participating", "pending"):
        last = lasts[kind] = _last_accepted(db, source, kind)
        if last and last["sha256"] == digest:  # ICE republished the same list: no change
            return Applied("unchanged", last["id"], kind, last["row_count"]), lasts
        seen = _accepted_before(db, source, kind, digest) if last else None
        if last and seen and iso(as_of) <= last["as_of"]:  # an old copy replayed again
            return Applied("duplicate", seen[0], kind, seen[1]), lasts
    return None, lasts


def _rejection(
    parsed: ParsedList, last: dict[str, Any] | None, as_of: dt.datetime, rules: Rules
) -> str | None:
    ceiling = _over_ceiling(parsed, last, rules)
    if ceiling:
        return ceiling
    if last is None:
        if parsed.kind == "participating" and not parsed.rows:
            return "empty participating list: nothing to take as a baseline"
        return None
    misdated = _misdated(parsed, as_of)
    if misdated:
        return misdated
    if iso(as_of) < last["as_of"]:
        return f"older than the last accepted {parsed.kind} list (as of {last['as_of']})"
    floor = rules.min_row_share if parsed.kind == "participating" else rules.min_row_share_pending
    before, now = int(last["row_count"] or 0), len(parsed.rows)
    share = now / before if before else 1.0
    if floor is not None and share < floor:
        return (
            f"row count fell to {now} from {before} in the last accepted list "
            f"({share:.0%}, below the {floor:.0%} floor): likely a broken or partial list"
        )
    if _layout_rank(parsed.layout) < _layout_rank(last["layout"]) and share < LAYOUT_REVERT_SHARE:
        return (
            f"layout reverted from {last['layout']} to {parsed.layout} and rows fell to "
            f"{now} from {before}: likely a stale copy"
        )
    return None


def _over_ceiling(parsed: ParsedList, last: dict[str, Any] | None, rules: Rules) -> str | None:
    """A list far larger than the last is held, not applied: thousands of `new` events and
    emails from one broken or hostile file would be the loudest false alarm of all."""
    now = len(parsed.rows)
    if now > rules.max_rows:
        return f"suspicious publication: {now} rows, over the {rules.max_rows}-row cap for any list"
    if last is None or parsed.kind != "participating":
        return None
    before = int(last["row_count"] or 0)
    grown = now - before
    if grown > rules.max_growth_rows and grown > rules.max_growth_share * before:
        return (
            f"suspicious publication: row count grew to {now} from {before} in the last "
            f"accepted list (+{grown}, over both +{rules.max_growth_share:.0%} and "
            f"+{rules.max_growth_rows} rows at once)"
        )
    return None


def _misdated(parsed: ParsedList, as_of: dt.datetime) -> str | None:
    """A list holding many agreements signed after its own date is not from that date.

    ICE's file names carry typos (08022025 for 09022025); a backfill that trusts them would
    put a September list in August, then read its rows vanishing as withdrawals.
    """
    limit = as_of.date() + MISDATED_GRACE
    future = [row.signed for row in parsed.rows if row.signed and row.signed > limit]
    if len(future) > max(MISDATED_MIN_ROWS, MISDATED_SHARE * len(parsed.rows)):
        return (
            f"misdated: {len(future)} rows are signed after the list's date {as_of.date()} "
            f"(latest {max(future)}); the file's date is probably a typo"
        )
    return None


def _layout_rank(layout: str | None) -> int:
    digits = "".join(ch for ch in (layout or "") if ch.isdigit())
    return int(digits) if digits else 0


def _last_accepted(db: sqlite_utils.Database, source: str, kind: str) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT id, sha256, as_of, row_count, layout FROM publications "
        "WHERE source = ? AND list_kind = ? AND status IN ('accepted', 'baseline') "
        "ORDER BY as_of DESC, id DESC LIMIT 1",
        [source, kind],
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "sha256", "as_of", "row_count", "layout"), row, strict=True))


def _accepted_before(
    db: sqlite_utils.Database, source: str, kind: str, digest: str
) -> tuple[int, int] | None:
    # "+list_kind": look the digest up by the (source, sha256, as_of) index, a row or two, not
    # by the list's index, every accepted list of which would be read (the same answer).
    row = db.execute(
        "SELECT id, row_count FROM publications WHERE source = ? AND +list_kind = ? "
        "AND sha256 = ? AND status IN ('accepted', 'baseline') ORDER BY id DESC LIMIT 1",
        [source, kind, digest],
    ).fetchone()
    return (int(row[0]), int(row[1] or 0)) if row else None


def _insert_publication(
    db: sqlite_utils.Database,
    source: str,
    url: str | None,
    digest: str,
    as_of: dt.datetime,
    fetched_at: dt.datetime,
    parsed: ParsedList | None,
    status: str,
    reason: str | None,
) -> int:
    cursor = db.execute(
        "INSERT INTO publications (source, url, sha256, as_of, fetched_at, list_kind, layout, "
        "row_count, status, reason, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source,
            url,
            digest,
            iso(as_of),
            iso(fetched_at),
            parsed.kind if parsed else None,
            parsed.layout if parsed else None,
            len(parsed.rows) if parsed else None,
            status,
            reason,
            json.dumps(parsed.warnings) if parsed and parsed.warnings else None,
        ],
    )
    return int(cursor.lastrowid or 0)


def _insert_baseline(
    db: sqlite_utils.Database, source: str, parsed: ParsedList, pub_id: int, as_of: dt.datetime
) -> None:
    writer = Writer(db, source, parsed.kind, pub_id, None, as_of, alert=False)
    seen: set[str] = set()
    for row in parsed.rows:
        if row.key not in seen:
            seen.add(row.key)
            writer.insert(row, "baseline")
    writer.listed()
    writer.flush()
