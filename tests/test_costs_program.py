"""The program figures an alert carries for one agency: worked out from cited program rules
and the county's 2020 population, never more than three, never another bracket or state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from watcher.alerts.enrich import enriched_events
from watcher.costs.program import agency_figures
from watcher.costs.reference import ReferenceDataError, load_reference_figures
from watcher.ice.parse.workbook import parse_ice_workbook
from watcher.places import county, resolve_agency
from watcher.store.archive import open_archive

TFM, JEM, WSO = "Task Force Model", "Jail Enforcement Model", "Warrant Service Officer"


def ids(state: str, agency: str, model: str, fips: str | None) -> list[str]:
    return [f.figure.id for f in agency_figures(state, agency, model, county(fips))]


def test_a_texas_sheriff_gets_the_one_sb8_bracket_of_its_county() -> None:
    chosen = agency_figures("TX", "Galveston County Sheriff's Office", TFM, county("48167"))
    assert [f.figure.id for f in chosen] == [
        "tx-sb8-grant-pop-100k-500k",
        "us-ice-287g-salary-benefits",
        "us-ice-287g-awards",
    ]
    grant = chosen[0]
    assert grant.computed == (
        "Galveston County, 350,682 people (Census 2020): grant of up to $100,000"
    )
    assert "Sheriff Immigration Law Enforcement Grant" in grant.basis
    assert "Census 2020 count" in grant.basis
    assert grant.figure.source_url.startswith("https://")
    awards = chosen[2]
    assert (awards.figure.amount_min, awards.figure.amount_max) == (500, 1000)
    assert "90-100%: $1,000" in awards.basis and "70-79%: $500" in awards.basis


@pytest.mark.parametrize(
    ("fips", "bracket"),
    [
        ("48301", "tx-sb8-grant-pop-under-100k"),  # Loving County, 64 people
        ("48029", "tx-sb8-grant-pop-1m-plus"),  # Bexar County, 2,009,324
        ("48141", "tx-sb8-grant-pop-500k-1m"),  # El Paso County, 865,657
    ],
)
def test_every_bracket_is_chosen_by_population(fips: str, bracket: str) -> None:
    found = ids("TX", "X County Sheriff's Office", WSO, fips)
    assert [i for i in found if i.startswith("tx-sb8")] == [bracket]
    assert found[1:] == ["us-ice-287g-salary-benefits", "us-ice-287g-overtime-cap"]


def test_no_bracket_without_a_population_and_none_for_police() -> None:
    # County unknown: no bracket is guessed, and the others are not listed instead.
    assert ids("TX", "Some County Sheriff's Office", JEM, None) == [
        "us-ice-287g-salary-benefits",
        "us-ice-287g-overtime-cap",
    ]
    # SB 8 grants go to sheriffs' offices, not police departments or constables.
    assert not any(i.startswith("tx-") for i in ids("TX", "Pasadena Police Department", TFM,
                                                      "48201"))  # fmt: skip


def test_florida_per_officer_terms_and_no_statewide_totals() -> None:
    found = ids("FL", "Tampa Police Department", TFM, "12057")
    assert found == ["fl-officer-bonus", "us-ice-287g-salary-benefits", "us-ice-287g-awards"]
    assert "fl-igp-program-total" not in found  # a statewide total is no agency's figure


def test_other_states_get_ice_terms_only_and_never_more_than_three() -> None:
    assert ids("WY", "Sweetwater County Sheriff's Office", JEM, "56037") == [
        "us-ice-287g-salary-benefits",
        "us-ice-287g-overtime-cap",
    ]
    assert ids("NC", "Wake County Sheriff's Office", JEM, "37183")[0].startswith("us-")


def test_a_bad_applies_block_is_refused() -> None:
    entry = {
        "id": "x", "program": "P", "jurisdiction": "TX", "kind": "grant", "description": "D",
        "amount": "100", "unit": "USD", "source_url": "https://example.gov/x",
        "source_date": "2026-01",
    }  # fmt: skip
    for applies, message in [
        ({"agency": "police"}, "is not 'sheriff'"),
        ({"models": ["Jail Model"]}, "applies.models"),
        ({"population_min": "100"}, "non-negative integers"),
        ({"colour": "red"}, "keys among"),
    ]:
        with pytest.raises(ReferenceDataError, match=message):
            load_reference_figures(json.dumps({"figures": [dict(entry, applies=applies)]}))


def test_every_agreement_on_the_real_list_gets_an_agency_figure() -> None:
    path = shared_path("ice_data", "2025-12-31am_participatingAgencies12312025am.xlsx")
    rows = parse_ice_workbook(path.read_bytes()).rows
    tx_sheriffs = 0
    for row in rows:
        fips = resolve_agency(row.state, row.agency, row.agency_type, row.county).county_fips
        chosen = agency_figures(row.state, row.agency, row.model, county(fips))
        assert 1 <= len(chosen) <= 3, row.agency
        if row.state == "TX" and "Sheriff" in row.agency and fips:
            tx_sheriffs += 1
            assert len([f for f in chosen if f.figure.id.startswith("tx-sb8")]) == 1
    assert tx_sheriffs > 150


def test_an_alert_carries_the_agency_figures(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "w.db")
    db.execute("INSERT INTO sources (name, kind, url) VALUES ('ice', 'ice_287g', 'https://x')")
    db.execute("INSERT INTO blobs VALUES ('ab', 1, x'00', '2026-01-01T00:00:00+00:00')")
    db.execute(
        "INSERT INTO publications (id, source, sha256, as_of, fetched_at, status) "
        "VALUES (1, 'ice', 'ab', '2026-01-01T00:00:00+00:00', '2026-01-01', 'accepted')"
    )
    db.execute(
        "INSERT INTO agreements (id, source, list_kind, key, state, agency, agency_key, "
        "support_type, county, jurisdiction_county, content_hash, status, first_seen_at) "
        "VALUES (1, 'ice', 'participating', 'k', 'TX', 'Galveston County Sheriff''s Office', "
        "'g', 'Task Force Model', 'Galveston County', 'Galveston', 'h', 'active', '2026-01-01')"
    )
    db.execute(
        "INSERT INTO events (source, type, agreement_id, state, agency, support_type, "
        "observed_at, publication_id, created_at) VALUES ('ice', 'new', 1, 'TX', "
        "'Galveston County Sheriff''s Office', 'Task Force Model', '2026-01-01T00:00:00+00:00', "
        "1, '2026-01-01')"
    )
    (event,) = enriched_events(db)
    assert event["jurisdiction"] == {"state": "TX", "county": "Galveston", "county_fips": "48167"}
    figures = event["reference_figures"]
    assert len(figures) == 3
    assert figures[0]["id"] == "tx-sb8-grant-pop-100k-500k"
    assert figures[0]["amount_text"] == "up to $100,000"
    assert figures[0]["computed"].startswith("Galveston County, 350,682 people")
    assert all(f["basis"] and f["source_url"] for f in figures)
    # The state's other brackets stay off the alert (one link away on the web page).
    assert [f["id"] for f in figures if f["id"].startswith("tx-sb8")] == [figures[0]["id"]]
    assert event["reference_figures_more"] == 6  # 11 for TX, 5 shown (3 award tiers in one)
