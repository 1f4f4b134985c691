"""How alike two agency names are: the words every agency name shares are set aside, and
what is left (the place, mostly) is compared. Pure functions on strings."""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

from watcher.ice.parse.normalize import STATES

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


def distinctive_words(agency_key: str) -> set[str]:
    return set(_distinctive(agency_key))


# Memoised: the same names are compared with many others, list after list.
@functools.lru_cache(maxsize=16384)
def _distinctive(agency_key: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", agency_key.lower())
    words = [ABBREVIATIONS.get(word, word) for word in words]
    return frozenset(word for word in words if word not in GENERIC_WORDS)


# Memoised: a backfill compares the same vanished and new names list after list.
@functools.lru_cache(maxsize=16384)
def name_similarity(a: str, b: str) -> float:
    """How alike two agency names are, 0..1, ignoring the words all agency names share."""
    if _is_sheriff(a) != _is_sheriff(b):
        return 0.0  # a sheriff's office never turns into a police department by renaming
    if _level(a) and _level(b) and _level(a) != _level(b):
        return 0.0  # Polk County and Polk City are two governments
    words_a, words_b = _distinctive(a), _distinctive(b)
    if {w for w in words_a if w.isdigit()} != {w for w in words_b if w.isdigit()}:
        return 0.0  # Constable Precinct 1 and Precinct 2 are two agencies
    if not words_a or not words_b:
        return SequenceMatcher(None, a.lower(), b.lower()).ratio()
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    only_a, only_b = words_a - words_b, words_b - words_a
    if only_a and only_b:
        # The words that differ may be one word spelled two ways (Indiatlantic, Indialantic).
        matcher = SequenceMatcher(None, " ".join(sorted(only_a)), " ".join(sorted(only_b)))
        # quick_ratio() bounds ratio() from above in a fraction of its time: most pairs
        # compared are plainly different places.
        if matcher.quick_ratio() >= SPELLING_THRESHOLD:
            spelling = matcher.ratio()
            if spelling >= SPELLING_THRESHOLD:
                return max(jaccard, spelling)
    return jaccard


def _is_sheriff(name: str) -> bool:
    return "sheriff" in name.lower()


@functools.lru_cache(maxsize=16384)
def _level(name: str) -> str | None:
    words = set(re.findall(r"[a-z]+", name.lower()))
    if "county" in words or "parish" in words:
        return "county"
    if words & {"city", "town", "village", "borough", "township"}:
        return "municipal"
    return None


# Words that name no place: a relabel must share a word that does (Haskell), not a state name
# or a kind of agency.
NOT_A_PLACE = frozenset(
    {
        "state",
        "highway",
        "marshal",
        "marshals",
        "constable",
        "constables",
        "precinct",
        "parish",
        "municipal",
        "regional",
        "metropolitan",
        "metro",
        "unified",
        "tribal",
        "nation",
        "port",
        "airport",
        "university",
        "college",
        "school",
        "district",
        "fire",
        "investigation",
        "investigations",
        "criminal",
        "justice",
        "fish",
        "wildlife",
        "conservation",
        "commission",
        "natural",
        "resources",
        "protection",
        "environmental",
        "corrections",
        "saint",
        "fort",
        "mount",
        "north",
        "south",
        "east",
        "west",
        "new",
        "lake",
        "river",
    }
    | {word for name in STATES for word in name.lower().split()}
)


def place_words(agency_key: str) -> set[str]:
    """The words of a name that can only be a place: Haskell in Haskell Police Department."""
    return {
        word
        for word in distinctive_words(agency_key)
        if len(word) > 2 and not word.isdigit() and word not in NOT_A_PLACE
    }
