"""ICE list parsers: every layout, classification by header, quirks and bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import shared_path
from ice_workbooks import (
    LAYOUTS,
    MOA_BASE,
    make_html_table_page,
    make_ice_page,
    make_workbook,
    sample_rows,
)
from watcher.errors import ParseError
from watcher.ice.parse.page import find_workbook_links, page_has_agreement_table
from watcher.ice.parse.workbook import parse_ice_document, parse_ice_html, parse_ice_workbook

AS_OF = dt.date(2025, 12, 31)
ICE = "https://www.ice.gov/"


# ------------------------------------------------------------------ built workbooks


@pytest.mark.parametrize(
    ("layout", "kind", "name"),
    [
        ("participating-6col", "participating", "xlsx-participating-6col"),
        ("participating-7col", "participating", "xlsx-participating-7col"),
        ("participating-8col", "participating", "xlsx-participating-8col"),
        ("pending-4col", "pending", "xlsx-pending-4col"),
        ("pending-5col", "pending", "xlsx-pending-5col"),
        ("pending-6col", "pending", "xlsx-pending-6col"),
        ("derived-5col", "participating", "xlsx-derived-5col"),
    ],
)
def test_every_layout(layout: str, kind: str, name: str) -> None:
    parsed = parse_ice_workbook(make_workbook(sample_rows(), layout), as_of=AS_OF)
    assert (parsed.kind, parsed.layout, len(parsed.rows)) == (kind, name, 4)
    assert [r.state for r in parsed.rows] == ["AL", "FL", "TX", "UT"]
    assert [parsed.row_numbers[r.key] for r in parsed.rows] == [2, 3, 4, 5]
    if kind == "pending":
        assert all(r.signed is None and r.signed_raw is None for r in parsed.rows)
    assert ("COUNTY" in LAYOUTS[layout]) == (parsed.rows[0].county == "Etowah County")


def test_participating_8col_values() -> None:
    etowah, myers, harris, utah = parse_ice_workbook(make_workbook(sample_rows()), as_of=AS_OF).rows
    assert etowah.agency == "Etowah County Sheriff's Office"
    assert etowah.agency_key == "etowah county sheriffs office"
    assert etowah.model == "Jail Enforcement Model"
    assert (etowah.agency_type, etowah.county) == ("County", "Etowah County")
    assert (etowah.signed, etowah.signed_raw, etowah.flags) == (dt.date(2020, 6, 9), None, ())
    assert etowah.moa_url == MOA_BASE + "287gJEM_EtowahCoAL.pdf"
    assert myers.agency == "Fort Myers Police Department"
    assert (myers.agency_type, myers.county, myers.model) == (
        "Municipality", None, "Task Force Model",
    )  # fmt: skip
    assert myers.signed == dt.date(2025, 9, 22)  # a bare serial number
    assert myers.moa_url == MOA_BASE + "FortMyersPD_TFM_MOA.pdf"  # SafeLinks unwrapped
    assert myers.addendum_url == MOA_BASE + "FortMyersPD_addendum.pdf"
    assert (harris.signed, harris.signed_raw) == (dt.date(2025, 5, 8), "05/082025")
    assert harris.moa_url is None and harris.county == "Harris County"
    assert harris.model == "Warrant Service Officer"
    assert set(harris.flags) == {
        "signed_repaired:05/082025", "model_variant:Warrant Services Officer",
    }  # fmt: skip
    assert utah.flags == ("state_repaired:UTAHJ",)
    assert utah.signed == dt.date(2025, 7, 7) and utah.moa_url is None  # link | addendum


def test_warnings_are_compact_counts() -> None:
    rows = [dict(sample_rows()[2], agency=f"Agency {i}") for i in range(40)]
    parsed = parse_ice_workbook(make_workbook(rows), as_of=AS_OF)
    repaired = [w for w in parsed.warnings if w.startswith("signed_repaired")]
    assert repaired == [
        "signed_repaired: 40 row(s) (row 2: 05/082025; row 3: 05/082025; row 4: 05/082025; "
        "+37 more)"
    ]


def test_header_found_below_title_rows_and_blank_rows_skipped() -> None:
    rows = sample_rows()
    rows.insert(2, {})  # an entirely blank row mid-list, as on 24 Sep 2025
    parsed = parse_ice_workbook(make_workbook(rows, title_rows=3), as_of=AS_OF)
    assert len(parsed.rows) == 4
    assert [parsed.row_numbers[r.key] for r in parsed.rows] == [5, 6, 8, 9]


def test_stops_at_first_empty_state_with_a_warning() -> None:
    rows = [*sample_rows()[:2], {"agency": "Orphan Police Department"}, *sample_rows()[2:]]
    parsed = parse_ice_workbook(make_workbook(rows), as_of=AS_OF)
    assert len(parsed.rows) == 2
    assert parsed.warnings == [
        "table_ended: 1 row(s) (row 4: empty STATE; 2 non-blank row(s) ignored)"
    ]


def test_duplicates_kept_once() -> None:
    rows = [sample_rows()[0], dict(sample_rows()[0], agency="Etowah County Sheriff's Office ")]
    parsed = parse_ice_workbook(make_workbook(rows), as_of=AS_OF)
    assert len(parsed.rows) == 1
    assert parsed.warnings == ["duplicate_dropped: 1 row(s) (row 3: repeats row 2)"]


def test_unknown_state_and_support_type_never_crash() -> None:
    rows = [
        sample_rows()[0],
        dict(sample_rows()[0], state="ATLANTIS"),
        dict(sample_rows()[0], support="Jail Something"),
    ]
    parsed = parse_ice_workbook(make_workbook(rows), as_of=AS_OF)
    assert [r.model for r in parsed.rows] == ["Jail Enforcement Model", "Jail Something"]
    assert parsed.rows[1].flags == ("model_unknown:Jail Something",)
    assert "row_skipped: 1 row(s) (row 3: state_unknown:ATLANTIS)" in parsed.warnings


def test_no_header_and_no_rows() -> None:
    with pytest.raises(ParseError, match="no recognisable header: expected STATE and LAW"):
        parse_ice_workbook(make_workbook(sample_rows(), title_rows=12))
    with pytest.raises(ParseError, match="no data rows"):
        parse_ice_workbook(make_workbook([], "participating-8col"))
    # ICE really published empty pending lists (November 2025): nothing is pending.
    empty = parse_ice_workbook(make_workbook([], "pending-5col"))
    assert (empty.kind, empty.rows) == ("pending", [])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"<!DOCTYPE html><html><body><h1>Access Denied</h1></body></html>", "no recognisable"),
        (b"\x00\x01garbage bytes", "not an ICE list"),
        (b"%PDF-1.7\n", "not an ICE list"),
    ],
)
def test_dispatcher_rejects_bad_bodies(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_ice_document(body, "text/html")


def test_dispatcher_sniffs_content_not_names() -> None:
    workbook = make_workbook(sample_rows(), "pending-5col")
    assert parse_ice_document(workbook, "application/octet-stream").kind == "pending"
    with pytest.raises(ParseError, match="truncated workbook"):
        parse_ice_document(workbook[: len(workbook) // 2])
    page = make_html_table_page(sample_rows()).encode()
    assert parse_ice_document(page, "text/html").layout == "html-table"


# ------------------------------------------------------------------ HTML era


def test_html_table_page_concatenates_tables_and_resolves_links() -> None:
    rows = [
        dict(sample_rows()[0], moa_url="/doclib/287gMOA/287gJEM_EtowahCoAL.pdf"),
        dict(sample_rows()[1], moa_url="/doclib/287gMOA/FtMyers.pdf",
             addendum_url="https://www.ice.gov/doclib/287gMOA/FtMyersAdd.pdf"),
        dict(sample_rows()[2], signed=dt.date(2019, 10, 15)),
    ]  # fmt: skip
    parsed = parse_ice_html(make_html_table_page(rows, tables=2), as_of=AS_OF)
    assert (parsed.kind, parsed.layout, len(parsed.rows)) == ("participating", "html-table", 3)
    etowah, myers, harris = parsed.rows
    assert etowah.moa_url == MOA_BASE + "287gJEM_EtowahCoAL.pdf"
    assert etowah.signed == dt.date(2020, 6, 9) and etowah.signed_raw == "06/09/2020"
    assert myers.moa_url == MOA_BASE + "FtMyers.pdf"
    assert myers.addendum_url == MOA_BASE + "FtMyersAdd.pdf"
    assert harris.moa_url is None and harris.signed == dt.date(2019, 10, 15)


def test_old_fact_sheet_layout() -> None:
    page = """<html><body><table>
      <tr><th>STATE</th><th>MOA NAME</th><th>SUPPORT TYPE</th><th>OFFICIAL APPROVAL</th></tr>
      <tr><td rowspan="2">DELAWARE**</td>
          <td><a href="/doclib/foia/memorandumsofAgreementUnderstanding/r_287gdelaware.pdf">
          Delaware Department of Correction</a></td><td>JEO</td><td>06/02/2009</td></tr>
      <tr><td>Delaware State Police</td><td>JEO/TFO</td><td>3/1/2008; 6/1/2009</td></tr>
      <tr><td>AL</td><td>Alabama Department of Public Safety †</td><td>TFO</td>
          <td>9/10/2003</td></tr>
    </table><table><tr><td>Footer</td></tr></table></body></html>"""
    parsed = parse_ice_html(page, base_url="http://www.ice.gov/factsheets/287g", as_of=AS_OF)
    got = [(r.state, r.agency, r.model, r.signed) for r in parsed.rows]
    assert got == [
        ("DE", "Delaware Department of Correction", "Jail Enforcement Model", dt.date(2009, 6, 2)),
        ("DE", "Delaware State Police", "Jail Enforcement Model", dt.date(2009, 6, 1)),
        ("DE", "Delaware State Police", "Task Force Model", dt.date(2009, 6, 1)),
        ("AL", "Alabama Department of Public Safety †", "Task Force Model", dt.date(2003, 9, 10)),
    ]
    assert parsed.rows[0].moa_url == (
        "http://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287gdelaware.pdf"
    )


def test_page_helpers() -> None:
    folder = "doclib/about/offices/ero/287g/"
    page = make_ice_page(
        {
            "Participating Agencies": f"/{folder}participatingAgencies12312025am.xlsx",
            "Pending Agencies (xlsx)": f"{ICE}{folder}pendingAgencies12312025am.xlsx",
        }
    )
    assert find_workbook_links(page, ICE + "identify-and-arrest/287g") == {
        "participating": f"{ICE}{folder}participatingAgencies12312025am.xlsx",
        "pending": f"{ICE}{folder}pendingAgencies12312025am.xlsx",
    }
    assert page_has_agreement_table(page) is False
    assert page_has_agreement_table(make_html_table_page(sample_rows())) is True
    assert find_workbook_links(make_html_table_page(sample_rows()), ICE) == {}


@pytest.mark.parametrize(
    ("href", "text", "key"),
    [
        ("/doclib/287gParticipatingAgencies091526pm.xlsx", "View list", "participating"),
        ("/doclib/ParticipatingAgency091826am.xlsx%22", "Download", "participating"),
        ('/doclib/participatingAgencies09082026.xlsx"', "Download", "participating"),
        ("/file-download/download/public/12345", "Pending agencies", "pending"),
        ("/doclib/list.xlsx", "View 287(g) participating agencies", "participating"),
    ],
)
def test_workbook_link_variants(href: str, text: str, key: str) -> None:
    links = find_workbook_links(make_ice_page({text: href}), ICE)
    assert list(links) == [key]
    assert links[key].startswith(ICE) and not links[key].endswith(('"', "%22"))


# ------------------------------------------------------------------ real publications

COUNTS = {
    "2021-01-13_ParticipatingEntities-20210113002027_DERIVED-from-html.xlsx": (
        "participating", "xlsx-derived-5col", 150),
    "2024-12-18_ParticipatingEntities-20241218025939_DERIVED-from-html.xlsx": (
        "participating", "xlsx-derived-5col", 135),
    "2025-02-19_ParticipatingEntities-20250219163339_DERIVED-from-html.xlsx": (
        "participating", "xlsx-derived-5col", 145),
    "2025-02-21_participatingAgencies-20250221214937.xlsx": (
        "participating", "xlsx-participating-6col", 151),
    "2025-04-21am_participatingAgencies04212025am_ANOMALY.xlsx": (
        "participating", "xlsx-participating-6col", 308),
    "2025-05-15am_pendingAgencies05152025am.xlsx": ("pending", "xlsx-pending-5col", 92),
    "2025-05-16am_participatingAgencies05162025am.xlsx": (
        "participating", "xlsx-participating-7col", 571),
    "2025-07-14am_participatingAgencies07142025am.xlsx": (
        "participating", "xlsx-participating-8col", 811),
    "2025-07-15am_participatingAgencies07152025am.xlsx": (
        "participating", "xlsx-participating-8col", 811),
    "2025-07-18pm_participatingAgencies07182025pm.xlsx": (
        "participating", "xlsx-participating-8col", 832),
    "2025-07-18pm_pendingAgencies07182025pm.xlsx": ("pending", "xlsx-pending-5col", 26),
    "2025-09-22pm_participatingAgencies09222025pm_ANOMALY-contains-pending.xlsx": (
        "pending", "xlsx-pending-5col", 42),
    "2025-09-22pm_pendingAgencies09222025pm_ANOMALY-contains-participating.xlsx": (
        "participating", "xlsx-participating-8col", 1000),
    "2025-12-31am_participatingAgencies12312025am.xlsx": (
        "participating", "xlsx-participating-8col", 1274),
    "2026-02-27am_pendingAgencies02272026am.xlsx": ("pending", "xlsx-pending-6col", 2),
}  # fmt: skip


def _real(name: str) -> bytes:
    return shared_path("ice_data", name).read_bytes()


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_real_files_kind_layout_and_count(name: str) -> None:
    parsed = parse_ice_workbook(_real(name), as_of=AS_OF)
    assert (parsed.kind, parsed.layout, len(parsed.rows)) == COUNTS[name]


def test_real_campbell_county_text_date() -> None:
    parsed = parse_ice_workbook(_real("2025-05-16am_participatingAgencies05162025am.xlsx"))
    (row,) = [r for r in parsed.rows if r.state == "VA" and r.agency.startswith("Campbell County")]
    assert (row.signed, row.signed_raw, row.model) == (
        dt.date(2025, 5, 8), "05/082025", "Task Force Model",
    )  # fmt: skip
    assert row.flags == ("signed_repaired:05/082025",) and parsed.row_numbers[row.key] == 545


def test_real_grundy_county_year_typo() -> None:
    parsed = parse_ice_workbook(_real("2025-07-14am_participatingAgencies07142025am.xlsx"))
    (row,) = [r for r in parsed.rows if r.agency == "Grundy County Sheriff's Office"]
    assert (row.state, row.signed, parsed.row_numbers[row.key]) == ("TN", dt.date(2025, 7, 7), 277)
    assert row.flags == ("signed_repaired:5025-07-07",)


def test_real_safelinks_unwrapped() -> None:
    parsed = parse_ice_workbook(_real("2025-07-18pm_participatingAgencies07182025pm.xlsx"))
    rows = parsed.rows
    colbert = next(r for r in rows if parsed.row_numbers[r.key] == 4)
    assert colbert.agency == "Colbert County Sheriff's Office"
    assert colbert.moa_url == MOA_BASE + "ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf"
    assert not any("safelinks" in (r.moa_url or "") for r in rows)
    assert sum(1 for r in rows if r.addendum_url) == 39


def test_real_swapped_files_classified_by_header() -> None:
    named_participating = parse_ice_workbook(
        _real("2025-09-22pm_participatingAgencies09222025pm_ANOMALY-contains-pending.xlsx")
    )
    assert (named_participating.kind, len(named_participating.rows)) == ("pending", 42)
    assert named_participating.rows[0].agency == "Autauga County Sheriff's Office"
    named_pending = parse_ice_workbook(
        _real("2025-09-22pm_pendingAgencies09222025pm_ANOMALY-contains-participating.xlsx")
    )
    assert (named_pending.kind, len(named_pending.rows)) == ("participating", 1000)


def test_real_2021_derived_etowah() -> None:
    parsed = parse_ice_workbook(
        _real("2021-01-13_ParticipatingEntities-20210113002027_DERIVED-from-html.xlsx")
    )
    etowah = parsed.rows[0]
    assert (etowah.state, etowah.agency, etowah.model) == (
        "AL", "Etowah County Sheriff's Office", "Jail Enforcement Model",
    )  # fmt: skip
    assert (etowah.signed, etowah.signed_raw) == (dt.date(2016, 6, 8), "2016-06-08")
    assert etowah.moa_url == MOA_BASE + "287gJEM_EtowahCoAl2016-06-18.pdf"  # Wayback unwrapped
    assert etowah.agency_type is None and etowah.county is None


def test_real_first_workbook_link_addendum_cells_have_no_url() -> None:
    rows = parse_ice_workbook(_real("2025-02-21_participatingAgencies-20250221214937.xlsx")).rows
    assert sum(1 for r in rows if r.moa_url) == 132
    assert all(r.moa_url is None or r.moa_url.startswith(MOA_BASE) for r in rows)
