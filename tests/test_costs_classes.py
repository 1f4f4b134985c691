"""Cost figures, one class of real-document shape at a time (issue 12, item 1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from watcher.costs import find_cost_figures, scan_costs
from watcher.costs.extract import CostFigure
from watcher.formats.text import ExtractedText

URL = "https://example.gov/budget.pdf"


def figures_in(text: str, *, date: dt.date | None = None) -> list[CostFigure]:
    return find_cost_figures(ExtractedText(pages=[text], format="text"), url=URL, doc_date=date)


def one(text: str, *, date: dt.date | None = None) -> CostFigure:
    found = figures_in(text, date=date)
    assert len(found) == 1, found
    return found[0]


# --- Budget pages and tables ------------------------------------------------------------------

LAYOUT = """\
                      DETENTION DIVISION
  Acct     Description                              FY 2024-25 Actual    FY 2025-26 Adopted
  51100    Regular Salaries                               3,904,117             4,015,600
  51140    Salaries - 287(g) Jail Enforcement Unit          412,880               436,250
  51300    Overtime - Transport                             281,400               295,000
           Division Total                                 6,450,787             6,687,850
"""


def test_a_layout_page_gives_only_the_287g_line_with_each_columns_year() -> None:
    got = [(f.amount, f.kind, f.fiscal_year, f.fiscal_text) for f in figures_in(LAYOUT)]
    assert got == [
        (Decimal("412880"), "cost", "FY2025", "FY 2024-25"),
        (Decimal("436250"), "cost", "FY2026", "FY 2025-26"),
    ]


def test_line_items_without_periods_do_not_join_the_287g_line() -> None:
    page = (
        "Sheriff - Field Operations\n"
        "Patrol Deputies 2,118,400\n"
        "287g Task Force Model Deputies 344,900\n"
        "School Resource Officers 612,040\n"
        "Total Field Operations 4,222,330\n"
    )
    found = figures_in(page)
    assert [(f.amount, f.kind, f.sentence) for f in found] == [
        (Decimal("344900"), "cost", "287g Task Force Model Deputies | 344,900")
    ]


def test_rows_under_a_heading_that_names_the_program_count_but_a_total_does_not() -> None:
    page = (
        "287(g) PROGRAM - WARRANT SERVICE OFFICERS\n\n"  # a blank line under the title
        "Personnel (3 deputies)          $96,300\n"
        "Training overtime               $12,480\n"
        "Department Total              $5,612,480\n"
        "\n"
        "COURT SECURITY\n"
        "Bailiff salaries               $540,200\n"
    )
    assert [f.amount for f in figures_in(page)] == [Decimal("96300"), Decimal("12480")]


def test_a_section_label_gives_rows_their_kind() -> None:
    page = (
        "REVENUES\n"
        "Federal Inmate Housing - USMS                 2,400,000\n"
        "ICE 287(g) Task Force                           540,000\n"
        "EXPENDITURES\n"
        "287(g) Task Force                               612,400\n"
    )
    assert [(f.amount, f.kind) for f in figures_in(page)] == [
        (Decimal("540000"), "revenue"),
        (Decimal("612400"), "cost"),
    ]


def test_an_html_table_row_takes_its_year_from_the_header_cell_above() -> None:
    page = (
        "Grant | FY 2025 | FY 2026\n"
        "DHS ICE 287(g) Task Force | $118,250 | $302,500\n"
        "SCAAP | $22,015 | $19,880\n"
    )
    got = [(f.amount, f.fiscal_year) for f in figures_in(page)]
    assert got == [(Decimal("118250"), "FY2025"), (Decimal("302500"), "FY2026")]


def test_bullets_under_a_lead_in_take_its_program_and_kind() -> None:
    item = (
        "Item 14. Accept the Immigration Grant award for the Sheriff's 287(g) program:\n"
        "  • Detention beds (IGP-B): $412,300\n"
        "  • Training travel (IGP-D): $37,950\n"
        "  • Body cameras, Patrol Division (county general fund): $61,200\n"
    )
    assert [(f.amount, f.kind) for f in figures_in(item)] == [
        (Decimal("412300"), "grant"),
        (Decimal("37950"), "grant"),
    ]


def test_a_fiscal_impact_section_belongs_to_the_item_above() -> None:
    page = (
        "ITEM 12. Amendment to the 287(g) Memorandum of Agreement with ICE.\n\n"
        "FISCAL IMPACT:\nTraining overtime of $19,000, paid from the FY2026 budget.\n\n"
        "ITEM 13. Purchase of six patrol sedans, $271,638.\n"
    )
    assert [(f.amount, f.fiscal_year) for f in figures_in(page)] == [(Decimal("19000"), "FY2026")]


# --- Indirect names ---------------------------------------------------------------------------


def test_indirect_names_count_in_a_document_that_names_287g() -> None:
    story = (
        "The county signed its 287(g) agreement in March.\n\n"
        "The immigration enforcement unit's four deputies earn a combined $268,000 a year.\n\n"
        "Designated immigration officers also receive $1,000 bonuses each quarter."
    )
    got = [(f.amount, f.kind, f.period) for f in figures_in(story)]
    assert got == [
        (Decimal("268000"), "cost", "annual"),
        (Decimal("1000"), "revenue", "quarterly"),
    ]


def test_indirect_names_alone_are_not_enough() -> None:
    assert figures_in("The immigration enforcement unit's deputies earn $268,000 a year.") == []


# --- Amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "amount", "high"),
    [
        ("$1M", "1000000", None),
        ("$3.2-million", "3200000", None),
        ("$250 Million", "250000000", None),
        ("$19 ,000", "19000", None),
        ("($862,000)", "-862000", None),
        ("$3,412.50", "3412.50", None),
        ("one-point-seven million dollars", "1700000", None),
        ("half a million dollars", "500000", None),
        ("$60 to $70", "60", "70"),
        ("between $1.2 and $1.5 million", "1200000", "1500000"),
        ("$2.0-2.3M", "2000000", "2300000"),
    ],
)
def test_amount_forms_of_real_documents(written: str, amount: str, high: str | None) -> None:
    figure = one(f"The 287(g) program line is {written} this year.")
    assert figure.amount == Decimal(amount)
    assert figure.amount_high == (Decimal(high) if high else None)


@pytest.mark.parametrize(
    ("sentence", "amount", "unit", "kind", "period"),
    [
        ("Under 287(g), ICE pays $84 for each day a detainee is held.", "84", "day", "per_diem",
         "daily"),
        ("The 287(g) detention rate is $92/day.", "92", "day", "per_diem", "daily"),
        ("ICE reimburses $7,500 per credentialed deputy under 287(g).", "7500",
         "credentialed deputy", "reimbursement", None),
        ("The 287(g) bed rate is $125 per bed, per day.", "125", "day", "per_diem", "daily"),
    ],
)  # fmt: skip
def test_per_unit_rates(sentence: str, amount: str, unit: str, kind: str, period: str) -> None:
    figure = one(sentence)
    assert (figure.amount, figure.unit, figure.kind, figure.period) == (
        Decimal(amount),
        unit,
        kind,
        period,
    )


@pytest.mark.parametrize("hedge", ["nearly", "close to", "at least", "about", "more than"])
def test_hedges_are_kept(hedge: str) -> None:
    figure = one(f"The 287(g) unit cost {hedge} $400,000.")
    assert (figure.amount, figure.hedge) == (Decimal("400000"), hedge)


# --- Kinds ------------------------------------------------------------------------------------


def test_cost_reimbursement_and_net_in_one_paragraph() -> None:
    story = (
        "Running the jail's 287(g) program cost the county about $318,000 last year. ICE paid "
        "back $142,500 of that, leaving taxpayers with a net bill of roughly $175,500.\n\n"
        "The sheriff's total budget this year is $48.6 million."
    )
    got = [(f.amount, f.kind, f.hedge) for f in figures_in(story)]
    assert got == [
        (Decimal("318000"), "cost", "about"),
        (Decimal("142500"), "reimbursement", None),
        (Decimal("175500"), "net", "roughly"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The state awarded $991,279 for the 287(g) program's beds.", "grant"),
        ("The federal program also paid for 287(g) vehicles worth $96,000.", "reimbursement"),
        ("Certification of Revenue of $302,500 for the 287(g) Task Force.", "revenue"),
        ("The 287(g) unit's net county cost is $234,000.", "net"),
        ("The 287(g) daily rate rises to $96 on October 1.", "per_diem"),
    ],
)
def test_kinds(sentence: str, kind: str) -> None:
    assert one(sentence).kind == kind


# --- Fiscal years -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("in fiscal 2011-12", "FY2012"),
        ("in FY25-26", "FY2026"),
        ("in its 2020 operating budget", "FY2020"),
        ("for the biennium ending August 31, 2027", "FY2026-FY2027"),
        ("in the fiscal year ending September 30, 2025", "FY2025"),
        ("in the current fiscal year, which ends June 30", "FY2026"),
    ],
)
def test_fiscal_years_as_written(written: str, canonical: str) -> None:
    figure = one(f"The 287(g) unit cost $612,000 {written}.", date=dt.date(2026, 3, 2))
    assert figure.fiscal_year == canonical
    assert figure.fiscal_text is not None and figure.fiscal_text in written


def test_a_fiscal_year_that_needs_the_date_is_not_invented_without_it() -> None:
    figure = one("The 287(g) unit cost $612,000 in the current fiscal year, which ends June 30.")
    assert figure.fiscal_year is None
    assert figure.fiscal_text == "the current fiscal year, which ends June 30"


def test_no_fiscal_year_is_invented() -> None:
    figure = one("The 287(g) unit cost $612,000 last year.", date=dt.date(2026, 3, 2))
    assert (figure.fiscal_year, figure.fiscal_text) == (None, None)


def test_a_span_of_years_is_written_but_not_one_fiscal_year() -> None:
    figure = one("From FY2015 through FY2019 the 287(g) program's net cost was $38,657.")
    assert (figure.fiscal_year, figure.fiscal_text) == (None, "FY2015 through FY2019")


def test_the_same_amount_as_cost_and_as_reimbursement_is_two_figures() -> None:
    motion = (
        "Motion to add two deputy positions for the 287(g) task force at $148,212 including "
        "benefits, offset by anticipated ICE reimbursement of $148,212. Carried 4-1."
    )
    assert [(f.amount, f.kind) for f in figures_in(motion)] == [
        (Decimal("148212"), "cost"),
        (Decimal("148212"), "reimbursement"),
    ]


def test_a_year_goes_to_the_amount_it_is_written_with() -> None:
    note = "The 287(g) grant program costs ($990,000) in FY2026 and ($734,000) a year after that."
    assert [(f.amount, f.fiscal_year) for f in figures_in(note)] == [
        (Decimal("-990000"), "FY2026"),
        (Decimal("-734000"), None),
    ]


# --- Other places and the same money twice ----------------------------------------------------


def test_a_figure_of_another_county_is_recorded_with_it() -> None:
    story = (
        "Knox County commissioners debated the 287(g) program. Knox County's sheriff says it "
        "would cost $410,000 a year. Mecklenburg County spent $1.1 million on its program in "
        "its final year. Knox County officials did not comment."
    )
    assert [(f.amount, f.jurisdiction) for f in figures_in(story)] == [
        (Decimal("410000"), None),
        (Decimal("1100000"), "Mecklenburg County"),
    ]


def test_the_caller_can_say_which_county_the_document_is_about() -> None:
    text = ExtractedText(pages=["Hall County will spend $520,000 on 287(g)."], format="text")
    scan = scan_costs(text, url=URL, doc_date=None, home="Bexley County")
    assert [f.jurisdiction for f in scan.figures] == ["Hall County"]
    scan = scan_costs(text, url=URL, doc_date=None, home="Hall")
    assert [f.jurisdiction for f in scan.figures] == [None]


def test_state_and_national_totals_are_not_local() -> None:
    story = (
        "The sheriff will apply to Florida's $250 Million immigration grant program for 287(g) "
        "agencies. Nationwide, ICE spent $68.3 million on 287(g) agreements in fiscal 2011."
    )
    assert [(f.amount, f.jurisdiction) for f in figures_in(story)] == [
        (Decimal("250000000"), "Florida (statewide)"),
        (Decimal("68300000"), "national"),
    ]


def test_the_same_money_said_twice_is_one_figure_with_a_note() -> None:
    story = (
        "The Task Force Model will bring in close to $1M in federal money this year. The ICE "
        "award letter sets the 287(g) reimbursement at $991,279."
    )
    figure = one(story)
    assert (figure.amount, figure.kind) == (Decimal("991279"), "reimbursement")
    assert figure.note == "also written as 'close to $1M'"


def test_different_money_of_similar_size_stays_two_figures() -> None:
    found = figures_in("The 287(g) unit cost $1M in FY2025 and $991,279 in FY2026.")
    assert [f.amount for f in found] == [Decimal("1000000"), Decimal("991279")]
