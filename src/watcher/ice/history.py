"""Write what one publication changed: agreements, their history, and the events."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlite_utils

from watcher.ice.detect import Absence, Diff, Known, Update
from watcher.ice.jurisdiction import locate
from watcher.ice.models import AgreementRow, ListKind
from watcher.timestamps import iso


class Writer:
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
        # History rows go in with one executemany at the end: a backfill writes thousands.
        self._history: list[tuple[Any, ...]] = []

    def apply(self, diff: Diff) -> list[int]:
        # An agreement listed until now was last seen with the list's previous publication:
        # that becomes its own row (read by the withdrawal event below).
        self.db.conn.executemany(
            _LAST_LISTED_SQL,
            [
                (a.known.id, self.source, self.kind)
                for a in diff.absences
                if a.known.status == "active"
            ],
        )
        # Agreements missing for a while are absent list after list (6,811 times in 2025's
        # replay): their rows are updated in one statement, then their history and events.
        self.db.conn.executemany(_ABSENT_SQL, [self._absent_values(a) for a in diff.absences])
        for absence in diff.absences:
            self._absent_record(absence)
        for update in diff.updates:
            self.update(update)
        for row, event in diff.inserts:
            agreement_id = self.insert(row, "first_seen")
            if event:
                self.event(event, agreement_id, row, detail=self._pending_detail(row, event))
        self.listed()
        self.flush()
        return self.event_ids

    def listed(self) -> None:
        """Every agreement still listed (status active) was seen now: one row for the list,
        which the view agreement_last_seen gives each of them."""
        self.db.execute(
            "INSERT INTO list_last_seen (source, list_kind, last_seen_at, last_publication_id) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (source, list_kind) DO UPDATE SET "
            "last_seen_at = excluded.last_seen_at, "
            "last_publication_id = excluded.last_publication_id",
            [self.source, self.kind, self.as_of, self.pub_id],
        )

    def flush(self) -> None:
        if self._history:
            self.db.conn.executemany(
                "INSERT INTO agreement_history (agreement_id, publication_id, observed_at, "
                "change, agency, signed, moa_url, addendum_url, county, status, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._history,
            )
            self._history.clear()

    def insert(self, row: AgreementRow, change: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO agreements (source, list_kind, key, state, agency, agency_key, "
            "support_type, agency_type, county, jurisdiction_county, signed, moa_url, "
            "addendum_url, content_hash, flags, county_fips, jurisdiction_basis, status, "
            "first_seen_at, first_publication_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
            [self.source, self.kind, row.key, *self._row_values(row), self.as_of, self.pub_id],
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
            "moa_url = ?, addendum_url = ?, content_hash = ?, flags = ?, county_fips = ?, "
            "jurisdiction_basis = ?, status = 'active', "
            "absent_count = 0, first_absent_at = NULL, first_absent_publication_id = NULL, "
            "ended_at = NULL WHERE id = ?",
            [row.key, *self._row_values(row), known.id],
        )
        detail = _update_detail(update)
        self.history(known.id, update.change, row, "active", detail)
        if update.event:
            self.event(
                update.event,
                known.id,
                row,
                previous_signed=_date(known.signed) if update.event == "renewal" else None,
                previous_agency=known.agency if update.event in ("rename", "relabel") else None,
                detail=detail if update.event == "relabel" or update.by_moa else None,
            )

    def _absent_values(self, absence: Absence) -> list[Any]:
        first = absence.absent_count == 1
        return [
            _absent_status(absence),
            absence.absent_count,
            first,
            self.as_of,
            first,
            self.pub_id,
            absence.ended,
            self.as_of,
            absence.known.id,
        ]

    def _absent_record(self, absence: Absence) -> None:
        """History and event of an absence whose row is already updated."""
        if absence.absent_count == 1 or absence.ended:
            self._absence_history(absence.known, _absent_status(absence), absence.absent_count)
        if absence.event:
            self._withdrawal_event(absence.known, absence.together)

    def _absence_history(self, known: Known, status: str, count: int) -> None:
        self._history.append(
            (
                known.id,
                self.pub_id,
                self.as_of,
                "ended" if status != "missing" else "missing",
                known.agency,
                _date(known.signed),
                known.moa_url,
                None,
                None,
                status,
                json.dumps({"absent_count": count}),
            )
        )

    def _withdrawal_event(self, known: Known, together: int) -> None:
        row = self.db.execute(
            "SELECT agency, county, signed, moa_url, first_absent_at, s.last_publication_id, "
            "first_absent_publication_id FROM agreements a "
            "JOIN agreement_last_seen s ON s.agreement_id = a.id WHERE a.id = ?",
            [known.id],
        ).fetchone()
        detail = {
            "confirmed_at": self.as_of,
            "first_absent_publication_id": row[6],
            "vanished_with": together,  # agreements gone from the same list at the same time
        }
        agency, county, signed, moa_url, first_absent_at, last_listed, _ = row
        self._insert_event(
            "withdrawal",
            known.id,
            state=known.state,
            agency=agency,
            county=county,
            model=known.model,
            signed=signed,
            moa_url=moa_url,
            observed_at=first_absent_at or self.as_of,
            previous_pub_id=last_listed,
            detail=detail,
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
            state=row.state,
            agency=row.agency,
            county=row.county,
            model=row.model,
            signed=_date(row.signed),
            moa_url=row.moa_url,
            observed_at=self.as_of,
            previous_pub_id=self.previous_pub_id,
            previous_signed=previous_signed,
            previous_agency=previous_agency,
            detail=detail,
        )

    def _insert_event(
        self,
        event_type: str,
        agreement_id: int,
        *,
        state: str,
        agency: str,
        county: str | None,
        model: str,
        signed: str | None,
        moa_url: str | None,
        observed_at: str,
        previous_pub_id: int | None,
        previous_signed: str | None = None,
        previous_agency: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
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
        self._history.append(
            (
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
            )
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
        found, county = locate(row.state, row.agency, row.agency_type, row.county)
        return [
            row.state,
            row.agency,
            row.agency_key,
            row.model,
            row.agency_type,
            row.county,
            county,
            _date(row.signed),
            row.moa_url,
            row.addendum_url,
            row.content_hash(),
            json.dumps(list(row.flags)) if row.flags else None,
            found.county_fips,
            found.basis,
        ]


_LAST_LISTED_SQL = (
    "INSERT OR REPLACE INTO agreement_last_listed (agreement_id, last_seen_at, "
    "last_publication_id) SELECT ?, last_seen_at, last_publication_id FROM list_last_seen "
    "WHERE source = ? AND list_kind = ?"
)
_ABSENT_SQL = (
    "UPDATE agreements SET status = ?, absent_count = ?, "
    "first_absent_at = CASE WHEN ? THEN ? ELSE first_absent_at END, "
    "first_absent_publication_id = CASE WHEN ? THEN ? ELSE first_absent_publication_id END, "
    "ended_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?"
)


def _absent_status(absence: Absence) -> str:
    # An ending without an event (pending list, retracted listing) is 'left', not 'withdrawn'.
    if not absence.ended:
        return "missing"
    return "withdrawn" if absence.event else "left"


def _update_detail(update: Update) -> dict[str, Any] | None:
    """What the history (and a relabel or MOA renewal event) keeps of the previous listing."""
    known, row = update.known, update.row
    if update.change in ("renamed", "renewal", "correction", "relabeled"):
        detail: dict[str, Any] = {
            "previous_agency": known.agency,
            "previous_signed": _date(known.signed),
        }
        if update.change == "relabeled":
            detail["previous_county"] = known.county
            detail["correction"] = "ICE corrected the agency and county of this listing"
        if update.by_moa:
            detail["previous_moa_url"] = known.moa_url
            detail["moa_confirmed"] = known.moa_url == row.moa_url  # held, then still linked
        return detail
    if update.change in ("link_correction", "link_held"):
        return {"previous_moa_url": known.moa_url}
    return None


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
