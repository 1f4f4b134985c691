"""Apply one ICE publication to the archive, in one transaction.

A publication is one distinct content of a list. Before it changes anything it must be accepted:
it parses, it is not older than the last accepted one, and (participating list) its row count
has not collapsed. A rejected publication is recorded with its reason and changes nothing else.
The first accepted publication of each list is a baseline: it records agreements, emits nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from .archive import iso, store_blob
from .detect import Absence, Diff, Known, Update, diff_publication
from .errors import ParseError
from .jurisdiction import jurisdiction_county
from .models import AgreementRow, ListKind, ParsedList
from .parse.ice import parse_ice_document

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
    with db.atomic():
        digest = store_blob(db, content, fetched_at)
        existing = db.execute(
            "SELECT id, status, list_kind, row_count, reason FROM publications "
            "WHERE source = ? AND sha256 = ? AND as_of = ?",
            [source, digest, iso(as_of)],
        ).fetchone()
        if existing:
            return Applied("duplicate", existing[0], existing[2], existing[3], existing[4])
        rejected = db.execute(
            "SELECT id, list_kind, row_count, reason FROM publications WHERE source = ? "
            "AND sha256 = ? AND status = 'rejected' ORDER BY id DESC LIMIT 1",
            [source, digest],
        ).fetchone()
        if rejected:  # the same broken bytes again: still rejected, not a second record
            return Applied("rejected", rejected[0], rejected[1], rejected[2], rejected[3])
        for kind in ("participating", "pending"):
            last = _last_accepted(db, source, kind)
            if last and last["sha256"] == digest:  # ICE republished the same list: no change
                return Applied("unchanged", last["id"], kind, last["row_count"])
            seen = _accepted_before(db, source, kind, digest)
            if last and seen and iso(as_of) <= last["as_of"]:  # an old copy replayed again
                return Applied("duplicate", seen[0], kind, seen[1])
        try:
            parsed = parse_ice_document(content, content_type)
        except ParseError as exc:
            pub_id = _insert_publication(
                db, source, url, digest, as_of, fetched_at, None, "rejected", str(exc)
            )
            return Applied("rejected", pub_id, reason=str(exc))
        last = _last_accepted(db, source, parsed.kind)
        reason = _rejection(parsed, last, as_of, rules)
        status = "rejected" if reason else ("accepted" if last else "baseline")
        pub_id = _insert_publication(
            db, source, url, digest, as_of, fetched_at, parsed, status, reason
        )
        result = Applied(status, pub_id, parsed.kind, len(parsed.rows), reason)
        if status == "baseline":
            _insert_baseline(db, source, parsed, pub_id, as_of)
        elif status == "accepted":
            assert last is not None
            diff = diff_publication(
                parsed.kind,
                _known(db, source, parsed.kind),
                parsed.rows,
                debounce=rules.debounce,
                as_of=as_of,
                min_absent=rules.min_absent,
            )
            writer = _Writer(db, source, parsed.kind, pub_id, int(last["id"]), as_of, rules.alert)
            result.event_ids = writer.apply(diff)
        return result


def _rejection(
    parsed: ParsedList, last: dict[str, Any] | None, as_of: dt.datetime, rules: Rules
) -> str | None:
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
    row = db.execute(
        "SELECT id, row_count FROM publications WHERE source = ? AND list_kind = ? "
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


def _known(db: sqlite_utils.Database, source: str, kind: str) -> list[Known]:
    rows = db.execute(
        "SELECT id, key, state, agency, agency_key, support_type, signed, moa_url, content_hash, "
        "status, absent_count, flags, first_absent_at FROM agreements "
        "WHERE source = ? AND list_kind = ?",
        [source, kind],
    ).fetchall()
    return [
        Known(
            id=r[0],
            key=r[1],
            state=r[2],
            agency=r[3],
            agency_key=r[4],
            model=r[5],
            signed=dt.date.fromisoformat(r[6]) if r[6] else None,
            moa_url=r[7],
            content_hash=r[8],
            status=r[9],
            absent_count=r[10],
            flags=tuple(json.loads(r[11])) if r[11] else (),
            first_absent_at=dt.datetime.fromisoformat(r[12]) if r[12] else None,
        )
        for r in rows
    ]


def _insert_baseline(
    db: sqlite_utils.Database, source: str, parsed: ParsedList, pub_id: int, as_of: dt.datetime
) -> None:
    writer = _Writer(db, source, parsed.kind, pub_id, None, as_of, alert=False)
    seen: set[str] = set()
    for row in parsed.rows:
        if row.key not in seen:
            seen.add(row.key)
            writer.insert(row, "baseline")


class _Writer:
    """Writes a Diff: agreements, their history and the events, for one publication."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        source: str,
        kind: ListKind,
        pub_id: int,
        previous_pub_id: int | None,
        as_of: dt.datetime,
        alert: bool,
    ) -> None:
        self.db, self.source, self.kind = db, source, kind
        self.pub_id, self.previous_pub_id = pub_id, previous_pub_id
        self.as_of = iso(as_of) or ""
        self.alert = alert
        self.event_ids: list[int] = []

    def apply(self, diff: Diff) -> list[int]:
        for absence in diff.absences:
            self.absent(absence)
        for update in diff.updates:
            self.update(update)
        for row, event in diff.inserts:
            agreement_id = self.insert(row, "first_seen")
            if event:
                self.event(event, agreement_id, row, detail=self._pending_detail(row, event))
        # Every agreement still listed was seen now: one statement, not one per row.
        self.db.execute(
            "UPDATE agreements SET last_seen_at = ?, last_publication_id = ? "
            "WHERE source = ? AND list_kind = ? AND status = 'active'",
            [self.as_of, self.pub_id, self.source, self.kind],
        )
        return self.event_ids

    def insert(self, row: AgreementRow, change: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO agreements (source, list_kind, key, state, agency, agency_key, "
            "support_type, agency_type, county, jurisdiction_county, signed, moa_url, "
            "addendum_url, content_hash, flags, status, first_seen_at, last_seen_at, "
            "first_publication_id, last_publication_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)",
            [
                self.source,
                self.kind,
                row.key,
                *self._row_values(row),
                self.as_of,
                self.as_of,
                self.pub_id,
                self.pub_id,
            ],
        )
        agreement_id = int(cursor.lastrowid or 0)
        self.history(agreement_id, change, row, "active")
        return agreement_id

    def update(self, update: Update) -> None:
        row, known = update.row, update.known
        if update.change == "unchanged":
            return
        self.db.execute(
            "UPDATE agreements SET key = ?, state = ?, agency = ?, agency_key = ?, "
            "support_type = ?, agency_type = ?, county = ?, jurisdiction_county = ?, signed = ?, "
            "moa_url = ?, addendum_url = ?, content_hash = ?, flags = ?, status = 'active', "
            "absent_count = 0, first_absent_at = NULL, first_absent_publication_id = NULL, "
            "ended_at = NULL WHERE id = ?",
            [row.key, *self._row_values(row), known.id],
        )
        detail = None
        if update.change in ("renamed", "renewal", "correction"):
            detail = {"previous_agency": known.agency, "previous_signed": _date(known.signed)}
        self.history(known.id, update.change, row, "active", detail)
        if update.event:
            self.event(
                update.event,
                known.id,
                row,
                previous_signed=_date(known.signed) if update.event == "renewal" else None,
                previous_agency=known.agency if update.event == "rename" else None,
            )

    def absent(self, absence: Absence) -> None:
        known = absence.known
        # An ending without an event (pending list, retracted listing) is 'left', not 'withdrawn'.
        status = ("withdrawn" if absence.event else "left") if absence.ended else "missing"
        first = absence.absent_count == 1
        self.db.execute(
            "UPDATE agreements SET status = ?, absent_count = ?, "
            "first_absent_at = CASE WHEN ? THEN ? ELSE first_absent_at END, "
            "first_absent_publication_id = "
            "CASE WHEN ? THEN ? ELSE first_absent_publication_id END, "
            "ended_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?",
            [
                status,
                absence.absent_count,
                first,
                self.as_of,
                first,
                self.pub_id,
                absence.ended,
                self.as_of,
                known.id,
            ],
        )
        if first or absence.ended:
            self._absence_history(known, status, absence.absent_count)
        if absence.event:
            self._withdrawal_event(known)

    def _absence_history(self, known: Known, status: str, count: int) -> None:
        self.db.execute(
            "INSERT INTO agreement_history (agreement_id, publication_id, observed_at, change, "
            "agency, signed, moa_url, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                known.id,
                self.pub_id,
                self.as_of,
                "ended" if status != "missing" else "missing",
                known.agency,
                _date(known.signed),
                known.moa_url,
                status,
                json.dumps({"absent_count": count}),
            ],
        )

    def _withdrawal_event(self, known: Known) -> None:
        row = self.db.execute(
            "SELECT agency, county, signed, moa_url, first_absent_at, last_publication_id, "
            "first_absent_publication_id FROM agreements WHERE id = ?",
            [known.id],
        ).fetchone()
        detail = {"confirmed_at": self.as_of, "first_absent_publication_id": row[6]}
        self._insert_event(
            "withdrawal",
            known.id,
            known.state,
            row[0],
            row[1],
            known.model,
            row[2],
            None,
            None,
            row[3],
            row[4] or self.as_of,
            row[5],
            detail,
        )

    def event(
        self,
        event_type: str,
        agreement_id: int,
        row: AgreementRow,
        *,
        previous_signed: str | None = None,
        previous_agency: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self._insert_event(
            event_type,
            agreement_id,
            row.state,
            row.agency,
            row.county,
            row.model,
            _date(row.signed),
            previous_signed,
            previous_agency,
            row.moa_url,
            self.as_of,
            self.previous_pub_id,
            detail,
        )

    def _insert_event(self, event_type: str, agreement_id: int, *values: Any) -> None:
        (
            state,
            agency,
            county,
            model,
            signed,
            previous_signed,
            previous_agency,
            moa_url,
            observed_at,
            previous_pub_id,
            detail,
        ) = values
        cursor = self.db.execute(
            "INSERT INTO events (source, type, agreement_id, state, agency, county, support_type, "
            "signed, previous_signed, previous_agency, moa_url, observed_at, publication_id, "
            "previous_publication_id, alert, detail, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                self.source,
                event_type,
                agreement_id,
                state,
                agency,
                county,
                model,
                signed,
                previous_signed,
                previous_agency,
                moa_url,
                observed_at,
                self.pub_id,
                previous_pub_id,
                int(self.alert),
                json.dumps(detail) if detail else None,
                iso(dt.datetime.now(dt.UTC)),
            ],
        )
        self.event_ids.append(int(cursor.lastrowid or 0))

    def history(
        self,
        agreement_id: int,
        change: str,
        row: AgreementRow,
        status: str,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO agreement_history (agreement_id, publication_id, observed_at, change, "
            "agency, signed, moa_url, addendum_url, county, status, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                agreement_id,
                self.pub_id,
                self.as_of,
                change,
                row.agency,
                _date(row.signed),
                row.moa_url,
                row.addendum_url,
                row.county,
                status,
                json.dumps(detail) if detail else None,
            ],
        )

    def _pending_detail(self, row: AgreementRow, event: str) -> dict[str, Any] | None:
        if event != "new":
            return None
        found = self.db.execute(
            "SELECT first_seen_at FROM agreements WHERE source = ? AND list_kind = 'pending' "
            "AND key = ?",
            [self.source, row.key],
        ).fetchone()
        return {"pending_since": found[0]} if found else None

    @staticmethod
    def _row_values(row: AgreementRow) -> list[Any]:
        return [
            row.state,
            row.agency,
            row.agency_key,
            row.model,
            row.agency_type,
            row.county,
            jurisdiction_county(row.county, row.agency),
            _date(row.signed),
            row.moa_url,
            row.addendum_url,
            row.content_hash(),
            json.dumps(list(row.flags)) if row.flags else None,
        ]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
