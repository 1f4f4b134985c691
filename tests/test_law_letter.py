"""Ready-to-send public-records request letters under each state's records law."""

from __future__ import annotations

from datetime import date

import pytest

from watcher.law import UnknownStateError, all_states, records_request_letter

TODAY = date(2026, 11, 28)
# The records the issue asks for, as they appear in every letter.
REQUIRED = (
    "Memorandum of Agreement",
    "addendum",
    "Payroll",
    "overtime",
    "bed-days",
    "training, travel",
    "equipment",
    "reimbursements",
    "grants",
    "how to answer public records requests",
)


def letter(state: str, agency: str | None = "Example County Sheriff's Office") -> str:
    return records_request_letter(agency=agency, state=state, today=TODAY)


@pytest.mark.parametrize("state", [e.code for e in all_states()])
def test_every_state_gets_a_complete_letter(state: str) -> None:
    text = letter(state)
    for phrase in REQUIRED:
        assert phrase in text, (state, phrase)
    assert "28 November 2026" in text
    assert "To: Public records officer, Example County Sheriff's Office" in text
    assert "{" not in text and "None" not in text
    assert "This is information, not legal advice." in text


def test_mandate_state_letter_texas() -> None:
    text = letter("TX")
    assert (
        "Re: Public records request under the Texas Public Information Act (Tex. Gov't Code "
        "chapter 552)" in text
    )
    assert "requires a response within 10 business days (§ 552.221(d))" in text
    assert "Attorney General for a ruling within 10 business days (§ 552.301)" in text
    assert "the Sheriff Immigration Law Enforcement Grant" in text
    assert "State requirement." in text and "Tex. Gov't Code ch. 753" in text
    assert "Residency." not in text


def test_mandate_state_letter_florida_has_no_fixed_deadline() -> None:
    text = letter("FL")
    assert "Florida Public Records Act (Chapter 119)" in text
    assert "within a reasonable time; it sets no fixed number of days (§ 119.07(1)(c))" in text
    assert "Local Law Enforcement Immigration Grant Program" in text


def test_ban_state_letter_california() -> None:
    text = letter("CA")
    assert "California Public Records Act (Gov. Code § 7920.000 et seq.)" in text
    assert "requires a response within 10 calendar days (§ 7922.535)" in text
    assert "Termination. Records of the ending of any such agreement under SB 54" in text
    assert "State requirement." not in text


def test_unconfirmed_ban_asks_for_no_termination_records() -> None:
    assert "Termination." not in letter("HI")


@pytest.mark.parametrize(
    ("state", "limit", "deadline"),
    [
        (
            "VA",
            "limited to Virginia citizens and in-state media",
            "5 business days (§ 2.2-3704(B))",
        ),
        ("TN", "limited to Tennessee citizens", "7 business days (§ 10-7-503(a)(2)(B))"),
        ("AR", "Only Arkansas citizens", "3 business days (§ 25-19-105(e))"),
        ("KY", "Kentucky resident", "5 business days (KRS 61.880(1))"),
    ],
)
def test_residency_limits_are_named(state: str, limit: str, deadline: str) -> None:
    text = letter(state)
    assert "Residency." in text
    assert limit in text
    assert deadline in text
    assert "[STATE THAT YOU MEET THIS REQUIREMENT" in text


def test_no_residency_paragraph_where_the_law_has_none() -> None:
    for state in ("CA", "GA", "NJ", "NH", "TX"):
        assert "Residency." not in letter(state), state


def test_unknown_agency_and_requester_get_placeholders() -> None:
    text = records_request_letter(agency=None, state="GA", today=TODAY)
    assert "To: Public records officer, [AGENCY NAME]" in text
    assert text.startswith("[YOUR NAME]\n")
    assert "[START DATE]" in text and "$[AMOUNT]" in text
    named = records_request_letter(agency="  ", state="GA", requester_name="Ana Ruiz", today=TODAY)
    assert named.startswith("Ana Ruiz\n")
    assert "[AGENCY NAME]" in named


def test_unverified_deadline_is_not_invented() -> None:
    text = letter("SD")
    assert "sets a deadline for a response" in text
    assert "not verified" in text  # in the sender's notes


def test_unknown_state() -> None:
    with pytest.raises(UnknownStateError):
        records_request_letter(agency=None, state="XX", today=TODAY)
