"""Relabels and MOA link judgements on plain values (no archive)."""

from __future__ import annotations

import datetime as dt

from test_ice_detect import known, row, three
from watcher.ice.detect import diff_publication, match_relabels
from watcher.ice.moa import MoaEvidence, judge_link
from watcher.ice.names import name_similarity, place_words

D = dt.date
BASE = "https://www.ice.gov/doclib/287gMOA/"
MARCH_28 = D(2026, 3, 28)


def test_haskell_police_relabeled_as_the_county_sheriff() -> None:
    old = known(row("Haskell Police Department", MARCH_28, state="OK"))
    new = row("Haskell County Sheriff's Office", MARCH_28, state="OK")
    assert name_similarity(old.agency_key, new.agency_key) == 0.0  # never a rename
    assert match_relabels([old], [new]) == [(old, new)]
    diff = diff_publication("participating", [old], [new], debounce=three)
    assert [(u.change, u.event, u.row.agency) for u in diff.updates] == [
        ("relabeled", "relabel", "Haskell County Sheriff's Office")
    ]
    assert diff.inserts == [] and diff.absences == []


def test_relabel_needs_state_model_date_and_a_place_word() -> None:
    old = known(row("Haskell Police Department", MARCH_28, state="OK"))
    sheriff = "Haskell County Sheriff's Office"
    assert match_relabels([old], [row(sheriff, D(2026, 3, 29), state="OK")]) == []
    assert match_relabels([old], [row(sheriff, MARCH_28, state="TX")]) == []
    other_model = row(sheriff, MARCH_28, state="OK", model="Jail Enforcement Model")
    assert match_relabels([old], [other_model]) == []
    assert match_relabels([old], [row("Okmulgee County Sheriff's Office", MARCH_28)]) == []
    # Long gone, not vanished in this list: no relabel.
    missing = known(row("Haskell Police Department", MARCH_28, state="OK"), status="missing")
    assert match_relabels([missing], [row(sheriff, MARCH_28, state="OK")]) == []


def test_state_names_and_kinds_of_agency_are_no_place() -> None:
    """Fish and Wildlife replaced by Environmental Protection (July 2025) share only
    'Florida': no relabel, as they are no rename."""
    fwc = "florida fish and wildlife conservation commission"
    fdep = "florida department of environmental protection, division of law enforcement"
    assert place_words(fwc) == set() and place_words(fdep) == set()
    old = known(row("Florida Fish and Wildlife Conservation Commission", D(2025, 2, 14)))
    new = row(fdep.title(), D(2025, 2, 14))
    assert match_relabels([old], [new]) == []


def test_two_competing_candidates_take_none() -> None:
    old = known(row("Haskell Police Department", MARCH_28, state="OK"))
    one = row("Haskell County Sheriff's Office", MARCH_28, state="OK")
    two = row("Haskell County Sheriff's Office Jail Division", MARCH_28, state="OK")
    assert match_relabels([old], [one, two]) == []
    other = known(row("Haskell Constable", MARCH_28, state="OK"), ident=2)
    assert match_relabels([old, other], [one]) == []
    diff = diff_publication("participating", [old], [one, two], debounce=three)
    assert sorted(event for _, event in diff.inserts) == ["new", "new"]
    assert [a.known.agency for a in diff.absences] == ["Haskell Police Department"]


def test_pending_list_relabel_is_recorded_without_event() -> None:
    old = known(row("Haskell Police Department", MARCH_28, state="OK"))
    new = row("Haskell County Sheriff's Office", MARCH_28, state="OK")
    diff = diff_publication("pending", [old], [new], debounce=three)
    assert [(u.change, u.event) for u in diff.updates] == [("relabeled", None)]


def judge(old: str, new: str, evidence: MoaEvidence) -> str:
    return judge_link(
        agreement_id=7,
        key="FL|alpha police department|Task Force Model",
        agency_key="alpha police department",
        signed=D(2025, 2, 26),
        old_url=BASE + old,
        new_url=BASE + new,
        evidence=evidence,
    )


def test_a_new_later_file_naming_the_agency_is_a_renewal() -> None:
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_02262026.pdf", MoaEvidence()) == (
        "renewal"
    )


def test_back_to_a_file_seen_before_is_a_link_correction() -> None:
    seen = MoaEvidence(seen={7: frozenset({"alphapd_tfm_moa_02262026.pdf"})})
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_02262026.pdf", seen) == (
        "link_correction"
    )


def test_another_agreements_file_is_a_link_correction() -> None:
    linked = MoaEvidence(
        linked_by={"alphapd_tfm_moa_02262026.pdf": frozenset({"FL|beta alpha pd|Task Force Model"})}
    )
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_02262026.pdf", linked) == (
        "link_correction"
    )
    # The same agency's other model sharing the file is no other agreement.
    own = MoaEvidence(
        linked_by={
            "alphapd_tfm_moa_02262026.pdf": frozenset(
                {"FL|alpha police department|Jail Enforcement Model"}
            )
        }
    )
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_02262026.pdf", own) == "renewal"
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "BetaPD_TFM_MOA_02262026.pdf", MoaEvidence()) == (
        "link_correction"
    )


def test_a_file_not_later_than_every_moa_date_seen_is_no_renewal() -> None:
    """Later than SIGNED is not enough: a December 2025 file was already seen."""
    seen = MoaEvidence(seen={7: frozenset({"alphapd_tfm_moa_12012025.pdf"})})
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_06012025.pdf", seen) == "updated"
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_06012025.pdf", MoaEvidence()) == (
        "renewal"
    )


def test_in_a_shifted_block_a_renewal_is_held() -> None:
    block = MoaEvidence(foreign_moves=5)
    assert judge("AlphaPD_TFM_MOA_02262025.pdf", "AlphaPD_TFM_MOA_02262026.pdf", block) == "held"
    assert MoaEvidence(foreign_moves=4).shifted is False


def test_a_held_link_still_linked_later_is_a_renewal() -> None:
    signed = D(2025, 2, 26)
    held_row = row("Alpha Police Department", signed, moa=BASE + "AlphaPD_TFM_MOA_02262026.pdf")
    agreement = known(held_row, ident=7)
    held = MoaEvidence(held={7: "alphapd_tfm_moa_02262026.pdf"})
    diff = diff_publication("participating", [agreement], [held_row], debounce=three, moa=held)
    assert [(u.change, u.event, u.by_moa) for u in diff.updates] == [("renewal", "renewal", True)]
    assert diff.released == [7]
    moved_back = row("Alpha Police Department", signed, moa=BASE + "AlphaPD_TFM_MOA_02262025.pdf")
    diff = diff_publication("participating", [agreement], [moved_back], debounce=three, moa=held)
    assert [(u.change, u.event) for u in diff.updates] == [("updated", None)]
    assert diff.released == [7]
