"""ICE's column headers and links, shared by the workbook and page parsers."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urljoin

from watcher.ice.parse import normalize as nz

ICE_BASE = "https://www.ice.gov/"

# Header text (trimmed, upper-cased) -> field. Agency aliases are ranked: a fact sheet with
# both AGENCY and MOA NAME keeps AGENCY.
_ALIASES: dict[str, str] = {
    "STATE": "state",
    "LAW ENFORCEMENT AGENCY": "agency",
    "AGENCY": "agency",
    "AGENCY NAME": "agency",
    "MOA NAME": "agency",
    "TYPE": "type",
    "AGENCY TYPE": "type",
    "COUNTY": "county",
    "SUPPORT TYPE": "support",
    "SUPPORT TYPES": "support",
    "SIGNED": "signed",
    "DATE SIGNED": "signed",
    "DATES SIGNED": "signed",
    "OFFICIAL APPROVAL": "signed",
    "MOA": "moa",
    "MOA LINK": "moa",
    "ADDENDUM": "addendum",
}
_AGENCY_RANK = ("LAW ENFORCEMENT AGENCY", "AGENCY", "AGENCY NAME", "MOA NAME")

Links = tuple[tuple[str, str], ...]  # (anchor text, target) in a cell


def header_fields(cells: Sequence[object]) -> dict[str, int] | None:
    """field -> column index when ``cells`` is an ICE header row, else None."""
    found: dict[str, int] = {}
    agency_rank = len(_AGENCY_RANK)
    for i, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        name = nz.clean_text(cell).upper().rstrip(" *:†")
        key = _ALIASES.get(name)
        if key == "agency":
            rank = _AGENCY_RANK.index(name)
            if rank < agency_rank:
                found["agency"], agency_rank = i, rank
        elif key is not None and key not in found:
            found[key] = i
    return found if "state" in found and "agency" in found else None


def resolve_href(href: str, base_url: str = ICE_BASE) -> str:
    return urljoin(base_url, href.strip().strip("\"'"))
