"""Program-level reference figures: the shipped data file and its validation."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from watcher.costs.reference import (
    ReferenceDataError,
    load_reference_figures,
    reference_figures_for,
)


def by_id(state: str) -> dict[str, Any]:
    return {f.id: f for f in reference_figures_for(state)}


def test_every_shipped_entry_has_a_source_url_and_date() -> None:
    figures = reference_figures_for("TX") + reference_figures_for("FL")
    figures += reference_figures_for("NC")
    assert len({f.id for f in figures}) == 14
    for figure in figures:
        assert figure.source_url.startswith(("https://", "http://"))
        assert figure.source_date[:2] in ("20",)


def test_federal_reimbursement_terms_from_1_october_2025() -> None:
    us = by_id("WY")
    assert set(us) == {f.id for f in reference_figures_for("WY") if f.jurisdiction == "US"}
    assert us["us-ice-287g-salary-benefits"].percent == Decimal("100")
    assert us["us-ice-287g-overtime-cap"].percent == Decimal("25")
    awards = [us[f"us-ice-287g-award-{n}"].amount for n in (90, 80, 70)]
    assert awards == [Decimal("1000"), Decimal("750"), Decimal("500")]
    assert {us[k].effective_date for k in us if k.startswith("us-ice-287g-award")} == {"2025-10-01"}


def test_locally_reported_vehicle_and_deputy_amounts_are_marked_uncertain() -> None:
    us = by_id("WY")
    for key in ("us-ice-287g-vehicle-reported", "us-ice-287g-per-deputy-reported"):
        assert us[key].uncertain is True
        assert us[key].secondary is True
    assert us["us-ice-287g-per-deputy-reported"].amount == Decimal("7500")


def test_texas_gets_the_sb8_tiers_and_not_florida_terms() -> None:
    tx = by_id("tx")
    tiers = sorted(f.amount_max for f in tx.values() if f.id.startswith("tx-sb8"))
    assert tiers == [Decimal(n) for n in ("80000", "100000", "120000", "140000")]
    assert not any(f.jurisdiction == "FL" for f in tx.values())
    assert any(f.jurisdiction == "US" for f in tx.values())


def test_florida_gets_the_state_grant_program() -> None:
    fl = by_id("FL")
    assert fl["fl-igp-program-total"].amount == Decimal("250700000")
    assert fl["fl-officer-bonus"].amount_max == Decimal("1000")


def test_a_bad_state_code_is_refused() -> None:
    with pytest.raises(ValueError, match="two-letter"):
        reference_figures_for("Texas")


GOOD = {
    "id": "x",
    "program": "P",
    "jurisdiction": "TX",
    "kind": "grant",
    "description": "D",
    "amount": "100",
    "unit": "USD",
    "source_url": "https://example.gov/x",
    "source_date": "2026-01",
}


def load_one(**changes: Any) -> Any:
    entry = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    return load_reference_figures(json.dumps({"figures": [entry]}))


def test_a_good_entry_loads() -> None:
    (figure,) = load_one()
    assert (figure.amount, figure.source_date, figure.effective_date) == (
        Decimal("100"),
        "2026-01",
        None,
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source_url": None}, "missing or empty 'source_url'"),
        ({"source_url": "example.gov"}, "not an http"),
        ({"source_date": None}, "source_date must be"),
        ({"source_date": "2026-02-30"}, "is not a date"),
        ({"jurisdiction": "Texas"}, "jurisdiction"),
        ({"kind": "cost"}, "kind 'cost'"),
        ({"amount": 100.5}, "decimal string"),
        ({"amount": "-5"}, "non-negative"),
        ({"percent": "25"}, "exactly one"),
        ({"amount": None}, "exactly one"),
        ({"amount": None, "amount_min": "9", "amount_max": "1"}, "above amount_max"),
    ],
)
def test_invalid_entries_are_refused_with_the_reason(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ReferenceDataError, match=message):
        load_one(**changes)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ReferenceDataError, match="duplicate id"):
        load_reference_figures(json.dumps({"figures": [GOOD, GOOD]}))
