"""Compare one accepted publication with what the archive knows; decide what changed.

Pure logic: :func:`diff_publication` takes the agreements the archive holds for a list and the
rows of a new publication, and returns the changes to apply. It never touches the database, so
every rule here is unit-tested on plain values. The rules that protect readers:

* an agreement is ``state + normalised agency + model`` (``AgreementRow.key``);
* a vanished agreement only becomes a withdrawal after ``debounce(state)`` consecutive accepted
  publications without it; one that comes back earlier emits nothing;
* a vanished agreement matched by a new one in the same state, with the same model, the same
  SIGNED date and a similar name is a rename, not a withdrawal plus an addition;
* a vanished agreement and a new one with the same state, model and SIGNED date that share
  the place's word (Haskell Police Department -> Haskell County Sheriff's Office), and only
  each other, are ICE correcting its listing: a relabel, not a withdrawal plus an addition;
* a SIGNED date moved back, by 30 days or less, by exactly one year, or away from a repaired
  value is ICE correcting a typo, not a renewal; a moved MOA link is judged in ``ice.moa``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from watcher.ice.moa import CORRECTION_WINDOW, MoaEvidence, judge_link, moa_document_name
from watcher.ice.models import AgreementRow, ListKind
from watcher.ice.names import RENAME_THRESHOLD, SAME_AGENCY, name_similarity, place_words


@dataclass(frozen=True)
class Known:
    """An agreement as the archive holds it before this publication."""

    id: int
    key: str
    state: str
    agency: str
    agency_key: str
    model: str
    signed: dt.date | None
    moa_url: str | None
    content_hash: str
    status: str  # active, missing, withdrawn, left
    absent_count: int
    flags: tuple[str, ...] = ()
    first_absent_at: dt.datetime | None = None
    county: str | None = None


@dataclass(frozen=True)
class Update:
    known: Known
    row: AgreementRow
    # renamed, relabeled, renewal, correction, link_correction, link_held, updated, returned,
    # reinstated, unchanged
    change: str
    event: str | None  # the event type to emit, if any
    by_moa: bool = False  # a renewal shown by a new MOA file (SIGNED unchanged)


@dataclass(frozen=True)
class Absence:
    known: Known
    absent_count: int
    ended: bool  # reached the debounce: withdrawal (participating) or left (pending)
    event: str | None
    together: int = 1  # agreements that vanished from the same list at the same time


# Many agreements vanishing from one list at once is how ICE's broken lists look (1,012 of
# 1,582 on 1 Jan 2026, back nine days later); real withdrawals come a few at a time. Such a
# group needs twice the absences and twice the days before anyone is told.
MASS_ABSENCE_MIN = 10
MASS_ABSENCE_SHARE = 0.03


@dataclass
class Diff:
    inserts: list[tuple[AgreementRow, str | None]] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    # agreements whose held MOA link this publication settled (confirmed or dropped)
    released: list[int] = field(default_factory=list)

    def events(self) -> list[str]:
        found = [event for _, event in self.inserts if event]
        found += [u.event for u in self.updates if u.event]
        found += [a.event for a in self.absences if a.event]
        return found


def diff_publication(
    kind: ListKind,
    known: Iterable[Known],
    rows: Iterable[AgreementRow],
    *,
    debounce: Callable[[str], int],
    as_of: dt.datetime | None = None,
    min_absent: dt.timedelta = dt.timedelta(0),
    listed: list[AgreementRow] | None = None,
    moa: MoaEvidence | None = None,
) -> Diff:
    """The changes one accepted (non-baseline) publication makes to a list.

    A withdrawal needs ``debounce(state)`` consecutive absences spanning at least ``min_absent``
    (ICE posts two or three lists a day, so a count alone can pass within a day).

    ``known`` and ``rows`` may leave out the agreements listed unchanged (most of them), as
    long as ``listed`` then holds every row of the publication (every agreement still missing
    must be in ``known``: MASS_ABSENCE_MIN counts them by when they went missing). ``moa`` is
    what the archive knows of the MOA links that moved (none known: judged on the two links).
    """
    by_key = {k.key: k for k in known}
    missing_together = Counter(
        k.first_absent_at for k in by_key.values() if k.status == "missing" and k.first_absent_at
    )
    seen_rows: dict[str, AgreementRow] = {}
    for row in rows:
        seen_rows.setdefault(row.key, row)
    diff = Diff()
    new_rows = [row for key, row in seen_rows.items() if key not in by_key]
    vanished = [
        k for k in by_key.values() if k.key not in seen_rows and k.status in ("active", "missing")
    ]
    paired = _pair_up(kind, vanished, new_rows, diff)
    moa = moa or MoaEvidence()
    for key, row in seen_rows.items():
        if key in by_key:
            diff.updates.append(_present(kind, by_key[key], row, moa))
    diff.released = sorted(moa.held)
    listed = listed if listed is not None else list(seen_rows.values())
    gone = [old for old in vanished if old.id not in paired]
    fresh = sum(1 for old in gone if old.status == "active")
    mass_floor = max(MASS_ABSENCE_MIN, MASS_ABSENCE_SHARE * (len(listed) + len(gone)))
    for old in gone:
        together = fresh if old.status == "active" else 1
        if old.status != "active" and old.first_absent_at is not None:
            together = missing_together.get(old.first_absent_at, 1)
        factor = 2 if together >= mass_floor else 1
        absence = _absent(kind, old, factor * debounce(old.state), as_of, factor * min_absent)
        if absence.event and superseded_by(old, listed):
            absence = Absence(old, absence.absent_count, True, None)
        diff.absences.append(
            Absence(absence.known, absence.absent_count, absence.ended, absence.event, together)
        )
    return diff


def _pair_up(
    kind: ListKind, vanished: list[Known], new_rows: list[AgreementRow], diff: Diff
) -> set[int]:
    """Renames, then relabels, then the new rows left over; returns the known ids paired."""
    participating = kind == "participating"
    renames = match_renames(vanished, new_rows)
    for old, row in renames:
        diff.updates.append(Update(old, row, "renamed", "rename" if participating else None))
    paired_rows = {id(row) for _, row in renames}
    paired = {old.id for old, _ in renames}
    relabels = match_relabels(
        [old for old in vanished if old.id not in paired],
        [row for row in new_rows if id(row) not in paired_rows],
    )
    for old, row in relabels:
        diff.updates.append(Update(old, row, "relabeled", "relabel" if participating else None))
    paired_rows |= {id(row) for _, row in relabels}
    paired |= {old.id for old, _ in relabels}
    for row in new_rows:
        if id(row) not in paired_rows:
            diff.inserts.append((row, "new" if participating else "pending"))
    return paired


def superseded_by(old: Known, listed: list[AgreementRow]) -> AgreementRow | None:
    """A listed row that stands for the vanished agreement, so its going is no withdrawal.

    ICE sometimes lists an agency twice (a new row beside the old) and later drops the old
    row, or fixes a state typo (Crow Wing County under MA, then MN). The agency still has an
    agreement of that model: reporting a withdrawal would be a false alarm.
    """
    for row in listed:
        if row.model != old.model or (row.state != old.state and row.signed != old.signed):
            continue
        score = name_similarity(old.agency_key, row.agency_key)
        if row.state == old.state and score >= RENAME_THRESHOLD:
            return row
        if row.state != old.state and score >= SAME_AGENCY and row.signed == old.signed:
            return row
    return None


def _present(kind: ListKind, known: Known, row: AgreementRow, moa: MoaEvidence) -> Update:
    if known.status in ("withdrawn", "left"):
        event = "reinstated" if kind == "participating" and known.status == "withdrawn" else None
        return Update(known, row, "reinstated", event)
    held = moa.held.get(known.id)
    if held is not None and held == moa_document_name(row.moa_url) and row.signed == known.signed:
        change = "renewal"  # a later list still links the file a shifted block brought
    else:
        change = classify_change(known, row, moa)
    event = "renewal" if change == "renewal" and kind == "participating" else None
    if known.status == "missing" and change == "unchanged":
        change = "returned"
    by_moa = change == "renewal" and row.signed == known.signed
    return Update(known, row, change, event, by_moa)


def _absent(
    kind: ListKind, known: Known, needed: int, as_of: dt.datetime | None, min_absent: dt.timedelta
) -> Absence:
    count = known.absent_count + 1
    since = known.first_absent_at or as_of
    long_enough = as_of is None or since is None or as_of - since >= min_absent
    ended = count >= needed and long_enough
    event = None
    if ended and kind == "participating" and not _signed_after(known.signed, since):
        event = "withdrawal"
    return Absence(known, count, ended, event)


def _signed_after(signed: dt.date | None, moment: dt.datetime | None) -> bool:
    """ICE sometimes lists agreements ahead of their SIGNED date, then pulls them again; one
    that vanishes before it was even signed is a retracted listing, not a withdrawal."""
    return signed is not None and moment is not None and signed > moment.date()


def classify_change(known: Known, row: AgreementRow, moa: MoaEvidence | None = None) -> str:
    """unchanged, updated (county, type, links), correction (date typo), renewal, or what a
    moved MOA link means (link_correction, link_held: see ``ice.moa``)."""
    if row.content_hash() == known.content_hash:
        return "unchanged"
    if row.signed != known.signed and row.signed is not None:
        if is_date_correction(known.signed, row.signed, known.flags):
            return "correction"
        return "renewal"
    verdict = judge_link(
        agreement_id=known.id,
        key=known.key,
        agency_key=row.agency_key,
        signed=known.signed,
        old_url=known.moa_url,
        new_url=row.moa_url,
        evidence=moa or MoaEvidence(),
    )
    return "link_held" if verdict == "held" else verdict


def is_date_correction(old: dt.date | None, new: dt.date, old_flags: tuple[str, ...]) -> bool:
    if old is None or any(flag.startswith("signed") for flag in old_flags):
        return True  # a date filled in, or one we had to repair, is being fixed
    if new < old or new - old <= CORRECTION_WINDOW:
        return True
    # A year typed one off (2024 for 2025) is the commonest SIGNED typo ICE fixes.
    return (new.month, new.day) == (old.month, old.day) and abs(new.year - old.year) == 1


def match_renames(
    vanished: list[Known], new_rows: list[AgreementRow]
) -> list[tuple[Known, AgreementRow]]:
    """Pair vanished agreements with new rows: same state, model and SIGNED, similar name."""
    scored: list[tuple[float, int, int]] = []
    for i, old in enumerate(vanished):
        for j, row in enumerate(new_rows):
            if (old.state, old.model, old.signed) != (row.state, row.model, row.signed):
                continue
            score = name_similarity(old.agency_key, row.agency_key)
            if score >= RENAME_THRESHOLD:
                scored.append((score, i, j))
    pairs: list[tuple[Known, AgreementRow]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _score, i, j in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((vanished[i], new_rows[j]))
    return pairs


def match_relabels(
    vanished: list[Known], new_rows: list[AgreementRow]
) -> list[tuple[Known, AgreementRow]]:
    """Pair an agreement that vanished in this publication with a new row of the same state,
    model and SIGNED date that shares a place word (Haskell Police Department, Muskogee County
    -> Haskell County Sheriff's Office, Haskell County): ICE corrected its listing. A pair
    counts only when each side has no other candidate; otherwise nothing is paired."""
    candidates: list[tuple[Known, AgreementRow]] = []
    by_slot: dict[tuple[str, str, dt.date], list[AgreementRow]] = {}
    for row in new_rows:
        if row.signed is not None:
            by_slot.setdefault((row.state, row.model, row.signed), []).append(row)
    for old in vanished:
        if old.status != "active" or old.signed is None:
            continue  # only what vanished now, with a date to match on
        words = place_words(old.agency_key)
        for row in by_slot.get((old.state, old.model, old.signed), []):
            if words & place_words(row.agency_key):
                candidates.append((old, row))
    olds = Counter(old.id for old, _ in candidates)
    news = Counter(id(row) for _, row in candidates)
    return [(old, row) for old, row in candidates if olds[old.id] == 1 and news[id(row)] == 1]
