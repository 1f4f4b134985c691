"""Compare one accepted publication with what the archive knows; decide what changed.

Pure logic: :func:`diff_publication` takes the agreements the archive holds for a list and the
rows of a new publication, and returns the changes to apply. It never touches the database, so
every rule here is unit-tested on plain values. The rules that protect readers:

* an agreement is ``state + normalised agency + model`` (``AgreementRow.key``);
* a vanished agreement only becomes a withdrawal after ``debounce(state)`` consecutive accepted
  publications without it; one that comes back earlier emits nothing;
* a vanished agreement matched by a new one in the same state, with the same model, the same
  SIGNED date and a similar name is a rename, not a withdrawal plus an addition;
* a SIGNED date moved back, by 30 days or less, by exactly one year, or away from a repaired
  value is ICE correcting a typo, not a renewal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from watcher.ice.models import AgreementRow, ListKind

CORRECTION_WINDOW = dt.timedelta(days=30)
RENAME_THRESHOLD = 0.5  # token Jaccard on the distinctive words
SPELLING_THRESHOLD = 0.85  # character similarity, for typo fixes such as Indiatlantic

# Words every agency name shares; a rename keeps the words that are left.
GENERIC_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "at",
        "a",
        "police",
        "department",
        "dept",
        "office",
        "sheriff",
        "sheriffs",
        "s",
        "services",
        "service",
        "borough",
        "town",
        "township",
        "village",
        "patrol",
        "law",
        "enforcement",
        "division",
        "public",
        "safety",
        "agency",
        "bureau",
        "county",
        "city",
        "corrections",
        "correctional",
        "jail",
        "detention",
        "board",
        "commissioners",
        "bocc",
        "authority",
    ]
)
SAME_AGENCY = 0.9  # near-identical names: the same agency under a fixed state or duplicate row
ABBREVIATIONS = {"ft": "fort", "st": "saint", "mt": "mount", "co": "county", "twp": "township"}


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


@dataclass(frozen=True)
class Update:
    known: Known
    row: AgreementRow
    change: str  # renamed, renewal, correction, updated, returned, reinstated, unchanged
    event: str | None  # the event type to emit, if any


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
) -> Diff:
    """The changes one accepted (non-baseline) publication makes to a list.

    A withdrawal needs ``debounce(state)`` consecutive absences spanning at least ``min_absent``
    (ICE posts two or three lists a day, so a count alone can pass within a day).

    ``known`` and ``rows`` may leave out the agreements listed unchanged (most of them), as
    long as ``listed`` then holds every row of the publication (every agreement still missing
    must be in ``known``: MASS_ABSENCE_MIN counts them by when they went missing).
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
    renames = match_renames(vanished, new_rows)
    for old, row in renames:
        diff.updates.append(
            Update(old, row, "renamed", "rename" if kind == "participating" else None)
        )
    renamed_rows = {id(row) for _, row in renames}
    renamed_known = {old.id for old, _ in renames}
    for row in new_rows:
        if id(row) not in renamed_rows:
            diff.inserts.append((row, "new" if kind == "participating" else "pending"))
    for key, row in seen_rows.items():
        if key in by_key:
            diff.updates.append(_present(kind, by_key[key], row))
    listed = listed if listed is not None else list(seen_rows.values())
    gone = [old for old in vanished if old.id not in renamed_known]
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


def _present(kind: ListKind, known: Known, row: AgreementRow) -> Update:
    if known.status in ("withdrawn", "left"):
        event = "reinstated" if kind == "participating" and known.status == "withdrawn" else None
        return Update(known, row, "reinstated", event)
    change = classify_change(known, row)
    event = "renewal" if change == "renewal" and kind == "participating" else None
    if known.status == "missing" and change == "unchanged":
        change = "returned"
    return Update(known, row, change, event)


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


def classify_change(known: Known, row: AgreementRow) -> str:
    """unchanged, updated (county, type, links), correction (date typo) or renewal."""
    if row.content_hash() == known.content_hash:
        return "unchanged"
    if row.signed != known.signed and row.signed is not None:
        if is_date_correction(known.signed, row.signed, known.flags):
            return "correction"
        return "renewal"
    if new_moa_document(known.moa_url, row.moa_url, agency_key=row.agency_key, signed=known.signed):
        return "renewal"
    return "updated"


def is_date_correction(old: dt.date | None, new: dt.date, old_flags: tuple[str, ...]) -> bool:
    if old is None or any(flag.startswith("signed") for flag in old_flags):
        return True  # a date filled in, or one we had to repair, is being fixed
    if new < old or new - old <= CORRECTION_WINDOW:
        return True
    # A year typed one off (2024 for 2025) is the commonest SIGNED typo ICE fixes.
    return (new.month, new.day) == (old.month, old.day) and abs(new.year - old.year) == 1


def moa_document_name(url: str | None) -> str | None:
    if not url:
        return None
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return re.sub(r"\s+", "", name).lower() or None


def new_moa_document(
    old_url: str | None, new_url: str | None, *, agency_key: str, signed: dt.date | None
) -> bool:
    """A later MOA for the same agency replacing a posted one: a renewal ICE left undated.

    ICE often re-uploads an MOA under a new file name, and sometimes links another agency's
    file by mistake; neither is a renewal. So the new file must name this agency and carry a
    date well after the agreement's SIGNED date (or the old file's date).
    """
    old, new = moa_document_name(old_url), moa_document_name(new_url)
    if old is None or new is None or old == new:
        return False
    new_date = moa_file_date(new)
    reference = signed or moa_file_date(old)
    if new_date is None or reference is None or new_date - reference <= CORRECTION_WINDOW:
        return False
    squashed = re.sub(r"[^a-z0-9]", "", new)
    words = [word for word in distinctive_words(agency_key) if len(word) > 2]
    # Most of the agency's own words, not just a state name shared with another agency's file.
    return bool(words) and sum(word in squashed for word in words) * 2 >= len(words)


MOA_DATE_PATTERNS = (
    re.compile(r"(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"),
    re.compile(r"(?P<m>\d\d)[.\-_]?(?P<d>\d\d)[.\-_]?(?P<y>20\d\d)(?!\d)"),
    re.compile(r"(?P<m>\d\d)[.\-](?P<d>\d\d)[.\-](?P<y>\d\d)(?!\d)"),
)


def moa_file_date(name: str) -> dt.date | None:
    """The date in an MOA file name (287gJEM_EtowahCoAl2016-06-18.pdf, ..._MOA_04.14.25.pdf)."""
    for pattern in MOA_DATE_PATTERNS:
        for match in pattern.finditer(name):
            year = int(match["y"])
            year = year + 2000 if year < 100 else year
            try:
                return dt.date(year, int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def distinctive_words(agency_key: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", agency_key.lower())
    words = [ABBREVIATIONS.get(word, word) for word in words]
    return {word for word in words if word not in GENERIC_WORDS}


def name_similarity(a: str, b: str) -> float:
    """How alike two agency names are, 0..1, ignoring the words all agency names share."""
    if _is_sheriff(a) != _is_sheriff(b):
        return 0.0  # a sheriff's office never turns into a police department by renaming
    if _level(a) and _level(b) and _level(a) != _level(b):
        return 0.0  # Polk County and Polk City are two governments
    words_a, words_b = distinctive_words(a), distinctive_words(b)
    if {w for w in words_a if w.isdigit()} != {w for w in words_b if w.isdigit()}:
        return 0.0  # Constable Precinct 1 and Precinct 2 are two agencies
    if not words_a or not words_b:
        return SequenceMatcher(None, a.lower(), b.lower()).ratio()
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    only_a, only_b = words_a - words_b, words_b - words_a
    if only_a and only_b:
        # The words that differ may be one word spelled two ways (Indiatlantic, Indialantic).
        spelling = SequenceMatcher(None, " ".join(sorted(only_a)), " ".join(sorted(only_b))).ratio()
        if spelling >= SPELLING_THRESHOLD:
            return max(jaccard, spelling)
    return jaccard


def _is_sheriff(name: str) -> bool:
    return "sheriff" in name.lower()


def _level(name: str) -> str | None:
    words = set(re.findall(r"[a-z]+", name.lower()))
    if "county" in words or "parish" in words:
        return "county"
    if words & {"city", "town", "village", "borough", "township"}:
        return "municipal"
    return None


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
