"""The shipped state-law table: complete, sourced, and faithful to the research notes."""

from __future__ import annotations

import csv
import json
from datetime import date
from importlib import resources

import pytest
from pydantic import ValidationError

from conftest import shared_path
from watcher.law import StateLawError, UnknownStateError, all_states, get_state_law, has_state_law
from watcher.law.data import StateLawTable, load_table, sources_for

STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
)
STATES_AND_DC = frozenset(STATE_CODES.split())
# From the notes, § 1 and Table A.
MANDATED = {"FL", "TX", "GA", "AR", "TN", "MS", "LA"}
CONFIRMED_BANS = {"CA", "CT", "DE", "IL", "MD", "NJ", "NM", "OR", "WA"}
UNCONFIRMED_BANS = {"HI", "ME"}
APPROVAL = {"VT", "MN", "MA", "VA"}
LOW_CONFIDENCE = {"AZ", "HI", "ME", "NE", "NY", "ND", "OH", "RI", "SD", "WI"}
RESIDENCY_LIMITS = {"AL", "AR", "DE", "KY", "PA", "TN", "VA"}


def raw_table() -> dict[str, object]:
    text = resources.files("watcher").joinpath("data", "state_law.json").read_text("utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def test_every_state_and_dc_is_present_once() -> None:
    codes = [entry.code for entry in all_states()]
    assert set(codes) == STATES_AND_DC
    assert len(codes) == 51


def test_every_fact_has_a_dated_source() -> None:
    table = load_table()
    for entry in all_states():
        assert entry.participation.sources, entry.code
        assert entry.records.sources, entry.code
        if entry.records.residency:
            assert entry.records.residency_sources, entry.code
        for source in sources_for(entry):
            assert source.url.startswith("http"), (entry.code, source)
            assert source.published, (entry.code, source)
            assert source.consulted == date(2026, 11, 28)
        assert entry.last_checked == date(2026, 11, 28)
    assert table.as_of == date(2026, 11, 28)


def test_sources_keep_the_notes_dates() -> None:
    sources = load_table().sources
    assert sources["TXSB8"].published == "2025-06-20"
    assert sources["FL908"].url == "https://www.flsenate.gov/Laws/Statutes/2024/0908.11"
    assert sources["RCFPT"].published == "n.d."  # the notes: undated stored copy


def test_categories_follow_the_notes() -> None:
    by_category: dict[str, set[str]] = {}
    for entry in all_states():
        by_category.setdefault(entry.participation.category, set()).add(entry.code)
    assert by_category["mandated"] == MANDATED
    assert by_category["banned"] == CONFIRMED_BANS | UNCONFIRMED_BANS
    assert by_category["approval"] == APPROVAL
    assert (
        by_category["local"]
        == STATES_AND_DC - MANDATED - CONFIRMED_BANS - UNCONFIRMED_BANS - APPROVAL
    )
    assert {e.code for e in all_states() if e.participation.mandates_participation} == MANDATED - {
        "LA"
    }


def test_uncertainty_marks_are_kept() -> None:
    low = {e.code for e in all_states() if e.participation.confidence == "L"}
    assert low == LOW_CONFIDENCE
    unconfirmed = {e.code for e in all_states() if not e.participation.confirmed}
    assert unconfirmed == UNCONFIRMED_BANS | {"NY"}
    assert all(get_state_law(code).participation.uncertain for code in LOW_CONFIDENCE)
    tn = get_state_law("TN").participation
    assert tn.compliance_date == date(2027, 1, 1)
    assert not tn.compliance_date_confirmed
    assert "verify" in tn.effective  # the notes' own mark survives verbatim


def test_key_facts_from_the_notes() -> None:
    tx = get_state_law("TX")
    assert "SB 8" in tx.participation.citation
    assert "Gov't Code ch. 753" in tx.participation.citation
    assert tx.participation.compliance_date == date(2026, 12, 1)
    assert tx.records.name == "Texas Public Information Act"
    assert (tx.records.deadline.kind, tx.records.deadline.days) == ("business_days", 10)
    fl = get_state_law("FL")
    assert fl.participation.detail == "state_approval_to_terminate"
    assert "State Board of Immigration Enforcement" in fl.participation.who_can_end
    assert fl.records.deadline.kind == "none"
    assert get_state_law("CA").records.deadline.kind == "calendar_days"
    assert get_state_law("SD").records.deadline.kind == "unverified"
    assert {e.code for e in all_states() if e.records.residency} == RESIDENCY_LIMITS


def test_lookup_is_case_and_space_insensitive() -> None:
    assert get_state_law(" tx ").code == "TX"
    assert has_state_law("dc")
    assert not has_state_law("PR")


@pytest.mark.parametrize("code", ["ZZ", "PR", "Texas", ""])
def test_unknown_state_is_a_clear_error(code: str) -> None:
    with pytest.raises(UnknownStateError, match="50 states or DC") as info:
        get_state_law(code)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, StateLawError)


def test_validation_rejects_an_unsourced_citation() -> None:
    data = raw_table()
    sources = data["sources"]
    assert isinstance(sources, dict)
    del sources["TXSB8"]
    with pytest.raises(ValidationError, match="TX cites unknown sources"):
        StateLawTable.model_validate(data)


def test_validation_rejects_a_deadline_without_days() -> None:
    data = raw_table()
    states = data["states"]
    assert isinstance(states, dict)
    states["GA"]["records"]["deadline"]["days"] = None
    with pytest.raises(ValidationError, match="does not fit"):
        StateLawTable.model_validate(data)


def test_table_matches_the_notes_csv() -> None:
    path = shared_path("notes", "state_law.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["code"] for row in rows} == STATES_AND_DC
    for row in rows:
        entry = get_state_law(row["code"])
        assert entry.name == row["state"]
        assert entry.participation.notes_category == row["participation_law"]
        assert entry.participation.citation == row["citation"]
        assert entry.records.name == row["records_law"]
        assert entry.records.citation == row["records_citation"]
        assert entry.records.deadline.text == row["response_deadline"]
        urls = {s.url for s in sources_for(entry)}
        assert set(row["sources"].split("; ")) <= urls, entry.code
