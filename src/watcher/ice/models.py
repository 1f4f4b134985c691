"""Records shared between the stages: what a parser returns and what the detector compares."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Literal

ListKind = Literal["participating", "pending"]

MODELS = ("Jail Enforcement Model", "Task Force Model", "Warrant Service Officer")


@dataclass(frozen=True)
class AgreementRow:
    """One row of an ICE list: one agency under one 287(g) model (its sheet row number is in
    ``ParsedList.row_numbers``).

    ``agency`` is the name as ICE printed it, with white space cleaned; ``agency_key`` is
    the normalised form used in the stable key (case, apostrophes, spaces folded).
    ``flags`` names every repair made to the row (``signed_repaired:05/082025`` ...).
    """

    state: str  # two-letter code ("TX")
    agency: str
    agency_key: str
    model: str  # one of MODELS
    agency_type: str | None = None  # County, Municipality, State Agency
    county: str | None = None  # None when ICE gives none or #N/A
    signed: dt.date | None = None
    signed_raw: str | None = None  # the cell as text when it was not a clean date
    moa_url: str | None = None
    addendum_url: str | None = None
    flags: tuple[str, ...] = ()

    @functools.cached_property
    def key(self) -> str:
        # Read for every row of every list: once computed it is a plain attribute (a
        # cached_property is a non-data descriptor, so the instance's own value wins).
        return agreement_key(self.state, self.agency_key, self.model)

    def content_hash(self) -> str:
        """Hash of the fields whose change is worth recording (git-history style)."""
        cached: str | None = self.__dict__.get("_content_hash")
        if cached is None:
            signed = self.signed.isoformat() if self.signed else ""
            fields = (
                self.agency,
                self.agency_type,
                self.county,
                signed,
                self.moa_url,
                self.addendum_url,
            )
            raw = "\x1f".join(value or "" for value in fields)
            cached = hashlib.sha1(raw.encode()).hexdigest()
            # Frozen dataclass: cache through __dict__, as functools.cached_property does.
            self.__dict__["_content_hash"] = cached
        return cached


def agreement_key(state: str, agency_key: str, model: str) -> str:
    return f"{state}|{agency_key}|{model}"


@dataclass
class ParsedList:
    """A whole ICE publication, read. ``kind`` comes from the headers, never the file name."""

    kind: ListKind
    layout: str  # "html-table", "xlsx-participating-v1" ... (see parse.ice)
    rows: list[AgreementRow]
    warnings: list[str] = field(default_factory=list)
    # Sheet row of each agreement (by key): kept apart so that equal rows of consecutive
    # publications can be the very same AgreementRow object, hashed once.
    row_numbers: dict[str, int] = field(default_factory=dict)
