"""Legal context sentences and the per-state withdrawal debounce."""

from __future__ import annotations

import re
from datetime import date

import pytest

from watcher.law import UnknownStateError, all_states, legal_context, withdrawal_debounce
from watcher.law.context import EVENT_TYPES

HEDGES = (
    "could not",
    "not confirmed",
    "not verified",
    "disputed",
    "thin",
    "reportedly",
    "not binding",
    "disagree",
    "uncertain",
    "unknown",
    "may",
    "would",
    "contest",
    "not a retrieved source",
    "did not verify",
    "pending",
)


@pytest.mark.parametrize("state", [e.code for e in all_states()])
@pytest.mark.parametrize("event", EVENT_TYPES)
def test_every_state_and_event_gets_two_sentences(state: str, event: str) -> None:
    ctx = legal_context(state, event)
    assert ctx.text == f"{ctx.law_sentence} {ctx.event_sentence}"
    assert ctx.law_sentence.endswith(".") and ctx.event_sentence.endswith(".")
    assert "{" not in ctx.text and "None" not in ctx.text
    assert ctx.disclaimer == "This is information, not legal advice."
    assert ctx.as_of == date(2026, 11, 28)
    assert ctx.citation
    assert ctx.sources and all(url.startswith("http") for url in ctx.sources)
    if ctx.uncertain:
        assert any(word in ctx.law_sentence for word in HEDGES), ctx.law_sentence


def test_texas_mandate_names_the_law_the_deadline_and_the_enforcer() -> None:
    before = legal_context("TX", "new", on=date(2026, 6, 1))
    assert before.law_sentence == (
        "Texas law (SB 8, 2025) requires the sheriff of every county that operates a jail to "
        "request and enter a 287(g) agreement; compliance is due by 1 Dec 2026 and the attorney "
        "general enforces it."
    )
    after = legal_context("TX", "new", on=date(2026, 12, 5))
    assert "compliance was due 1 Dec 2026" in after.text
    assert before.category == "mandated"
    assert not before.notable and not before.conflicts_with_mandate


@pytest.mark.parametrize("state", ["TX", "FL", "GA", "AR", "TN", "MS"])
def test_withdrawal_in_a_mandate_state_conflicts(state: str) -> None:
    ctx = legal_context(state, "withdrawal")
    assert ctx.conflicts_with_mandate
    assert not ctx.notable
    assert "rather than a real withdrawal" in ctx.event_sentence


def test_florida_withdrawal_names_the_state_board() -> None:
    ctx = legal_context("FL", "withdrawal")
    assert "Fla. Stat. § 908.11" in ctx.text
    assert "State Board of Immigration Enforcement's approval" in ctx.text
    assert "would conflict with that mandate" in ctx.text


def test_louisiana_partial_mandate_is_not_a_conflict() -> None:
    ctx = legal_context("LA", "withdrawal")
    assert not ctx.conflicts_with_mandate
    assert "another compliant housing agreement" in ctx.text


@pytest.mark.parametrize(
    ("state", "law"),
    [
        ("CA", "SB 54"),
        ("IL", "TRUST Act"),
        ("WA", "Keep Washington Working Act"),
        ("NJ", "P.L. 2026, c. 5"),
    ],
)
def test_new_agreement_in_a_ban_state_is_notable(state: str, law: str) -> None:
    ctx = legal_context(state, "new")
    assert ctx.category == "banned"
    assert ctx.notable
    assert law in ctx.text
    assert ctx.event_sentence == "A new agreement here appears to conflict with that law."
    gone = legal_context(state, "withdrawal")
    assert not gone.notable
    assert gone.event_sentence == "Ending the agreement is in line with that law."


@pytest.mark.parametrize("state", ["HI", "ME"])
def test_unconfirmed_bans_are_not_stated_as_settled(state: str) -> None:
    ctx = legal_context(state, "new")
    assert not ctx.notable
    assert ctx.uncertain
    assert "could not confirm" in ctx.text
    assert f"{ctx.state} law (" not in ctx.text
    assert "appears to conflict" not in ctx.text


def test_hawaii_wording() -> None:
    assert legal_context("HI", "new").law_sentence == (
        "Hawaii's SB 2057 (2026) would bar any state or county agency from entering a 287(g) "
        "agreement; it passed in conference, but the notes could not confirm enactment."
    )


def test_new_york_pending_ban_is_a_local_decision_for_now() -> None:
    ctx = legal_context("NY", "withdrawal")
    assert ctx.category == "local"
    assert "could not confirm final enactment" in ctx.text
    assert not ctx.notable and not ctx.conflicts_with_mandate


def test_tennessee_deadline_is_hedged() -> None:
    ctx = legal_context("TN", "new")
    assert "reportedly due by 1 Jan 2027" in ctx.text
    assert "could not confirm" in ctx.text


def test_local_decision_wording() -> None:
    ctx = legal_context("AL", "withdrawal")
    assert ctx.category == "local"
    assert ctx.text == (
        "Alabama has no state law that requires or bars 287(g) agreements. "
        "Leaving is the signing agency's decision."
    )
    assert legal_context("KS", "new").event_sentence == (
        "Joining is a local decision, made by the sheriff alone."
    )
    thin = legal_context("NE", "new")
    assert thin.law_sentence.startswith("The notes found no Nebraska law")
    assert "thin" in thin.law_sentence


def test_approval_wording() -> None:
    vt = legal_context("VT", "new")
    assert vt.category == "approval"
    assert vt.event_sentence == "A new agreement needs the Governor's approval."
    assert legal_context("VT", "withdrawal").event_sentence == (
        "Ending an agreement needs no approval."
    )
    assert "not binding law" in legal_context("MN", "new").text


def test_wording_differs_per_event_type() -> None:
    for state in ("TX", "CA", "VT", "AL"):
        sentences = {legal_context(state, event).event_sentence for event in EVENT_TYPES}
        assert len(sentences) >= 5, state


def test_to_dict_matches_the_alert_shape() -> None:
    data = legal_context("CA", "new").to_dict()
    assert data["as_of"] == "2026-11-28"
    assert data["notable"] is True
    assert data["conflicts_with_mandate"] is False
    assert data["category"] == "banned"
    assert set(data) >= {"text", "citation", "as_of", "disclaimer"}


def test_render_has_citation_date_and_disclaimer() -> None:
    block = legal_context("FL", "new").render()
    assert "Law: Fla. Stat. § 908.11" in block
    assert "(as of 28 Nov 2026)" in block
    assert block.endswith("This is information, not legal advice.")


def test_bad_input() -> None:
    with pytest.raises(UnknownStateError, match="ZZ"):
        legal_context("ZZ", "new")
    with pytest.raises(ValueError, match=re.escape("unknown event type 'created'")):
        legal_context("TX", "created")


def test_debounce_override_wins() -> None:
    assert withdrawal_debounce("tx", default=3, overrides={"TX": 2}, mandate_default=6) == 2
    assert withdrawal_debounce("AL", default=3, overrides={"al": 5}, mandate_default=6) == 5


@pytest.mark.parametrize("state", ["FL", "TX", "GA", "AR", "TN", "MS"])
def test_debounce_is_stricter_in_mandate_states(state: str) -> None:
    assert withdrawal_debounce(state, default=3, overrides={}, mandate_default=6) == 6
    # Never looser than the default, even if configured so.
    assert withdrawal_debounce(state, default=4, overrides={}, mandate_default=2) == 4


@pytest.mark.parametrize("state", ["AL", "CA", "VT", "LA", "NY"])
def test_debounce_default_elsewhere(state: str) -> None:
    assert withdrawal_debounce(state, default=3, overrides={"TX": 9}, mandate_default=6) == 3


def test_debounce_for_a_territory_and_bad_codes() -> None:
    assert withdrawal_debounce("PR", default=3, overrides={}, mandate_default=6) == 3
    with pytest.raises(UnknownStateError, match="two-letter"):
        withdrawal_debounce("Texas", default=3, overrides={}, mandate_default=6)
    with pytest.raises(ValueError, match="at least 1"):
        withdrawal_debounce("TX", default=0, overrides={}, mandate_default=6)
    with pytest.raises(ValueError, match="override for TX"):
        withdrawal_debounce("TX", default=3, overrides={"TX": 0}, mandate_default=6)
