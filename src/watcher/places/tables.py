"""The shipped tables: counties (FIPS, name, 2020 population), places and towns to counties,
FBI-listed agencies to counties. Loaded once, on first use."""

from __future__ import annotations

import csv
import functools
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from watcher.places.names import name_key, split_county_suffix


@dataclass(frozen=True)
class County:
    fips: str  # 5 digits: state 2 + county 3
    state: str  # postal code
    name: str  # with its legal suffix: "Galveston County", "Orleans Parish", "Alexandria city"
    population: int | None
    population_source: str  # "Census 2020" (P1 count) or "Census 2020 estimates base"

    @property
    def base_name(self) -> str:
        return split_county_suffix(self.name)[0]


def _rows(filename: str) -> Iterator[dict[str, str]]:
    data = resources.files("watcher").joinpath(f"data/{filename}").read_bytes()
    if filename.endswith(".gz"):
        data = gzip.decompress(data)
    lines = (line for line in io.StringIO(data.decode("utf-8")) if not line.startswith("#"))
    yield from csv.DictReader(lines)


@functools.cache
def _counties() -> dict[str, County]:
    return {
        row["fips"]: County(
            fips=row["fips"],
            state=row["state"],
            name=row["name"],
            population=int(row["population"]) if row["population"] else None,
            population_source=row["population_source"],
        )
        for row in _rows("counties.csv")
    }


def counties() -> dict[str, County]:
    """Every county and equivalent, by FIPS code."""
    return _counties()


def county(fips: str | None) -> County | None:
    return _counties().get(fips) if fips else None


@functools.cache
def _state_codes() -> dict[str, str]:
    return {c.state: c.fips[:2] for c in _counties().values()}


def state_fips(state: str) -> str | None:
    """'TX' -> '48'."""
    return _state_codes().get(state.upper())


@functools.cache
def state_county_index(state: str) -> dict[str, tuple[str, ...]]:
    """Key of a county's name without its suffix, and of its full name -> FIPS, in ``state``
    (built per state: a command that looks up one county reads 254 names, not 3,230)."""
    index: dict[str, set[str]] = {}
    for entry in _counties().values():
        if entry.state == state:
            for key in {name_key(entry.name), name_key(entry.base_name)}:
                index.setdefault(key, set()).add(entry.fips)
    return {key: tuple(sorted(value)) for key, value in index.items()}


@functools.cache
def _keyed(filename: str) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(row["state"], row["key"]): tuple(row["fips"].split(";")) for row in _rows(filename)}


def places_index() -> dict[tuple[str, str], tuple[str, ...]]:
    """(state, name key of a city, town, township, borough, village or CDP) -> county FIPS."""
    return _keyed("places.csv.gz")


def agencies_index() -> dict[tuple[str, str], tuple[str, ...]]:
    """(state, name key of an agency on the FBI's list) -> county FIPS."""
    return _keyed("agencies.csv.gz")
