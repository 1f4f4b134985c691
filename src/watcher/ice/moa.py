"""MOA links as evidence: when a changed link is a renewal, a link correction, or held.

ICE often re-uploads an MOA under a new file name, links another agency's file by mistake,
and sometimes shifts the links of a whole block of rows (each row linking its neighbour's
file), fixing them a few lists later. None of that is a renewal. So a new MOA link is a
renewal only when the file

* was never linked before for this agreement, nor by any other agreement now listed,
* names this agency,
* carries a date more than 30 days after SIGNED and after every MOA date seen for it;

and, when one publication moves the links of many rows to other agencies' files at once
(``SHIFT_MIN``), even such a file is only *held*: it becomes a renewal when a later publication
still links it. Pure logic: the archive's side is read by ``ice.evidence``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from watcher.ice.names import distinctive_words

CORRECTION_WINDOW = dt.timedelta(days=30)
# This many rows moving to another agreement's file (or to a file naming some other agency)
# in one publication is a shifted block, not a batch of renewals.
SHIFT_MIN = 5


@dataclass(frozen=True)
class MoaEvidence:
    """What the archive knows about MOA links, for the agreements whose link moved."""

    # agreement id -> MOA documents it has linked (every observation, the current one too)
    seen: Mapping[int, frozenset[str]] = field(default_factory=dict)
    # MOA document -> keys of the agreements linking it, before and in this publication
    linked_by: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # agreement id -> the document a shifted block's publication held for confirmation
    held: Mapping[int, str] = field(default_factory=dict)
    # rows of this publication whose link moved to another agreement's or agency's file
    foreign_moves: int = 0

    @property
    def shifted(self) -> bool:
        return self.foreign_moves >= SHIFT_MIN


def moa_document_name(url: str | None) -> str | None:
    if not url:
        return None
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return re.sub(r"\s+", "", name).lower() or None


def names_agency(document: str, agency_key: str) -> bool:
    """Most of the agency's own words are in the file name, not just a state name shared
    with another agency's file."""
    squashed = re.sub(r"[^a-z0-9]", "", document)
    words = [word for word in distinctive_words(agency_key) if len(word) > 2]
    return bool(words) and sum(word in squashed for word in words) * 2 >= len(words)


def is_foreign(document: str, *, key: str, agency_key: str, evidence: MoaEvidence) -> bool:
    """The file belongs to another agreement (it links it now or did in the last list), or
    does not name this agency: what each row of a shifted block looks like."""
    # The same agency's other models may share one MOA file; they are not another agreement.
    agency = key.rsplit("|", 1)[0] + "|"
    others = [k for k in evidence.linked_by.get(document, ()) if not k.startswith(agency)]
    return bool(others) or not names_agency(document, agency_key)


def judge_link(
    *,
    agreement_id: int,
    key: str,
    agency_key: str,
    signed: dt.date | None,
    old_url: str | None,
    new_url: str | None,
    evidence: MoaEvidence,
) -> str:
    """What a moved MOA link means: renewal, held, link_correction or updated.

    ``updated`` is a change that is neither (a link filled in, an undated re-upload).
    """
    old, new = moa_document_name(old_url), moa_document_name(new_url)
    if old is None or new is None or old == new:
        return "updated"
    seen = evidence.seen.get(agreement_id, frozenset()) | {old}
    if new in seen or is_foreign(new, key=key, agency_key=agency_key, evidence=evidence):
        return "link_correction"
    new_date = moa_file_date(new)
    if new_date is None:
        return "updated"
    dates = [date for date in map(moa_file_date, seen) if date is not None]
    if signed is not None:
        dates.append(signed)
    if not dates or any(new_date - date <= CORRECTION_WINDOW for date in dates):
        return "updated"  # not later than what is already known: a re-upload
    return "held" if evidence.shifted else "renewal"


def new_moa_document(
    old_url: str | None, new_url: str | None, *, agency_key: str, signed: dt.date | None
) -> bool:
    """A later MOA for this agency, judged on the two links alone (no history known)."""
    verdict = judge_link(
        agreement_id=0,
        key="",
        agency_key=agency_key,
        signed=signed,
        old_url=old_url,
        new_url=new_url,
        evidence=MoaEvidence(),
    )
    return verdict == "renewal"


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
