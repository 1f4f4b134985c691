"""Cost figures: plain ``pdftotext`` tables, who pays whom, titles, and the same amount read
twice (issue 12, item 1), one class at a time."""

from __future__ import annotations

import time
from decimal import Decimal

from watcher.costs import find_cost_figures, scan_costs
from watcher.costs.extract import CostFigure
from watcher.costs.lines import rejoin_plain_tables
from watcher.formats.text import ExtractedText

URL = "https://example.gov/budget.pdf"


def figures_in(text: str) -> list[CostFigure]:
    return find_cost_figures(ExtractedText(pages=[text], format="pdf"), url=URL, doc_date=None)


def kinds(text: str) -> list[tuple[Decimal, str]]:
    return [(f.amount, f.kind) for f in figures_in(text)]


# --- Plain pdftotext -----------------------------------------------------------------------------

# As `pdftotext` (no -layout) prints a table of a PDF we built: each cell between blank lines.
ROW_BY_ROW = (
    "SHERIFF CORRECTIONS - ADOPTED BUDGET\nOrg 4410\n\nFY 2024 Actual\n\nFY 2025 Budget\n\n"
    "Jail Medical Services\n\n1,402,118\n\n1,455,000\n\n287(g) Detention Deputies (4)\n\n"
    "301,776\n\n318,900\n\nCorrections Total\n\n9,874,410\n\n10,112,650\n"
)

# The same program as labels first, then each column's figures, split by section.
COLUMN_BY_COLUMN = (
    "SHERIFF - DETENTION\nLine item\nREVENUES\nFederal Inmate Housing - USMS\n"
    "ICE 287(g) Task Force Reimbursement\nEXPENDITURES\n287(g) Task Force Salaries\n"
    "Detention Officers\n\nFY 2025\n\nFY 2026\n\n1,180,000\n264,000\n\n1,210,000\n297,500\n\n"
    "281,650\n5,906,400\n\n305,200\n6,080,000\n"
)


def test_plain_pdftotext_row_by_row_gives_the_287g_row_with_its_column_years() -> None:
    got = [(f.amount, f.kind, f.fiscal_year) for f in figures_in(ROW_BY_ROW)]
    assert got == [
        (Decimal("301776"), "cost", "FY2024"),
        (Decimal("318900"), "cost", "FY2025"),
    ]


def test_plain_pdftotext_column_by_column_keeps_each_figure_with_its_label_and_section() -> None:
    got = [(f.amount, f.kind, f.fiscal_year) for f in figures_in(COLUMN_BY_COLUMN)]
    assert got == [
        (Decimal("264000"), "reimbursement", "FY2025"),
        (Decimal("297500"), "reimbursement", "FY2026"),
        (Decimal("281650"), "cost", "FY2025"),
        (Decimal("305200"), "cost", "FY2026"),
    ]


def test_plain_pdftotext_headers_printed_before_the_labels() -> None:
    page = (
        "287(g) TASK FORCE UNIT\nCategory\n\nFY 2025 Actual\n\nFY 2026 Adopted\n\n"
        "Overtime\nICE Reimbursement\n\n88,950\n(774,020)\n\n92,000\n(836,300)\n"
    )
    got = [(f.amount, f.kind, f.fiscal_year) for f in figures_in(page)]
    assert got == [
        (Decimal("88950"), "cost", "FY2025"),
        (Decimal("92000"), "cost", "FY2026"),
        (Decimal("-774020"), "reimbursement", "FY2025"),
        (Decimal("-836300"), "reimbursement", "FY2026"),
    ]


def test_a_column_shape_that_does_not_add_up_is_left_alone() -> None:
    # Three labels, columns of two figures: which label a figure has is unknown.
    page = (
        "Patrol\n287(g) Task Force Deputies\nCourt Security\n\n2,118,400\n344,900\n\n"
        "2,200,000\n351,000\n"
    )
    assert rejoin_plain_tables(page) == page
    result = scan_costs(ExtractedText(pages=[page], format="pdf"), url=URL, doc_date=None)
    assert result.figures == []
    assert result.notes == ["287(g) is named (pages 1) but no dollar figure goes with it"]


def test_a_paragraph_above_a_page_number_stays_prose() -> None:
    page = "The 287(g) unit was discussed at length\n\n14\n\nNext item\n\n15\n"
    assert rejoin_plain_tables(page) == page


def test_many_header_like_lines_are_rejoined_in_bounded_time() -> None:
    # Every segment looks like a header cell or a label: each try must stop early.
    page = "287(g) unit\n\n" + "FY 2025 Budget\n\n" * 30_000 + "Total\n\n1,000\n\n2,000\n"
    started = time.monotonic()
    rejoin_plain_tables(page)
    figures_in(page)
    assert time.monotonic() - started < 30


# --- Who pays whom ------------------------------------------------------------------------------


def test_direction_of_money_decides_the_kind() -> None:
    text = (
        "Under the 287(g) agreement ICE pays the county $85 for each day a detainee is held. "
        "The county also pays $12,000 a year for the video link the 287(g) program requires. "
        "Under the 287(g) agreement the city pays the county $45 per booking. "
        "The 287(g) detainees cost the county about $112 a day to house, so the county loses "
        "roughly $31 a day on each one. The Sheriff's Office billed ICE $143,880 for 287(g) "
        "task force salaries and has been paid $97,200 so far."
    )
    assert kinds(text) == [
        (Decimal("85"), "per_diem"),
        (Decimal("12000"), "cost"),
        (Decimal("45"), "revenue"),
        (Decimal("112"), "cost"),
        (Decimal("31"), "net"),
        (Decimal("143880"), "reimbursement"),
        (Decimal("97200"), "reimbursement"),
    ]


def test_money_sent_to_the_sheriff_under_a_grant_is_a_grant() -> None:
    text = (
        "The comptroller's office has sent $100,000 to the Brazos County Sheriff's Office under "
        "the state's immigration grant for its 287(g) work. Neighboring Grimes County received "
        "$80,000."
    )
    assert kinds(text) == [(Decimal("100000"), "grant"), (Decimal("80000"), "grant")]


def test_a_sentence_pointing_back_takes_the_kind_of_the_sentences_before() -> None:
    text = (
        "The county pays its 287(g) deputies $214,600 a year, and ICE repays the county each "
        "quarter. Last quarter that check came to $51,300."
    )
    assert kinds(text) == [(Decimal("214600"), "cost"), (Decimal("51300"), "reimbursement")]


def test_a_bracketed_figure_after_a_noun_is_an_aside_after_a_verb_a_negative() -> None:
    assert kinds("Adds two deputies for the 287(g) jail model ($158,400).") == [
        (Decimal("158400"), "cost")
    ]
    assert [f.amount for f in figures_in("The 287(g) grant program is ($990,000).")] == [
        Decimal("-990000")
    ]


def test_a_comparison_sentence_gives_no_figure() -> None:
    text = (
        "Taxpayers shelled out $3.4 million for 287(g) overtime over five years. That is about "
        "what the county pays for its entire parks department, $3.5 million a year."
    )
    assert kinds(text) == [(Decimal("3400000"), "cost")]


# --- Titles, money sections and two-sided tables -------------------------------------------------


def test_a_report_title_heads_its_paragraphs_but_not_an_aside() -> None:
    text = (
        "STAFF REPORT - Request to join the 287(g) Warrant Service Officer program\n\n"
        "Training is provided by ICE at no charge, but travel is estimated at about $2,800 per "
        "deputy. Separately, the roof of the east substation needs $40,000 in repairs.\n"
    )
    assert kinds(text) == [(Decimal("2800"), "cost")]


def test_labelled_money_lines_under_a_budget_impact_heading_belong_to_the_item() -> None:
    text = (
        "AGENDA ITEM 11 - Approve the 287(g) Jail Enforcement Model agreement renewal\n\n"
        "BUDGET IMPACT:\nRevenue: $128,750 (federal reimbursement)\nExpenditures: $131,200\n"
        "Net County Cost: $2,450\n\nAGENDA ITEM 12 - Janitorial services contract, $212,000.\n"
    )
    assert kinds(text) == [
        (Decimal("128750"), "revenue"),
        (Decimal("131200"), "cost"),
        (Decimal("2450"), "net"),
    ]


def test_in_a_table_that_lists_money_in_the_other_lines_are_spending() -> None:
    text = (
        "BUDGET AMENDMENT REQUEST                                  BA-2026-019\n"
        "Department: Sheriff       Purpose: 287(g) Task Force reimbursement\n\n"
        "Account              Description                        Increase\n"
        "100-2100-331.45      Federal Revenue - ICE 287(g)         88,416\n"
        "100-2100-511.20      Overtime                             61,050\n"
    )
    assert kinds(text) == [(Decimal("88416"), "revenue"), (Decimal("61050"), "cost")]


def test_a_title_heads_a_table_across_its_revenue_and_expenditure_sections() -> None:
    text = (
        "            JAIL ENFORCEMENT (287(g)) PROGRAM - FUND 2715\n\n"
        "                          FY 2025-26     FY 2026-27\n"
        "  REVENUES\n"
        "    ICE Reimbursements       402,000        455,000\n"
        "  EXPENDITURES\n"
        "    Salaries & Benefits      372,500        421,700\n"
        "  NET COUNTY COST              9,000         11,000\n"
    )
    got = [(f.amount, f.kind, f.fiscal_year) for f in figures_in(text)]
    assert got == [
        (Decimal("402000"), "reimbursement", "FY2026"),
        (Decimal("455000"), "reimbursement", "FY2027"),
        (Decimal("372500"), "cost", "FY2026"),
        (Decimal("421700"), "cost", "FY2027"),
        (Decimal("9000"), "net", "FY2026"),
        (Decimal("11000"), "net", "FY2027"),
    ]


# --- The same amount read twice ------------------------------------------------------------------


def test_the_same_amount_as_revenue_and_as_a_grant_is_one_figure() -> None:
    text = (
        "Certification of Revenue in the amount of $302,500 for the DHS ICE 287(g) Task Force.\n\n"
        "Federal Grants - ICE 287(g)        $302,500\n"
    )
    found = figures_in(text)
    assert [(f.amount, f.kind, f.note) for f in found] == [
        (Decimal("302500"), "grant", "also read as revenue ($302,500)")
    ]


def test_a_cost_and_a_reimbursement_of_the_same_amount_stay_two_figures() -> None:
    text = "The 287(g) unit cost $246,930 last year, and ICE reimbursed the full $246,930."
    assert kinds(text) == [(Decimal("246930"), "cost"), (Decimal("246930"), "reimbursement")]


# --- Numbers that are not money, and money that is not the county's -----------------------------


def test_position_counts_and_object_codes_in_rows_are_not_money() -> None:
    page = (
        "  Position                                  FY 2025     FY 2026\n"
        "  Deputy Sheriff - 287(g) Task Force          4.00        6.00\n"
        "\n"
        "  Fund  Object    Description                              FY 2026\n"
        "  101   5110.00   Salaries - 287(g) Task Force            $261,500\n"
    )
    assert kinds(page) == [(Decimal("261500"), "cost")]


def test_a_program_term_for_agencies_in_general_is_not_a_local_figure() -> None:
    text = (
        "Grimes County expects $80,000 from the state grant for its 287(g) work. Under terms "
        "ICE announced in September, agencies can receive $500 to $1,000 per officer each "
        "quarter in 287(g) performance awards."
    )
    got = [(f.amount, f.kind, f.jurisdiction) for f in figures_in(text)]
    assert got == [
        (Decimal("80000"), "grant", None),
        (Decimal("500"), "revenue", "national"),
    ]
