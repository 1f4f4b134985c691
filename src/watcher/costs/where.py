"""The place a figure is tied to, from the words around it, and the county a document is about.

"Mecklenburg County spent $1.1 million" in a Knox County story is Mecklenburg's figure;
"Florida's $250 Million grant program" and "legislation in Florida appropriated $250 million"
are Florida's (statewide); "Nationwide, ICE spent ..." is national. Pure functions; imports
nothing from the rest of the package.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["dominant_place", "place_of"]

_PLACE = re.compile(
    r"\b(?P<name>(?:(?:St\.|Saint|De|La|Le|Mc\w+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s){1,3})"
    r"(?P<type>County|Parish|Borough)\b"
)
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    "|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey"
    "|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania"
    "|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
    "|Washington|West Virginia|Wisconsin|Wyoming"
)
_WIDE = re.compile(
    rf"(?P<nation>(?i:\bnation(?:wide|ally)\b|\bacross\s+the\s+(?:country|nation)\b)|\bCongress\b)"
    rf"|\b(?:(?P<state>{_STATES})'s|the\s+state's|statewide)\s+(?:\w+\s+){{0,2}}$"
    r"|^\W{0,3}(?i:statewide|across\s+the\s+state)\b"
    # "legislation in Florida appropriated $250 million": the state's own money.
    rf"|\b(?P<funder>{_STATES})\s+(?:[\w,]+\s+){{0,4}}?(?i:appropriated|allocated|set\s+aside"
    r"|budgeted|awarded)\s+(?:\w+\s+){0,2}$"
)
# "... has paid $21.4 million to 61 agencies": a program's total across places.
_SHARED = re.compile(
    r"^\s*(?:to|among|across)\s+(?:more\s+than\s+)?(?:\d+|all|local|participating|other)\s+"
    r"(?:\w+\s+){0,2}?(?:agencies|counties|sheriffs|departments|jurisdictions|offices)\b",
    re.I,
)
# "counties of one million or more may receive up to", "agencies ... can receive": a term.
_TERMS = re.compile(
    r"\b(?:agencies|counties|sheriffs|jurisdictions|participants|departments)\b[^.;$]{0,80}\b(?:can"
    r"|may|could|would|will)\s+(?:also\s+)?(?:receive|get|earn|be\s+(?:paid|repaid|reimbursed))"
    r"\b[^.;$]{0,40}$"
    # "Under ICE's new terms, each officer ... earns the agency a quarterly award of $1,000"
    r"|\b(?:under|by)\s+(?:ICE's|the\s+(?:new\s+)?federal|the\s+new)\s+(?:\w+\s+){0,2}?terms\b"
    r"(?![^.;]*\b(?:the\s+county|its|our|the\s+sheriff)\b)[^.;$]{0,120}\b(?:each|every|per)\b"
    r"[^.;$]{0,160}$",
    re.I,
)
_FEDERAL = re.compile(r"\bICE\b|\bDHS\b|\bfederal\b", re.I)
_NOT_NAME = frozenset(
    {"The", "In", "For", "By", "At", "And", "Of", "On", "To", "From", "A", "An", "Other"}
    | {"Neighboring", "Nearby", "Each", "Every", "That", "This", "While", "When", "Both"}
    | {"Meanwhile", "But", "Its", "Their", "Our", "Unlike", "Like", "Across", "Than"}
)


def place_of(before: str, after: str) -> str | None:
    """The place the clause ties an amount to: a county ("Mecklenburg County spent $X", "$X
    in Mecklenburg County", nearest before it, else right after it), a state's own program
    ("Florida's $250 million grant program": "Florida (statewide)") or the whole country
    ("Nationwide, ICE spent $68.3 million": "national")."""
    terms = _TERMS.search(before[-160:])
    if terms:
        # A program's term for agencies in general, not a local figure: ICE's, else the state's.
        return "national" if _FEDERAL.search(before) else "statewide"
    wide = _WIDE.search(before[-60:]) or _WIDE.match(after[:30]) or _SHARED.match(after[:60])
    if wide:
        if wide.re is _SHARED:
            return "statewide"
        if wide.group("nation"):
            return "national"
        state = wide.group("state") or wide.group("funder")
        return f"{state} (statewide)" if state else "statewide"
    places = [_name(m) for m in _PLACE.finditer(before)]
    places = [p for p in places if p]
    if places:
        return places[-1]
    first = _PLACE.search(after[:80])
    return _name(first) if first else None


def dominant_place(pages: Iterable[str], limit: int = 200_000) -> str | None:
    """The county a document is mostly about: the one it names most (its own)."""
    counts: Counter[str] = Counter()
    seen = 0
    for page in pages:
        chunk = page[: max(0, limit - seen)]
        seen += len(chunk)
        counts.update(p for m in _PLACE.finditer(chunk) if (p := _name(m)))
        if seen >= limit:
            break
    return counts.most_common(1)[0][0] if counts else None


def _name(m: re.Match[str]) -> str | None:
    words = m.group("name").split()
    while words and words[0] in _NOT_NAME:
        words = words[1:]
    return f"{' '.join(words)} {m.group('type')}" if words else None
