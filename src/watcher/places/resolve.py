"""An agency -> its county (5-digit FIPS) or its whole state.

In order: a state agency is statewide; ICE's COUNTY column (a typo such as "Pulaksi" is
corrected only when one county of the state is that close); "X County ..." in the agency's
name; the FBI's list of agencies with their counties; the city, town or township in the name
via the places table. A name that fits more than one county stays unresolved, with the
candidates named: never a guess.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from watcher.places.names import edit_distance, name_key, split_county_suffix
from watcher.places.tables import agencies_index, counties, places_index, state_county_index
from watcher.states import STATE_NAMES

_COUNTY_IN_NAME = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w.' -]*?)\s+(?P<suffix>County|Parish|Borough)\b", re.I
)
# Words of an office's name around its place ("... Department of Public Safety").
_OFFICE_WORDS = frozenset((
    "police", "fire", "rescue", "public", "safety", "corrections", "correction", "correctional",
    "sheriff", "sheriffs", "marshal", "marshals", "constable", "constables", "detention",
    "security", "enforcement", "law", "department", "dept", "office", "division", "bureau",
    "agency", "service", "services", "and", "of", "ward", "precinct", "pct", "the", "first",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
))  # fmt: skip
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)?$")
_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:city|town|village|borough|township)\s+of\s+|office\s+of\s+constable\s+)",
    re.I,
)
_KIND = re.compile(r"\s+(city|town|village|borough|township)$", re.I)
_STATEWIDE_WORDS = re.compile(
    r"\b(?:state|highway patrol|department of|commission|national guard|attorney general)\b", re.I
)


@dataclass(frozen=True)
class Resolution:
    """Where an agency works. ``basis`` says how it was found: ``statewide``, ``ice_county``,
    ``ice_county_corrected``, ``agency_name``, ``fbi_agency``, ``place``, or ``unresolved``
    (then ``detail`` says why and ``candidates`` lists the counties it could be)."""

    county_fips: str | None
    basis: str
    detail: str = ""
    candidates: tuple[str, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return self.basis != "unresolved"

    @property
    def statewide(self) -> bool:
        return self.basis == "statewide"


# Memoised: the tables are static and a backfill asks about the same agencies list after list
# (the replay of 2025 spent a third of its time here before).
@functools.lru_cache(maxsize=8192)
def resolve_agency(
    state: str, agency: str, agency_type: str | None = None, county_column: str | None = None
) -> Resolution:
    state = state.strip().upper()
    name = " ".join(agency.split())
    if _is_statewide(state, name, agency_type):
        return Resolution(None, "statewide", f"state agency of {state}")
    ambiguous: list[Resolution] = []
    for attempt in (_from_column, _from_name, _from_fbi, _from_place):
        found = attempt(state, name, county_column)
        if found is None:
            continue
        if found.county_fips:
            return found
        ambiguous.append(found)
    if ambiguous:
        return ambiguous[0]
    return Resolution(None, "unresolved", "no county, city or listed agency matches the name")


def _is_statewide(state: str, name: str, agency_type: str | None) -> bool:
    if agency_type and agency_type.strip().lower().startswith("state"):
        return True
    full = STATE_NAMES.get(state, "")
    lowered = name.lower()
    if not full or _COUNTY_IN_NAME.match(name):
        return False
    starts = lowered.startswith((full.lower() + " ", "state of ", "the state of "))
    return starts and bool(_STATEWIDE_WORDS.search(lowered[len(full) :]))


def county_matches(state: str, text: str) -> tuple[str, ...]:
    """The FIPS codes a county's name can mean in ``state`` ('Fairfax' -> county and city)."""
    index = state_county_index(state)
    full = index.get(name_key(text), ())
    if len(full) == 1:
        return full
    base, suffix = split_county_suffix(text)
    found = index.get(name_key(base), ())
    if suffix and len(found) > 1:
        # "Fairfax County": the county, not Fairfax city.
        same = tuple(f for f in found if split_county_suffix(counties()[f].name)[1] == suffix)
        return same or found
    return found or full


def _outcome(found: tuple[str, ...], basis: str, what: str) -> Resolution | None:
    if len(found) == 1:
        return Resolution(found[0], basis, what)
    if len(found) > 1:
        return Resolution(None, "unresolved", f"{what} fits {len(found)} counties", found)
    return None


def _from_column(state: str, name: str, column: str | None) -> Resolution | None:
    text = " ".join((column or "").split())
    if not text or re.search(r"#N/A|^N/?A$|^none$|^unknown$", text, re.I):
        return None
    found = _outcome(county_matches(state, text), "ice_county", f"ICE's COUNTY column {text!r}")
    if found is not None:
        return found
    base = name_key(split_county_suffix(text)[0])
    if len(base) < 5 or _is_a_county_elsewhere(base):
        # A real county of another state ("Bowie County" for Texarkana, AR) is a mistake, not
        # a typo: the agency's own name decides instead.
        return None
    close = sorted(
        {
            entry.fips
            for entry in counties().values()
            if entry.state == state and edit_distance(base, name_key(entry.base_name)) <= 2
        }
    )
    return _outcome(tuple(close), "ice_county_corrected", f"ICE's COUNTY column {text!r} (typo)")


def _is_a_county_elsewhere(base: str) -> bool:
    return base in _county_keys()


@functools.cache
def _county_keys() -> frozenset[str]:
    """name_key of every county's base name, in every state."""
    return frozenset(name_key(entry.base_name) for entry in counties().values())


def _from_name(state: str, name: str, _column: str | None) -> Resolution | None:
    match = _COUNTY_IN_NAME.match(name)
    if not match or re.search(r"\b(?:city|town|village)\b", match["name"], re.I):
        return None
    text = f"{match['name']} {match['suffix']}"
    return _outcome(county_matches(state, text), "agency_name", f"the agency's name ({text})")


def _from_fbi(state: str, name: str, _column: str | None) -> Resolution | None:
    found = agencies_index().get((state, name_key(name)), ())
    return _outcome(found, "fbi_agency", "the FBI's agency list")


def _place_in(name: str) -> str:
    """'Jupiter Island Department of Public Safety' -> 'Jupiter Island'."""
    words = name.replace(",", " ").split()
    while words:
        word = re.sub(r"[^a-z0-9]", "", words[-1].lower().removesuffix("'s"))
        if word and word not in _OFFICE_WORDS and not _ORDINAL.match(word):
            break
        words.pop()
    return " ".join(words)


def _from_place(state: str, name: str, _column: str | None) -> Resolution | None:
    place = _place_in(_PREFIX.sub("", name))
    if not place:
        return None
    index = places_index()
    keys = [name_key(place)]
    kind = _KIND.search(place)
    if kind:
        keys.append(name_key(place[: kind.start()]))
    for key in keys:
        found = index.get((state, key), ())
        if found:
            return _outcome(found, "place", f"the place {place!r}")
    return None
