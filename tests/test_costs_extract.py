"""287(g) cost figures: passages, amounts, kinds, periods, fiscal years, traps and dedupe."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from conftest import shared_path
from pdf_factory import filler_lines, make_pdf
from watcher.costs import cost_notes, extract_text, find_cost_figures, merge_republished, scan_costs
from watcher.costs.extract import CostFigure, document_date_from_text
from watcher.formats.text import ExtractedText

GALVESTON = {
    "galveston_tx_2026-02-16_sheriff_287g_task_force_revenue_302500.md": (
        "302500",
        dt.date(2026, 2, 16),
        ("sheriff", "task-force"),
    ),
    "galveston_tx_2026-03-02_constable_pct1_287g_task_force_revenue_130000.md": (
        "130000",
        dt.date(2026, 3, 2),
        ("constable", "precinct-1", "task-force"),
    ),
    "galveston_tx_2026-04-13_constable_pct4_287g_task_force_revenue_152500.md": (
        "152500",
        dt.date(2026, 4, 13),
        ("constable", "precinct-4", "task-force"),
    ),
    "galveston_tx_2026-06-08_constable_pct2_287g_task_force_revenue_122500.md": (
        "122500",
        dt.date(2026, 6, 8),
        ("constable", "precinct-2", "task-force"),
    ),
}
URL = "https://example.gov/doc"


def figures_in(text: str) -> list[CostFigure]:
    return find_cost_figures(ExtractedText(pages=[text], format="text"), url=URL, doc_date=None)


def one(text: str) -> CostFigure:
    found = figures_in(text)
    assert len(found) == 1, found
    return found[0]


def read_shared(name: str) -> tuple[ExtractedText, list[CostFigure]]:
    path = shared_path("budget_docs", name)
    text = extract_text(path.read_bytes(), content_type=None, url=path.as_uri())
    return text, find_cost_figures(text, url=path.as_uri(), doc_date=text.date)


# --- Real documents ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GALVESTON))
def test_galveston_revenue_certifications(name: str) -> None:
    amount, date, keys = GALVESTON[name]
    text, found = read_shared(name)
    assert text.date == date
    assert len(found) == 1
    figure = found[0]
    assert figure.amount == Decimal(amount)
    assert figure.kind == "revenue"
    assert figure.basis == "287(g)"
    assert figure.key_terms == keys
    assert figure.page is None
    assert figure.doc_date == date
    assert figure.fiscal_year is None
    assert "Certification of Revenue" in figure.sentence
    assert figure.sentence.startswith("Agenda Item:")


def test_galveston_agreement_without_an_amount_gives_no_figure() -> None:
    _, found = read_shared(
        "galveston_tx_2025-10-27_constable_pct2_execute_287g_reimbursable_agreement_NO_AMOUNT.md"
    )
    assert found == []


def test_crow_wing_moa_pdf_gives_no_figure() -> None:
    text, found = read_shared("crow_wing_mn_287g_TFM_MOA_2025-03-19_CONTROL_no_amount.pdf")
    assert len(text.pages) == 14
    assert found == []
    note = scan_costs(text, url=URL, doc_date=None).notes[-1]
    assert note.startswith("287(g) is named (pages 1, ")
    assert note.endswith("but no dollar figure goes with it")


def test_sweetwater_note_separates_stipends_from_per_diem() -> None:
    _, found = read_shared("secondary_note_sweetwater_wy_287g_stipends_per_diem.md")
    by_amount = {f.amount: f for f in found}
    assert by_amount[Decimal("167500")].kind == "reimbursement"
    assert by_amount[Decimal("370600")].kind == "revenue"
    assert (by_amount[Decimal("61.57")].kind, by_amount[Decimal("61.57")].period) == (
        "per_diem",
        "daily",
    )
    assert by_amount[Decimal("120")].kind == "per_diem"


# --- Documents built here ---------------------------------------------------------------------


def test_pdf_figures_carry_their_page_numbers() -> None:
    pages = [
        filler_lines(1, 10),
        [
            "7. Sheriff's Office: 287(g) Jail Enforcement Model.",
            "The Board approves 12 new positions at a cost of $539,341 annually",
            "and $89,975 in start-up costs for FY 2025-26.",
        ],
        filler_lines(3, 10),
        ["12. Accept SCAAP award of $68,685 for FY23 expenses.", "", "13. 287(g) update."],
        ["Task Force Model reimbursement from ICE: $1.2 million in FY2027."],
    ]
    data = make_pdf(pages)
    text = extract_text(data, content_type="application/pdf", url=URL)
    found = find_cost_figures(text, url=URL, doc_date=dt.date(2025, 9, 1))
    got = [(f.page, f.amount, f.kind, f.period, f.fiscal_year) for f in found]
    assert got == [
        (2, Decimal("539341"), "cost", "annual", "FY2026"),
        (2, Decimal("89975"), "cost", "one-time", "FY2026"),
        (5, Decimal("1200000"), "reimbursement", None, "FY2027"),
    ]
    assert all(f.doc_date == dt.date(2025, 9, 1) and f.url == URL for f in found)


def test_html_agenda_items_do_not_leak_into_each_other() -> None:
    body = (
        b"<html><head><title>Board agenda</title></head><body><ol>"
        b"<li>Approve the 287(g) Task Force Model agreement with ICE; revenue of $250,000.</li>"
        b"<li>Award contract for Ice House Road resurfacing, $2M.</li>"
        b"<li>Engage Ice Miller LLP as bond counsel for $45,000.</li>"
        b"</ol><p>Meeting Date: 2026-01-12</p></body></html>"
    )
    text = extract_text(body, content_type="text/html", url=URL)
    assert text.date == dt.date(2026, 1, 12)
    found = find_cost_figures(text, url=URL, doc_date=text.date)
    assert [(f.amount, f.kind) for f in found] == [(Decimal("250000"), "revenue")]


def test_csv_budget_rows_give_one_figure_per_year_column() -> None:
    body = (
        b"Program,Fund,FY 2025-26 Adopted,FY 2026-27 Proposed\n"
        b"287(g) Task Force reimbursement,General,302500,310000\n"
        b"SCAAP award,General,68685,70000\n"
        b"Patrol overtime,General,120000,125000\n"
    )
    text = extract_text(body, content_type="text/csv", url=URL)
    found = find_cost_figures(text, url=URL, doc_date=None)
    assert [(f.amount, f.kind, f.fiscal_year) for f in found] == [
        (Decimal("302500"), "reimbursement", "FY2026"),
        (Decimal("310000"), "reimbursement", "FY2027"),
    ]


def test_table_rows_under_a_287g_heading_count() -> None:
    page = (
        "287(g) Task Force\n"
        "Salaries and benefits | FY2026: $539,341\n"
        "Vehicle (one-time) | FY2026: $100,000\n"
        "\n"
        "Parks | FY2026: $75,000\n"
    )
    assert [(f.amount, f.period) for f in figures_in(page)] == [
        (Decimal("539341"), None),
        (Decimal("100000"), "one-time"),
    ]


# --- Amount, year, period and kind forms ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("$539,341", "539341"),
        ("$1.2 million", "1200000"),
        ("$2M", "2000000"),
        ("$540K", "540000"),
        ("($1,234)", "-1234"),
        ("(1,234)", "-1234"),
        ("-$1,234", "-1234"),
        ("$89,975.50", "89975.50"),
        ("1,500,000 dollars", "1500000"),
        ("$3.5 billion", "3500000000"),
    ],
)
def test_amount_forms(written: str, amount: str) -> None:
    figure = one(f"The 287(g) program line is {written} this year.")
    assert figure.amount == Decimal(amount)
    assert figure.raw == written


def test_a_bracketed_aside_is_not_a_negative() -> None:
    figure = one("The 287(g) unit ($539,341 a year) was approved.")
    assert figure.amount == Decimal("539341")
    assert figure.period == "annual"


def test_a_range_with_one_scale_gives_both_ends_scaled() -> None:
    figure = one("The 287(g) jail program will cost $2.0-2.3M.")
    assert (figure.amount, figure.amount_high) == (Decimal("2000000"), Decimal("2300000"))


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("FY2026", "FY2026"),
        ("FY 2025-26", "FY2026"),
        ("FY25", "FY2025"),
        ("FY 18-19", "FY2019"),
        ("fiscal year 2025-2026", "FY2026"),
        ("the 2023 Adopted Budget", "FY2023"),
    ],
)
def test_fiscal_year_forms(written: str, canonical: str) -> None:
    assert one(f"For {written}, the 287(g) overtime cost is $15,000.").fiscal_year == canonical


def test_a_multi_year_span_is_not_a_fiscal_year() -> None:
    assert one("From FY2014-2019 the 287(g) program cost $38,657.").fiscal_year is None


@pytest.mark.parametrize(
    ("sentence", "kind", "period"),
    [
        ("The 287(g) unit will cost $675,000 per year.", "cost", "annual"),
        ("Certification of Revenue of $302,500 for the 287(g) Task Force.", "revenue", None),
        ("ICE will reimburse $116,000 of 287(g) overtime.", "reimbursement", None),
        ("The state grant of $991,279 covers 287(g) training.", "grant", None),
        ("Under the 287(g) agreement ICE pays $84 per day per detainee.", "per_diem", "daily"),
        ("The 287(g) per diem rate is $125.", "per_diem", "daily"),
        ("287(g) reimbursements run about $140,000/month.", "reimbursement", "monthly"),
        ("The 287(g) program's net impact was $171,000.", "net", None),
        ("Awards of $1,000 per 287(g) officer are paid quarterly.", "grant", "quarterly"),
    ],
)
def test_kinds_and_periods(sentence: str, kind: str, period: str | None) -> None:
    figure = one(sentence)
    assert (figure.kind, figure.period) == (kind, period)


def test_each_figure_in_a_sentence_gets_its_own_kind() -> None:
    found = figures_in("The 287(g) program cost $287,000; ICE reimbursed $116,000; net $171,000.")
    assert [(f.amount, f.kind) for f in found] == [
        (Decimal("287000"), "cost"),
        (Decimal("116000"), "reimbursement"),
        (Decimal("171000"), "net"),
    ]


# --- Passages and traps -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["287(g)", "287 (g)", "287g", "287-G", "287(G)", "Section 287(g)"]
)
def test_spellings_of_287g(spelling: str) -> None:
    assert one(f"The {spelling} program will cost $10,000.").basis == "287(g)"


@pytest.mark.parametrize(
    "name", ["Jail Enforcement Model", "Task Force Model", "Warrant Service Officer"]
)
def test_model_names_mark_a_passage(name: str) -> None:
    assert one(f"The {name} positions will cost $50,000.").basis == "model"


def test_ice_agreement_on_immigration_enforcement_marks_a_passage() -> None:
    figure = one(
        "Partner with U.S. Immigration and Customs Enforcement on immigration enforcement "
        "at a cost of $449,804."
    )
    assert figure.basis == "ice-agreement"


@pytest.mark.parametrize(
    "text",
    [
        "Engagement of Ice Miller LLP as bond counsel: $45,000.",
        "ICE MILLER LLP agreement for legal services, $45,000.",
        "Resurface Ice House Road under the agreement, $2,000,000.",
        "The ice plant partnership costs $12,000.",
        "The county budget for road salt is $90,000.",
    ],
)
def test_no_287g_mention_means_no_figure(text: str) -> None:
    assert figures_in(text) == []


@pytest.mark.parametrize(
    "trap",
    [
        "The SCAAP award for FY23 was $68,685.",
        "The U.S. Marshals per diem is $82 per day.",
        "USMS pays $82 a day under its IGA.",
        "Engagement of Ice Miller LLP as bond counsel costs $45,000.",
        "Paving of Ice House Road costs $1,200,000.",
    ],
)
def test_traps_next_to_a_287g_sentence_are_skipped(trap: str) -> None:
    found = figures_in(f"The 287(g) agreement was renewed in March. {trap}")
    assert found == []


def test_marshals_with_287g_in_the_same_sentence_counts() -> None:
    figure = one("Federal revenue from U.S. Marshals and 287(g) detainees was $5.9 million.")
    assert (figure.amount, figure.kind) == (Decimal("5900000"), "revenue")


def test_a_long_passage_only_counts_sentences_near_the_mention() -> None:
    far = " ".join(f"Sentence {i} about parks." for i in range(8))
    text = f"The 287(g) unit costs $10,000. {far} The parks budget is $99,000."
    assert [f.amount for f in figures_in(text)] == [Decimal("10000")]


def test_a_sentence_before_the_mention_counts_in_a_short_item() -> None:
    text = "The Sheriff requests $539,341 for 12 positions. They would staff the 287(g) unit."
    assert [f.amount for f in figures_in(text)] == [Decimal("539341")]


def test_a_document_with_no_mention_gives_nothing() -> None:
    text = ExtractedText(pages=["Budget: $1,000,000 for roads."] * 50, format="pdf")
    assert find_cost_figures(text, url=URL, doc_date=None) == []


# --- Republication ----------------------------------------------------------------------------


def test_the_same_figure_republished_later_is_one_figure() -> None:
    agenda = (
        "Agenda Item: Constable Precinct 1 - Requesting approval of the Certification of "
        "Revenue in the amount of $130,000 for the DHS ICE 287(g) Task Force."
    )
    minutes = (
        "Motion carried: the Court approved the certification of revenue of $130,000 for the "
        "287(g) Task Force of Constable Pct. 1 and appropriation of the same."
    )
    first = find_cost_figures(
        ExtractedText(pages=[agenda], format="text"), url="a", doc_date=dt.date(2026, 3, 2)
    )
    later = find_cost_figures(
        ExtractedText(pages=[minutes], format="text"), url="b", doc_date=dt.date(2026, 3, 16)
    )
    assert first[0].fingerprint == later[0].fingerprint
    merged = merge_republished([*later, *first])
    assert len(merged) == 1
    assert merged[0].url == "a"


def test_same_amount_for_another_agency_is_another_figure() -> None:
    a = one("Revenue of $130,000 for the 287(g) Task Force of Constable Precinct 1.")
    b = one("Revenue of $130,000 for the 287(g) Task Force of Constable Precinct 4.")
    assert a.fingerprint != b.fingerprint
    assert len(merge_republished([a, b])) == 2


def test_a_figure_repeated_within_a_document_is_reported_once() -> None:
    text = "Agenda Item: 287(g) revenue of $302,500.\n\nAgenda Item: 287(g) revenue of $302,500."
    assert len(figures_in(text)) == 1
    assert len(figures_in("287(g) revenue: $302,500 in March and $302,500 in May.")) == 1


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meeting: Court\nDate: 2026-02-16\nItem", dt.date(2026, 2, 16)),
        ("Regular meeting held on February 16, 2026.", dt.date(2026, 2, 16)),
        ("Adopted 5 Nov. 2007 by the Board", dt.date(2007, 11, 5)),
        ("Approved: 11/05/2007", dt.date(2007, 11, 5)),
        ("Filed 2026-13-45 and nothing else", None),
    ],
)
def test_document_date_from_text(text: str, expected: dt.date | None) -> None:
    assert document_date_from_text(text) == expected


def test_a_labelled_date_beats_an_earlier_bare_one() -> None:
    text = "Printed 01/02/2026. Meeting Date: March 2, 2026."
    assert document_date_from_text(text) == dt.date(2026, 3, 2)


# --- Wording of other counties (costs.md section 5.1) -----------------------------------------


def test_wake_style_position_item_naming_ice_but_not_287g() -> None:
    item = (
        "7. Approves the creation of 12 new positions for the Wake County Sheriff's Office to "
        "implement a program to partner with the US Immigration and Customs Enforcement "
        "agency. The positions cost $539,341 per year for salaries, benefits and one vehicle, "
        "plus $89,975 in one-time start-up costs."
    )
    found = figures_in(item)
    assert [(f.amount, f.kind, f.period, f.basis) for f in found] == [
        (Decimal("539341"), "cost", "annual", "ice-agreement"),
        (Decimal("89975"), "cost", "one-time", "ice-agreement"),
    ]


def test_san_bernardino_style_immigration_enforcement_functions_in_an_ice_item() -> None:
    item = (
        "Approve the Memorandum of Agreement with ICE. Approve the addition of nine (9) "
        "Sheriff's Custody Specialists to perform certain immigration enforcement functions, "
        "at a cost of $449,804, plus estimated backfill costs of $44,012."
    )
    assert [(f.amount, f.kind) for f in figures_in(item)] == [
        (Decimal("449804"), "cost"),
        (Decimal("44012"), "cost"),
    ]


def test_gaston_style_scaap_item_is_not_287g() -> None:
    item = (
        "To Accept and Appropriate Federal Grant Funds from the State Criminal Alien "
        "Assistance Program (SCAAP) for FY23 Expenses Incurred by the Sheriff's Office "
        "($68,685). The Sheriff's 287(g) unit processes detainers."
    )
    assert figures_in(item) == []


# --- Notes for documents without figures ------------------------------------------------------


def test_notes_say_when_a_document_never_mentions_287g() -> None:
    text = ExtractedText(pages=["Roads: $1,000,000."], format="html")
    assert scan_costs(text, url=URL, doc_date=None).notes == ["no 287(g) mention in the document"]


def test_cost_notes_match_the_scan_notes() -> None:
    text = ExtractedText(pages=["The 287(g) MOA was signed."], format="text", notes=["x"])
    scan = scan_costs(text, url=URL, doc_date=None)
    assert cost_notes(text, scan.figures) == scan.notes
    assert scan.notes == ["x", "287(g) is named but no dollar figure goes with it"]


def test_notes_for_a_scanned_pdf_do_not_claim_there_is_no_mention() -> None:
    text = extract_text(make_pdf([[], []]), content_type=None, url=URL)
    notes = scan_costs(text, url=URL, doc_date=None).notes
    assert len(notes) == 1
    assert notes[0].startswith("scanned PDF: no text layer on 2 of 2 pages")


def test_a_hostile_page_of_endless_figures_is_cut_short_with_a_note() -> None:
    page = "The 287(g) U.S. program costs $1,000 and more. " * 200_000
    scan = scan_costs(ExtractedText(pages=[page], format="text"), url=URL, doc_date=None)
    assert [f.amount for f in scan.figures] == [Decimal("1000")]
    assert scan.notes == ["figure search stopped at 5,000 candidates"]


def test_a_page_with_no_sentence_breaks_is_searched_in_bounded_pieces() -> None:
    page = "287(g) program overtime " + "word " * 100_000 + "costs $5,000"
    assert figures_in(page) == []  # the figure is 500,000 characters from the mention
