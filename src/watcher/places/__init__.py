"""Places: US counties by 5-digit FIPS code (name, state, 2020 population), the places and
towns in each, the law-enforcement agencies the FBI lists with their counties, and resolving an
agency to its county (or to its whole state).

Reads only the derived tables shipped in ``watcher/data`` (built by
``scripts/build_registries.py`` from public reference files; attribution in
``watcher/data/NOTICE.md``). Pure lookups: may import ``errors``, ``states`` and ``data``
only; no network, no archive.
"""

from __future__ import annotations

from watcher.places.names import name_key
from watcher.places.resolve import Resolution, resolve_agency
from watcher.places.tables import County, counties, county, state_fips

__all__ = [
    "County",
    "Resolution",
    "counties",
    "county",
    "name_key",
    "resolve_agency",
    "state_fips",
]
