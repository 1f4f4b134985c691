"""The detector's rules on plain values (no archive)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from watcher.ice.detect import (
    Known,
    classify_change,
    diff_publication,
    is_date_correction,
    match_renames,
)
from watcher.ice.moa import moa_file_date, new_moa_document
from watcher.ice.models import AgreementRow
from watcher.ice.names import name_similarity

D = dt.date
MAY_16 = D(2025, 5, 16)


def row(
    agency: str,
    signed: dt.date | None = MAY_16,
    *,
    state: str = "FL",
    model: str = "Task Force Model",
    moa: str | None = None,
) -> AgreementRow:
    return AgreementRow(
        state=state,
        agency=agency,
        agency_key=agency.lower(),
        model=model,
        signed=signed,
        moa_url=moa,
    )


def known(
    r: AgreementRow,
    ident: int = 1,
    status: str = "active",
    absent: int = 0,
    flags: tuple[str, ...] = (),
) -> Known:
    return Known(
        ident,
        r.key,
        r.state,
        r.agency,
        r.agency_key,
        r.model,
        r.signed,
        r.moa_url,
        r.content_hash(),
        status,
        absent,
        flags,
    )


def three(_: str) -> int:
    return 3


def test_the_eight_july_2025_relabels_are_renames() -> None:
    pairs = [
        ("Ft. Myers Police Department", "Fort Myers Police Department", "FL", D(2025, 5, 16)),
        ("Indiatlantic Police Department", "Indialantic Police Department", "FL", D(2025, 5, 13)),
        ("Idaho State Police", "Idaho State Police Department", "ID", D(2025, 6, 5)),
        (
            "Okaloosa County Department of Corrections",
            "Okaloosa County Corrections",
            "FL",
            D(2025, 2, 26),
        ),
        (
            "Boca Raton Police Department",
            "Boca Raton Police Services Department",
            "FL",
            D(2025, 3, 25),
        ),
        ("Louisiana State Patrol", "Louisiana State Police Department", "LA", D(2025, 5, 20)),
        (
            "New Hampshire State Police",
            "New Hampshire State Police Department",
            "NH",
            D(2025, 4, 25),
        ),
        (
            "Quarryville Police Department",
            "Quarryville Borough Police Department",
            "PA",
            D(2025, 7, 7),
        ),
    ]
    old = [known(row(a, s, state=st), i) for i, (a, _, st, s) in enumerate(pairs)]
    new = [row(b, s, state=st) for _, b, st, s in pairs]
    matched = {(k.agency, r.agency) for k, r in match_renames(old, new)}
    assert matched == {(a, b) for a, b, _, _ in pairs}


def test_fish_and_wildlife_replaced_by_environmental_protection_is_not_a_rename() -> None:
    old = known(row("Florida Fish and Wildlife Conservation Commission", D(2025, 2, 14)))
    new = row(
        "Florida Department of Environmental Protection, Division of Law Enforcement",
        D(2025, 2, 14),
    )
    assert match_renames([old], [new]) == []
    diff = diff_publication("participating", [old], [new], debounce=three)
    assert [event for _, event in diff.inserts] == ["new"]
    assert diff.absences[0].absent_count == 1 and diff.absences[0].event is None


def test_same_day_signings_of_different_counties_are_not_renames() -> None:
    signed = D(2025, 2, 26)
    pairs = [
        ("Marion County Sheriff's Office", "Madison County Sheriff's Office"),
        ("Lee County Sheriff's Office", "Leon County Sheriff's Office"),
        ("Polk County Sheriff's Office", "Polk City Police Department"),
    ]
    for a, b in pairs:
        assert match_renames([known(row(a, signed))], [row(b, signed)]) == [], (a, b)


def test_rename_needs_same_signed_date_and_model() -> None:
    old = known(row("Ft. Myers Police Department", D(2025, 5, 16)))
    assert match_renames([old], [row("Fort Myers Police Department", D(2025, 5, 17))]) == []
    other_model = row(
        "Fort Myers Police Department", D(2025, 5, 16), model="Warrant Service Officer"
    )
    assert match_renames([old], [other_model]) == []


def test_withdrawal_only_after_debounce() -> None:
    gone = row("Nye County Sheriff's Office", state="NV")
    stays = row("Kodiak Police Department", state="AK")
    state = [known(gone, 1), known(stays, 2)]
    first = diff_publication("participating", state, [stays], debounce=three)
    assert [(a.absent_count, a.event) for a in first.absences] == [(1, None)]
    second = diff_publication(
        "participating", [known(gone, 1, "missing", 1), known(stays, 2)], [stays], debounce=three
    )
    assert [(a.absent_count, a.event) for a in second.absences] == [(2, None)]
    third = diff_publication(
        "participating", [known(gone, 1, "missing", 2), known(stays, 2)], [stays], debounce=three
    )
    assert [(a.absent_count, a.ended, a.event) for a in third.absences] == [(3, True, "withdrawal")]


def test_agreement_back_before_debounce_emits_nothing() -> None:
    back = row("Nye County Sheriff's Office", state="NV")
    diff = diff_publication("participating", [known(back, 1, "missing", 2)], [back], debounce=three)
    assert diff.events() == []
    assert diff.updates[0].change == "returned"


def test_withdrawn_agreement_coming_back_is_reinstated() -> None:
    back = row("Nye County Sheriff's Office", state="NV")
    diff = diff_publication(
        "participating", [known(back, 1, "withdrawn", 3)], [back], debounce=three
    )
    assert diff.events() == ["reinstated"]


def test_pending_list_changes_never_emit_withdrawals_or_renames() -> None:
    gone = row("Madison County Sheriff's Office", None, state="AL")
    diff = diff_publication("pending", [known(gone, 1, "missing", 2)], [], debounce=three)
    assert diff.absences[0].ended and diff.absences[0].event is None
    fresh = row("Marion County Sheriff's Office", None, state="AL")
    assert diff_publication("pending", [], [fresh], debounce=three).events() == ["pending"]


def test_renewal_is_a_later_signed_date() -> None:
    old = row(
        "Etowah County Sheriff's Office", D(2016, 6, 8), state="AL", model="Jail Enforcement Model"
    )
    new = row(
        "Etowah County Sheriff's Office", D(2020, 6, 9), state="AL", model="Jail Enforcement Model"
    )
    assert classify_change(known(old), new) == "renewal"
    diff = diff_publication("participating", [known(old)], [new], debounce=three)
    assert diff.events() == ["renewal"]


def test_date_typo_fixes_are_corrections() -> None:
    assert is_date_correction(D(2025, 6, 12), D(2025, 6, 11), ())  # moved back a day
    assert is_date_correction(D(2025, 5, 1), D(2025, 5, 20), ())  # within 30 days
    assert is_date_correction(D(2024, 7, 7), D(2025, 7, 7), ())  # year off by one
    assert is_date_correction(D(2025, 7, 7), D(2025, 9, 30), ("signed_repaired:5025-07-07",))
    assert is_date_correction(None, D(2025, 9, 30), ())
    assert not is_date_correction(D(2016, 6, 8), D(2020, 6, 9), ())


def test_new_moa_document_is_a_renewal_only_when_later_and_for_this_agency() -> None:
    base = "https://www.ice.gov/doclib/287gMOA/"
    signed = D(2016, 6, 8)
    key = "etowah county sheriff's office"
    assert new_moa_document(
        base + "287gJEM_EtowahCoAl2016-06-18.pdf",
        base + "287gJEM_%20etowahCoAL_06-09-2020.pdf",
        agency_key=key,
        signed=signed,
    )
    assert not new_moa_document(None, base + "x.pdf", agency_key=key, signed=signed)
    # Re-uploaded under a new name, same date: the 2025 Alachua County case.
    alachua = "alachua county sheriff's office"
    assert not new_moa_document(
        base + "AlachuaCoSheriffsOffice_TFM_MOA_02.26.2025.pdf",
        base + "AlachuaCoSheriffsOfficeFL_TFM_MOA_02262025.pdf",
        agency_key=alachua,
        signed=D(2025, 2, 26),
    )
    # Another agency's MOA linked by mistake: Edgewood PD pointed at Edgewater's file.
    assert not new_moa_document(
        base + "EdgewoodPoliceDeptFL_TFM_MOA_04.10.2025.pdf",
        base + "EdgewaterPoliceDeptFL_TFM_MOA_07022025.pdf",
        agency_key="edgewood police department",
        signed=D(2025, 4, 10),
    )


def test_moa_file_dates() -> None:
    assert moa_file_date("287gjem_etowahcoal2016-06-18.pdf") == D(2016, 6, 18)
    assert moa_file_date("st_cloud_pd_fl_tfm_04.14.25.pdf") == D(2025, 4, 14)
    assert moa_file_date("stcloudpolicedeptfl_tfm_moa_04142025.pdf") == D(2025, 4, 14)
    assert moa_file_date("287gwso_jacksoncoks_07-23-2020.pdf") == D(2020, 7, 23)
    assert moa_file_date("no-date.pdf") is None


def test_name_similarity_ignores_generic_words() -> None:
    assert (
        name_similarity(
            "city of miami springs police department", "miami springs police department"
        )
        >= 0.5
    )
    assert name_similarity("harris county sheriff's office", "harris county constable pct 1") < 0.5
    assert (
        name_similarity("harris county constable precinct 1", "harris county constable precinct 2")
        == 0.0
    )


def simulate_absence(vanishing: int, days: int = 10) -> dict[str, int]:
    """One list a day; ``vanishing`` of 100 agreements drop off on day 0 and stay off.
    Returns the day each withdrawal was emitted."""
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    rows = [row(f"Town {i} Police Department", state="OK") for i in range(100)]
    state = [known(r, i) for i, r in enumerate(rows)]
    listed = rows[vanishing:]
    emitted: dict[str, int] = {}
    for day in range(days):
        as_of = start + dt.timedelta(days=day)
        diff = diff_publication(
            "participating", state, listed, debounce=three, as_of=as_of,
            min_absent=dt.timedelta(days=3),
        )  # fmt: skip
        after = {a.known.id: a for a in diff.absences}
        for absence in diff.absences:
            if absence.event == "withdrawal":
                emitted[absence.known.agency] = day
        state = [
            dataclasses.replace(
                k, status="withdrawn" if after[k.id].ended else "missing",
                absent_count=after[k.id].absent_count, first_absent_at=k.first_absent_at or as_of,
            )
            if k.id in after else k
            for k in state
        ]  # fmt: skip
    return emitted


def test_a_few_vanishing_are_withdrawn_after_the_usual_debounce() -> None:
    assert simulate_absence(2) == {"Town 0 Police Department": 3, "Town 1 Police Department": 3}


def test_many_vanishing_at_once_need_twice_the_absences_and_days() -> None:
    """A broken list that drops 12 of 100 agreements and keeps them off for a week must not
    email 12 withdrawals after the usual 3 lists / 3 days."""
    emitted = simulate_absence(12)
    assert sorted(set(emitted.values())) == [6]
    assert len(emitted) == 12


def test_ceiling_holds_a_list_that_grows_by_both_share_and_rows() -> None:
    from watcher.ice.apply import Rules, _over_ceiling
    from watcher.ice.models import ParsedList

    rules = Rules(debounce=lambda _state: 3)
    last = {"row_count": 300}

    def listed(count: int, kind: str = "participating") -> ParsedList:
        return ParsedList(kind=kind, layout="x", rows=[None] * count)  # type: ignore[arg-type]

    assert _over_ceiling(listed(450), last, rules) is None  # +50% exactly, +150 rows
    assert _over_ceiling(listed(520), last, rules) is not None  # +73%, +220 rows
    assert _over_ceiling(listed(5_000), {"row_count": 4_000}, rules) is None  # +25%
    assert _over_ceiling(listed(5_000, "pending"), last, rules) is None  # a queue may fill
    assert "cap" in (_over_ceiling(listed(50_001, "pending"), None, rules) or "")
