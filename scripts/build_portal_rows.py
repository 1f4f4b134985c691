"""The portal half of scripts/build_registries.py: county agenda portals and county .gov
domains from the public lists in ../shared/registries, matched to county FIPS codes."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from watcher.places.names import name_key

Lookup = dict[tuple[str, str], set[str]]
_GOVERNMENT = re.compile(
    r"^(?:(?:the\s+)?(?:city and )?county of\s+(?P<a>.+?)|(?P<b>.+?\s(?:county|parish|borough)))"
    r"(?:,\s*[A-Za-z .]+)?(?:\s+government)?$",
    re.I,
)


def _fips(lookup: Lookup, state: str, name: str, corrections: dict[str, str]) -> str | None:
    name = corrections.get(name, name)
    for candidate in (name, f"{name} County", f"{name} Parish", f"{name} Borough"):
        found = lookup.get((state, name_key(candidate)), set())
        if len(found) == 1:
            return next(iter(found))
    return None


def _corrections(raw: Path, source: str) -> dict[str, str]:
    with (raw / "aw_corrections.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {r["original"]: r["corrected"] for r in rows if r["source"] == source}


def civicplus(raw: Path, lookup: Lookup) -> list[list[str]]:
    fixes, rows = _corrections(raw, "civplus"), []
    with (raw / "civicplus_sites.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["country"] != "USA" or "County" not in row["govt_level"]:
                continue
            fips = _fips(lookup, row["state"], row["name"], fixes)
            if fips:
                host = urlsplit(row["end_point"]).hostname or ""
                url = row["end_point"].replace("http://", "https://")
                evidence = "civic-scraper civicplus_sites.csv (2020)"
                rows.append([fips, "civicplus", url, host.split(".")[0], evidence])
    return rows


def legistar(raw: Path, lookup: Lookup) -> list[list[str]]:
    fixes, rows = _corrections(raw, "legistar"), []
    with (raw / "legistar_clients.csv").open(encoding="utf-8") as handle:
        api = {r["client"]: r["api"] == "True" for r in csv.DictReader(handle)}
    items = json.loads((raw / "legistar.json").read_text(encoding="utf-8"))["Items"]
    for item in items:
        if item["site_type"]["S"] != "county" or item["country"]["S"] != "United States":
            continue
        fips = _fips(lookup, item["state"]["S"], item["name"]["S"], fixes)
        client = item["endpoint"]["S"].split(".legistar.com")[0]
        if fips and "." not in client:
            note = "; Web API answered in 2024" if api.get(client) else ""
            rows.append([fips, "legistar", f"https://{client}.legistar.com", client,
                         f"aw-scripts legistar.json (2020){note}"])  # fmt: skip
    return rows


def granicus(raw: Path, lookup: Lookup) -> list[list[str]]:
    sites = json.loads((raw / "granicus_test_config.json").read_text(encoding="utf-8"))["sites"]
    rows = []
    for site in sites.values():
        if not re.search(r"\b(?:county|parish)\b", site["place"], re.I):
            continue
        fips = _fips(lookup, site["state"], site["place"], {})
        if fips:
            parts = urlsplit(site["url"])
            rows.append([fips, "granicus", f"https://{parts.hostname}",
                         (parts.hostname or "").split(".")[0],
                         "civic-scraper PR #213 Granicus test set (2025)"])  # fmt: skip
    return rows


def dotgov(raw: Path, lookup: Lookup) -> list[list[str]]:
    rows = []
    with (raw / "current-full.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Domain type"] != "County":
                continue
            match = _GOVERNMENT.match(row["Organization name"].strip())
            if not match:
                continue
            name = match["a"] or match["b"]
            fips = _fips(lookup, row["State"], name, {})
            if fips:
                domain = row["Domain name"].lower()
                rows.append([fips, "website", f"https://{domain}", "",
                             "CISA .gov domain list (current-full.csv)"])  # fmt: skip
    return rows


def portal_rows(raw: Path, counties: list[dict[str, str]], lookup: Lookup) -> list[list[str]]:
    del counties  # the lookup carries what is needed
    rows = civicplus(raw, lookup) + legistar(raw, lookup) + granicus(raw, lookup)
    rows += dotgov(raw, lookup)
    unique = {(r[0], r[1], r[2]): r for r in rows}
    return sorted(unique.values())
