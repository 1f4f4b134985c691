"""Tying agencies to counties by FIPS code: the shipped tables, the resolution order, the
refusal to guess, and the share resolved on every real ICE list in ../shared/ice_data."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import shared_path
from watcher.ice.jurisdiction import locate
from watcher.ice.parse.workbook import parse_ice_workbook
from watcher.places import county, name_key, resolve_agency, state_fips
from watcher.places.names import edit_distance, split_county_suffix
from watcher.places.resolve import county_matches

DATA = Path(__file__).resolve().parents[1] / "src" / "watcher" / "data"


def test_name_keys_agree_on_spellings() -> None:
    assert name_key("St. Mary's County") == name_key("Saint Marys  County") == "saintmaryscounty"
    assert name_key("De Kalb") == name_key("DeKalb")
    assert name_key("Ft. Myers") == name_key("Fort Myers")
    assert name_key("Doña Ana") == "donaana"
    assert split_county_suffix("Kodiak Island Borough") == ("Kodiak Island", "borough")
    assert split_county_suffix("Alexandria city") == ("Alexandria", "city")
    assert split_county_suffix("Carson City") == ("Carson City", None)
    assert edit_distance("pulaksi", "pulaski") == 1  # a transposition is one edit
    assert edit_distance("bowie", "boone") == 2
    assert edit_distance("galveston", "harris") == 3  # cut off above the limit


def test_counties_carry_census_2020_population() -> None:
    galveston = county("48167")
    assert galveston is not None
    assert (galveston.name, galveston.state, galveston.population) == (
        "Galveston County",
        "TX",
        350682,
    )
    assert galveston.population_source == "Census 2020"
    assert county("09110") is not None  # Connecticut's planning regions (2024 Gazetteer)
    assert county("09001") is not None  # and its old counties, where places are still filed
    assert state_fips("tx") == "48"
    assert county("99999") is None


def test_shipped_tables_name_their_sources_and_licences() -> None:
    head = (DATA / "counties.csv").read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Counties: U.S. Census Bureau")
    places = gzip.decompress((DATA / "places.csv.gz").read_bytes()).decode()
    assert "SimpleMaps" in places[:400] and "CC BY 4.0" in places[:400]
    notice = (DATA / "NOTICE.md").read_text(encoding="utf-8")
    for needle in ("simplemaps.com/data/us-cities", "CC BY 4.0", "Apache", "CC0", "FBI"):
        assert needle in notice


@pytest.mark.parametrize(
    ("state", "agency", "agency_type", "column", "fips", "basis"),
    [
        ("TX", "Galveston County Sheriff's Office", "County", "Galveston County", "48167",
         "ice_county"),
        # ICE's typo, one county of the state that close: corrected.
        ("AL", "Franklin County Sheriff's Office", "County", "Frankin County", "01059",
         "ice_county_corrected"),
        # A real county of another state is ICE's mistake, not a typo: not "corrected" to
        # Boone County; the FBI's list puts Texarkana, AR in Miller County.
        ("AR", "Texarkana Police Department", "Municipality", "Bowie County", "05091",
         "fbi_agency"),
        ("OK", "Haskell Police Department", None, None, "40101", "fbi_agency"),
        ("FL", "Jupiter Island Department of Public Safety", "Municipality", None, "12085",
         "place"),
        ("PA", "Quarryville Borough Police Department", "Municipality", None, "42071", "place"),
        ("MO", "Texas County Sheriff's Office", None, None, "29215", "agency_name"),
        ("FL", "Florida Highway Patrol", None, None, None, "statewide"),
        ("AR", "Arkansas Department of Corrections", "State Agency", "Pulaski County", None,
         "statewide"),
    ],
)  # fmt: skip
def test_resolution_order(
    state: str, agency: str, agency_type: str | None, column: str | None, fips: str | None,
    basis: str,
) -> None:  # fmt: skip
    found = resolve_agency(state, agency, agency_type, column)
    assert (found.county_fips, found.basis) == (fips, basis)
    assert found.resolved


def test_ambiguous_names_stay_unresolved_with_their_candidates() -> None:
    township = resolve_agency("PA", "Jackson Township Police Department")
    assert township.basis == "unresolved" and township.county_fips is None
    assert len(township.candidates) > 5 and "42019" in township.candidates
    assert "fits" in township.detail
    # Fairfax is a county and an independent city: the suffix decides, a bare name does not.
    assert county_matches("VA", "Fairfax County") == ("51059",)
    assert county_matches("VA", "Fairfax") == ("51059", "51600")
    nowhere = resolve_agency("TX", "Springfield Police Department")
    assert (nowhere.basis, nowhere.county_fips) == ("unresolved", None)


def test_locate_gives_the_census_name_for_cost_figures() -> None:
    found, name = locate("AL", "Franklin County Sheriff's Office", "County", "Frankin County")
    assert (found.county_fips, name) == ("01059", "Franklin")
    found, name = locate("TX", "Springfield Police Department", None, None)
    assert (found.county_fips, name) == (None, None)


def resolve_list(path: Path) -> tuple[int, list[str]]:
    parsed = parse_ice_workbook(path.read_bytes())
    unresolved = []
    for row in parsed.rows:
        found = resolve_agency(row.state, row.agency, row.agency_type, row.county)
        if not found.resolved:
            unresolved.append(f"{row.state} {row.agency} (county column {row.county!r}): "
                              f"{found.detail}")  # fmt: skip
    return len(parsed.rows), unresolved


def test_the_31_dec_2025_list_resolves_at_least_97_percent() -> None:
    path = shared_path("ice_data", "2025-12-31am_participatingAgencies12312025am.xlsx")
    total, unresolved = resolve_list(path)
    share = (total - len(unresolved)) / total
    print(f"\n31 Dec 2025: {total - len(unresolved)} of {total} resolved ({share:.1%}); "
          f"unresolved:\n  " + "\n  ".join(unresolved))  # fmt: skip
    assert total == 1274
    assert share >= 0.97
    # What stays unresolved is what the reference data cannot place without a guess:
    # campus and airport police, regional jails of several counties.
    assert any("Regional Jail" in line for line in unresolved)


def test_every_real_list_is_reported() -> None:
    folder = shared_path("ice_data")
    lines = []
    for path in sorted(folder.glob("*.xlsx")):
        total, unresolved = resolve_list(path)
        share = (total - len(unresolved)) / total
        lines.append(f"{path.name}: {share:.1%} of {total}; unresolved: {len(unresolved)}")
        assert share >= 0.96, path.name
    print("\n" + "\n".join(lines))
    assert len(lines) == 15


def test_agreements_stored_before_fips_codes_are_filled_in(tmp_path: Path) -> None:
    from watcher.ice.jurisdiction import fill_county_fips
    from watcher.store.archive import open_archive

    db = open_archive(tmp_path / "w.db")
    db.execute("INSERT INTO sources (name, kind, url) VALUES ('ice', 'ice_287g', 'https://x')")
    for number, (agency, column) in enumerate(
        [("Galveston County Sheriff's Office", "Galveston County"),
         ("Jackson Township Police Department", None)]
    ):  # fmt: skip
        db.execute(
            "INSERT INTO agreements (source, list_kind, key, state, agency, agency_key, "
            "support_type, county, content_hash, status, first_seen_at) VALUES ('ice', "
            "'participating', ?, ?, ?, ?, 'Task Force Model', ?, 'h', 'active', '2025-01-01')",
            [f"k{number}", "TX" if column else "PA", agency, agency.lower(), column],
        )
    with db.atomic():
        assert fill_county_fips(db) == 2
        assert fill_county_fips(db) == 0  # once only
    rows = db.execute(
        "SELECT agency, county_fips, jurisdiction_basis, jurisdiction_county FROM agreements "
        "ORDER BY id"
    ).fetchall()
    assert rows == [
        ("Galveston County Sheriff's Office", "48167", "ice_county", "Galveston"),
        ("Jackson Township Police Department", None, "unresolved", None),
    ]
