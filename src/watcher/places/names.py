"""Name keys: one spelling for the many ways a place is written ("St. Mary's" = "Saint Marys",
"De Kalb" = "DeKalb", "Ft. Myers" = "Fort Myers")."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
_TOKENS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "co": "county"}

# Census legal suffixes of county equivalents, longest first. Independent cities ("Alexandria
# city") are lowercase "city" in Census names, which tells them from "Carson City".
COUNTY_SUFFIXES = (
    "city and borough",
    "census area",
    "planning region",
    "municipality",
    "municipio",
    "borough",
    "county",
    "parish",
)


def name_key(text: str) -> str:
    """A comparison key: ASCII, lower case, no punctuation or spaces, common abbreviations spelt
    out. ``name_key("St. Mary's County") == name_key("Saint Marys  County")``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    lowered = ascii_text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    return "".join(_TOKENS.get(word, word) for word in _WORD.findall(lowered))


def split_county_suffix(name: str) -> tuple[str, str | None]:
    """'Kodiak Island Borough' -> ('Kodiak Island', 'borough'); 'Alexandria city' ->
    ('Alexandria', 'city'); 'Carson City' -> ('Carson City', None)."""
    text = " ".join(name.split())
    lowered = text.lower()
    for suffix in COUNTY_SUFFIXES:
        if lowered.endswith(" " + suffix):
            return text[: -len(suffix) - 1].strip(), suffix
    if lowered.endswith(" co.") or lowered.endswith(" co"):
        return text.rsplit(" ", 1)[0].strip(), "county"
    if text.endswith(" city"):
        return text[:-5].strip(), "city"
    return text, None


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (a transposition counts 1), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
