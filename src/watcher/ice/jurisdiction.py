"""Which county an agreement belongs to: ICE's COUNTY column, else the agency's own name."""

from __future__ import annotations

import re

COUNTY_IN_NAME = re.compile(
    r"^(?:the\s+)?(?P<county>[A-Z][\w.' -]*?)\s+(?:County|Parish|Borough)\b", re.IGNORECASE
)
SUFFIX = re.compile(r"\s+(?:County|Parish|Borough|Co\.?)$", re.IGNORECASE)
NOT_A_COUNTY = re.compile(r"#N/A|^N/?A$|^none$|^unknown$", re.IGNORECASE)


def county_name(value: str | None) -> str | None:
    """'Galveston County' -> 'Galveston'; '#N/A' and blanks -> None."""
    if value is None:
        return None
    value = " ".join(value.split())
    if not value or NOT_A_COUNTY.search(value):
        return None
    return SUFFIX.sub("", value) or None


def jurisdiction_county(county: str | None, agency: str) -> str | None:
    """The county of an agreement: ICE's column first, then 'X County ...' in the agency name."""
    named = county_name(county)
    if named:
        return named
    match = COUNTY_IN_NAME.match(agency.strip())
    if match and not re.search(r"\b(?:city|town|village)\b", match.group("county"), re.I):
        return county_name(match.group("county"))
    return None
