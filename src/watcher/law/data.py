"""The shipped state-law table (``watcher/data/state_law.json``), loaded once and validated.

Every entry carries the sources behind it, the date it was last checked and a confidence, so
the wording built on it (``context``, ``letter``, ``deadlines``) can say how sure it is.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from watcher.states import STATE_NAMES

Category = Literal["mandated", "approval", "banned", "local"]
Detail = Literal[
    "mandated",
    "mandated_reasonable_attempt",
    "partial_mandate",
    "state_approval_to_terminate",
    "state_approval_to_enter",
    "county_board_approval",
    "restricted_conditions",
    "restricted",
    "prohibited",
    "prohibited_unconfirmed",
    "pending",
    "none",
]
Confidence = Literal["H", "M", "L"]
DeadlineKind = Literal["business_days", "calendar_days", "none", "unverified"]

DATA_FILE = "state_law.json"


class StateLawError(ValueError):
    """The state is unknown, or the shipped table is broken. The message says which."""


class UnknownStateError(StateLawError, KeyError):
    """No entry for that code. Both a ValueError and a KeyError, so either ``except`` works."""

    def __str__(self) -> str:
        # KeyError would show the message in quotes.
        return str(self.args[0])


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Frozen):
    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://\S+$")
    # "YYYY", "YYYY-MM", "YYYY-MM-DD", or "n.d." for the undated stored copies the notes name.
    published: str = Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|n\.d\.)$")
    consulted: date


class Participation(_Frozen):
    category: Category
    detail: Detail
    notes_category: str
    subject: str = Field(min_length=1)
    rule: str = Field(min_length=1)
    caveat: str | None  # what the notes could not confirm, worded as such
    note: str | None  # settled context, e.g. a detainer mandate beside a voluntary 287(g)
    confirmed: bool
    enforcement: str | None
    compliance_date: date | None
    compliance_date_confirmed: bool
    approval: str | None
    decider: str
    who_can_end: str
    citation: str
    effective: str
    requirement: str
    withdrawal_notes: str
    confidence: Confidence
    sources: tuple[str, ...] = Field(min_length=1)

    @property
    def mandates_participation(self) -> bool:
        """A full duty to take part. Louisiana's housing-agreement duty is not one."""
        return self.category == "mandated" and self.detail != "partial_mandate"

    @property
    def uncertain(self) -> bool:
        return (
            not self.confirmed
            or self.confidence == "L"
            or self.caveat is not None
            or not self.compliance_date_confirmed
        )


class Deadline(_Frozen):
    text: str
    kind: DeadlineKind
    days: int | None = Field(default=None, ge=1, le=90)
    section: str | None
    # False when the notes give "N days" without saying business or calendar days.
    basis_stated: bool

    @model_validator(mode="after")
    def _days_match_kind(self) -> Deadline:
        counted = self.kind in ("business_days", "calendar_days")
        if counted != (self.days is not None):
            raise ValueError(f"deadline kind {self.kind!r} does not fit days={self.days!r}")
        return self


class RecordsLaw(_Frozen):
    name: str = Field(min_length=1)
    citation: str = Field(min_length=1)
    citation_from_general_knowledge: bool
    deadline: Deadline
    residency: str | None
    residency_sources: tuple[str, ...]
    covers_sheriff: str
    fees: str
    grant_program: str | None
    caveat: str | None
    confidence: Confidence
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _residency_sourced(self) -> RecordsLaw:
        if self.residency is not None and not self.residency_sources:
            raise ValueError("a residency limit needs its own source")
        return self


class StateLaw(_Frozen):
    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    last_checked: date
    participation: Participation
    records: RecordsLaw


class StateLawTable(_Frozen):
    schema_version: Literal[1]
    description: str
    as_of: date
    sources: dict[str, Source]
    states: dict[str, StateLaw]

    @model_validator(mode="after")
    def _consistent(self) -> StateLawTable:
        for code, entry in self.states.items():
            if entry.code != code:
                raise ValueError(f"entry {code} says its code is {entry.code}")
            if entry.name != STATE_NAMES.get(code):
                # watcher.states is the one table of names; this file may not disagree.
                raise ValueError(
                    f"entry {code} is named {entry.name!r}, not {STATE_NAMES.get(code)!r}"
                )
            cited = (
                entry.participation.sources
                + entry.records.sources
                + entry.records.residency_sources
            )
            missing = sorted(set(cited) - self.sources.keys())
            if missing:
                raise ValueError(f"{code} cites unknown sources {missing}")
        return self


@cache
def load_table() -> StateLawTable:
    """The shipped table, validated. Cached: the file is package data and never changes."""
    raw = resources.files("watcher").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    try:
        return StateLawTable.model_validate(json.loads(raw))
    except (ValueError, ValidationError) as exc:
        raise StateLawError(f"watcher/data/{DATA_FILE} is invalid: {exc}") from exc


def normalize_code(code: str) -> str:
    return code.strip().upper()


def has_state_law(code: str) -> bool:
    """True for the 50 states and DC; False for territories and anything else."""
    return normalize_code(code) in load_table().states


def get_state_law(code: str) -> StateLaw:
    """The entry for a two-letter code (any case). Raises UnknownStateError for an unknown one."""
    table = load_table()
    key = normalize_code(code)
    try:
        return table.states[key]
    except KeyError:
        raise UnknownStateError(
            f"no state-law entry for {code!r}: expected one of the 50 states or DC as a "
            "two-letter code such as TX (territories are not covered)"
        ) from None


def all_states() -> tuple[StateLaw, ...]:
    """Every entry, sorted by code."""
    return tuple(load_table().states[code] for code in sorted(load_table().states))


def sources_for(entry: StateLaw) -> tuple[Source, ...]:
    """The sources behind an entry's participation and records facts, without repeats."""
    table = load_table()
    keys = dict.fromkeys(
        entry.participation.sources + entry.records.sources + entry.records.residency_sources
    )
    return tuple(table.sources[key] for key in keys)
