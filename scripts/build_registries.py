"""Build the place tables shipped in src/watcher/data/ from the public reference files in
../shared/registries/ (see its SOURCES.txt for each file's origin and licence).

Run by hand when the reference files change: ``python scripts/build_registries.py``. Neither
the package nor the tests need this script or the raw files: what it writes is committed data.

Writes
  counties.csv       every county and equivalent: FIPS, state, name, 2020 population
  places.csv.gz      (state, name key of a city/town/township/borough/CDP) -> county FIPS
  agencies.csv.gz    (state, name key of an FBI-listed agency) -> county FIPS
  portals.csv        known agenda portals of counties (CivicPlus, Legistar, Granicus) and
                     county .gov domains, for the portal registry
Each file starts with '#' lines naming its sources and licences (also in data/NOTICE.md).
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAW = REPO.parent / "shared" / "registries"
OUT = REPO / "src" / "watcher" / "data"
sys.path.insert(0, str(REPO / "src"))

from watcher.places.names import name_key, split_county_suffix  # noqa: E402

CENSUS = "U.S. Census Bureau (public domain)"
HEADERS = {
    "counties.csv": [
        f"Counties: {CENSUS}: 2024 Gazetteer Files (counties); 2020 Census P.L. 94-171 table P1",
        "(population = total, 1 Apr 2020); Vintage 2023 estimates base for Connecticut's",
        "planning regions. Derived by scripts/build_registries.py.",
    ],
    "places.csv.gz": [
        "Places to counties: SimpleMaps United States Cities Database (Basic),",
        "https://simplemaps.com/data/us-cities, licensed CC BY 4.0 (primary county of each city);",
        f"county subdivisions from the {CENSUS} Vintage 2019 FIPS codes file (CSV by Big Local",
        "News, Apache-2.0). Derived (name keys) by scripts/build_registries.py.",
    ],
    "agencies.csv.gz": [
        "Agencies to counties: FBI Crime Data Explorer agency list (2018; U.S. Government work,",
        "public domain), county names matched to Census FIPS by scripts/build_registries.py.",
    ],
    "portals.csv": [
        "County agenda portals and .gov domains: biglocalnews/civic-scraper civicplus_sites.csv",
        "and biglocalnews/aw-scripts legistar.json (Apache-2.0, Copyright Big Local News);",
        "civic-scraper PR #213 Granicus test set (Apache-2.0); CISA dotgov-data current-full.csv",
        "(CC0 1.0). Filtered to county governments by scripts/build_registries.py.",
    ],
}
SUBDIVISION_TYPES = (
    "charter township",
    "township",
    "town",
    "borough",
    "village",
    "city",
    "plantation",
    "gore",
    "grant",
    "purchase",
    "location",
)


def read_csv(name: str, skip: int = 0, delimiter: str = ",") -> list[dict[str, str]]:
    text = (RAW / name).read_text(encoding="utf-8-sig")
    lines = io.StringIO("".join(text.splitlines(True)[skip:]))
    return list(csv.DictReader(lines, delimiter=delimiter))


def build_counties() -> list[dict[str, str]]:
    gaz = read_csv("2024_Gaz_counties_national.txt", delimiter="\t")
    census: dict[str, int] = {}
    names: dict[str, str] = {}
    lines = (RAW / "DECENNIALPL2020.P1-Data.csv").read_text(encoding="utf-8-sig").splitlines()
    for row in csv.reader(lines[2:]):
        fips = row[0].removeprefix("0500000US")
        census[fips] = int(row[2])
        names[fips] = row[1].rsplit(", ", 1)[0]
    base: dict[str, int] = {}
    for row in read_csv("co-est2023-alldata.csv"):
        if row["SUMLEV"] == "50":
            base[row["STATE"].zfill(2) + row["COUNTY"].zfill(3)] = int(row["ESTIMATESBASE2020"])
    out: dict[str, dict[str, str]] = {}
    state_of: dict[str, str] = {}
    for raw in gaz:
        row = {k.strip(): v.strip() for k, v in raw.items()}
        fips, state = row["GEOID"], row["USPS"]
        state_of[fips[:2]] = state
        if fips in census:
            pop, source = str(census[fips]), "Census 2020"
        elif fips in base:
            pop, source = str(base[fips]), "Census 2020 estimates base"
        else:
            pop, source = "", ""
        out[fips] = {
            "fips": fips,
            "state": state,
            "name": row["NAME"],
            "population": pop,
            "population_source": source,
        }
    # Connecticut's 8 old counties (2020 Census geography) stay, for places still filed there.
    for fips, pop in census.items():
        if fips not in out and fips[:2] in state_of:
            out[fips] = {
                "fips": fips,
                "state": state_of[fips[:2]],
                "name": names[fips],
                "population": str(pop),
                "population_source": "Census 2020",
            }
    return sorted(out.values(), key=lambda r: r["fips"])


def county_lookup(counties: list[dict[str, str]]) -> dict[tuple[str, str], set[str]]:
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in counties:
        for key in {name_key(row["name"]), name_key(split_county_suffix(row["name"])[0])}:
            index[(row["state"], key)].add(row["fips"])
    return index


def build_places(states: dict[str, str]) -> dict[tuple[str, str], set[str]]:
    cities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read_csv("uscities.csv"):
        if row["county_fips"]:
            cities[(row["state_id"], name_key(row["city_ascii"]))].add(row["county_fips"])
    subdivisions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read_csv("all-geocodes-v2019.csv", skip=4):
        if row["Summary Level"] != "061":
            continue
        name = row["Area Name (including legal/statistical area description)"]
        state = states.get(row["State Code (FIPS)"])
        lowered = name.lower()
        if not state or lowered.endswith(" ccd") or "not defined" in lowered:
            continue
        fips = row["State Code (FIPS)"] + row["County Code (FIPS)"]
        subdivisions[(state, name_key(name))].add(fips)
        for kind in SUBDIVISION_TYPES:
            if lowered.endswith(" " + kind):
                subdivisions[(state, name_key(name[: -len(kind) - 1]) + "#sub")].add(fips)
                break
    places = dict(cities)
    for key, fips in subdivisions.items():
        if key[1].endswith("#sub"):
            bare = (key[0], key[1].removesuffix("#sub"))
            if bare not in cities:  # a city's own county outranks same-named towns elsewhere
                places.setdefault(bare, set()).update(fips)
        else:
            places.setdefault(key, set()).update(fips)
    return places


def build_agencies(counties: list[dict[str, str]]) -> dict[tuple[str, str], set[str]]:
    lookup = county_lookup(counties)
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read_csv("fbi_cde_agencies_2018.csv"):
        state = row["state_abbr"]
        found: set[str] = set()
        for part in filter(None, (p.strip() for p in row["county_name"].split(";"))):
            found |= lookup.get((state, name_key(part)), set())
        if found:
            out[(state, name_key(row["agency_name"]))] |= found
    return out


def write(name: str, header: list[str], rows: list[list[str]], columns: list[str]) -> None:
    buffer = io.StringIO()
    for line in header:
        buffer.write(f"# {line}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    if name.endswith(".gz"):
        data = gzip.compress(data, compresslevel=9, mtime=0)
    (OUT / name).write_bytes(data)
    print(f"{name}: {len(rows)} rows, {len(data):,} bytes")


def keyed_rows(table: dict[tuple[str, str], set[str]]) -> list[list[str]]:
    return [[s, k, ";".join(sorted(f))] for (s, k), f in sorted(table.items())]


def main() -> int:
    if not RAW.is_dir():
        print(f"no {RAW}: the reference files are not here", file=sys.stderr)
        return 1
    counties = build_counties()
    columns = ["fips", "state", "name", "population", "population_source"]
    write(
        "counties.csv",
        HEADERS["counties.csv"],
        [[r[c] for c in columns] for r in counties],
        columns,
    )
    states = {r["fips"][:2]: r["state"] for r in counties}
    write(
        "places.csv.gz",
        HEADERS["places.csv.gz"],
        keyed_rows(build_places(states)),
        ["state", "key", "fips"],
    )
    write(
        "agencies.csv.gz",
        HEADERS["agencies.csv.gz"],
        keyed_rows(build_agencies(counties)),
        ["state", "key", "fips"],
    )
    if "--no-portals" not in sys.argv:
        from build_portal_rows import portal_rows

        rows = portal_rows(RAW, counties, county_lookup(counties))
        write(
            "portals.csv",
            HEADERS["portals.csv"],
            rows,
            ["fips", "platform", "url", "client", "evidence"],
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
