"""Builds ICE-style 287(g) workbooks and pages for tests (no file from ../shared is copied).

    make_workbook(rows, layout="participating-8col") -> bytes
    make_ice_page({"Participating Agencies": "/doclib/.../participatingAgencies01012026am.xlsx"})
    make_html_table_page(rows) -> str          # the pre-2025 page: one or more <table>s
    sample_rows() -> list[dict]                # realistic rows with ICE's quirks
    workbook_rows(parsed.rows) -> list[dict]   # a parsed (real) list, to edit and write again

A row is a dict with keys ``state, agency, type, county, support, signed, moa, moa_url,
addendum, addendum_url`` (missing keys are empty cells). ``signed`` may be a date/datetime
(written as a real Excel date, format ``mm-dd-yy``), a number (an Excel serial) or text.
``moa_url`` becomes the MOA cell's hyperlink; ``moa`` is the cell text (default ``link``
when a URL is given, else ``link pending``).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

LAYOUTS: dict[str, tuple[str, ...]] = {
    "participating-6col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "SUPPORT TYPE", "SIGNED",
                           "MOA"),
    "participating-7col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE",
                           "SIGNED", "MOA"),
    "participating-8col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE",
                           "SIGNED", "MOA", "ADDENDUM"),
    "pending-4col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "SUPPORT TYPE"),
    "pending-5col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"),
    "pending-6col": ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "MOA"),
    "derived-5col": ("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA"),
}  # fmt: skip
_KEYS = {
    "STATE": "state",
    "LAW ENFORCEMENT AGENCY": "agency",
    "TYPE": "type",
    "COUNTY": "county",
    "SUPPORT TYPE": "support",
    "SIGNED": "signed",
    "MOA": "moa",
    "ADDENDUM": "addendum",
}
MOA_BASE = "https://www.ice.gov/doclib/287gMOA/"


def safelink(url: str) -> str:
    """Wrap a URL the way Outlook SafeLinks did in ICE's 2025 workbooks."""
    from urllib.parse import quote

    return (
        "https://gcc02.safelinks.protection.outlook.com/?url="
        + quote(url, safe="")
        + "&data=05%7C02%7CERO287g%40ice.dhs.gov%7C0&sdata=x&reserved=0"
    )


def sample_rows() -> list[dict[str, Any]]:
    """Rows carrying the quirks seen in ICE's lists."""
    return [
        {"state": "ALABAMA", "agency": "Etowah County Sheriff’s Office", "type": "County",
         "county": "Etowah County", "support": "Jail Enforcement Model",
         "signed": dt.date(2020, 6, 9), "moa_url": MOA_BASE + "287gJEM_EtowahCoAL.pdf"},
        {"state": "FLORIDA ", "agency": "Fort\u00a0Myers Police Department ",
         "type": "Municipality ", "county": "#N/A", "support": "Task Force Model ",
         "signed": 45922, "moa_url": safelink(MOA_BASE + "FortMyersPD_TFM_MOA.pdf"),
         "addendum": "link", "addendum_url": MOA_BASE + "FortMyersPD_addendum.pdf"},
        {"state": "TEXAS", "agency": "Harris County Constable Precinct 4", "type": "County",
         "county": "Harris County ", "support": "Warrant Services Officer",
         "signed": "05/082025", "moa": "link pending"},
        {"state": "UTAHJ", "agency": "Utah County Sheriff's Office", "type": "County",
         "county": "Utah County", "support": "Warrant Service Officer",
         "signed": dt.datetime(2025, 7, 7, 0, 0), "moa": "link\u00a0|\u00a0addendum"},
    ]  # fmt: skip


def make_workbook(
    rows: list[dict[str, Any]],
    layout: str = "participating-8col",
    *,
    blank_rows: int = 12,
    title_rows: int = 0,
    autofilter: bool = True,
    sheet_title: str = "Sheet1",
) -> bytes:
    """An xlsx in one of ICE's layouts (see LAYOUTS), as bytes."""
    headers = LAYOUTS[layout]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title
    for t in range(title_rows):
        ws.cell(row=t + 1, column=1, value=f"287(g) list, title line {t + 1}")
    top = title_rows + 1
    for c, name in enumerate(headers, start=1):
        ws.cell(row=top, column=c, value=name).font = Font(bold=True)
    for r, row in enumerate(rows, start=top + 1):
        for c, name in enumerate(headers, start=1):
            _write(ws.cell(row=r, column=c), _KEYS[name], row)
    last = top + len(rows)
    fill = PatternFill("solid", fgColor="FFFFFF")
    for r in range(last + 1, last + 1 + blank_rows):  # formatted but empty, as ICE's are
        for c in range(1, 14):
            ws.cell(row=r, column=c).fill = fill
    if autofilter:
        ws.auto_filter.ref = f"A{top}:M{last + blank_rows}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _write(cell: Any, key: str, row: dict[str, Any]) -> None:
    if not row:
        return  # {} is an entirely blank row
    if key in ("moa", "addendum"):
        url = row.get(f"{key}_url")
        text = row.get(key, "link" if url else ("link pending" if key == "moa" else None))
        cell.value = text
        if url:
            cell.hyperlink = url
        return
    value = row.get(key)
    cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = "mm-dd-yy"


def make_ice_page(links: dict[str, str]) -> str:
    """The current landing page: link text -> href (relative or absolute)."""
    items = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>'
        for text, href in links.items()
    )
    return _page(
        "<h2>Participating Agencies</h2><p>ICE has 287(g) agreements with the agencies "
        f"listed in the workbooks below.</p><ul>{items}</ul>"
        '<p><a href="/doclib/about/offices/ero/287g/287gFactSheet.pdf">Fact sheet</a></p>'
    )


def make_html_table_page(rows: list[dict[str, Any]], *, tables: int = 2) -> str:
    """The pre-2025 page: STATE / LAW ENFORCEMENT AGENCY / SUPPORT TYPE / SIGNED / MOA,
    rows split over ``tables`` <table>s; MOA cells ``link`` or ``link | addendum``."""
    size = max(1, -(-len(rows) // tables))
    parts = []
    for start in range(0, len(rows), size):
        body = "".join(_html_row(row) for row in rows[start : start + size])
        parts.append(
            '<table class="usa-table"><thead><tr><th>STATE</th><th>LAW ENFORCEMENT AGENCY</th>'
            "<th>SUPPORT TYPE</th><th>SIGNED</th><th>MOA</th></tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
    return _page("<h2>287(g) agreements</h2>" + "<p>Listed by state.</p>".join(parts))


def _html_row(row: dict[str, Any]) -> str:
    signed = row.get("signed", "")
    if isinstance(signed, dt.date):
        signed = signed.strftime("%m/%d/%Y")
    moa = "link pending"
    if row.get("moa_url"):
        moa = f'<a href="{html.escape(row["moa_url"])}" aria-label="MOA">link</a>'
        if row.get("addendum_url"):
            moa += f' | <a href="{html.escape(row["addendum_url"])}">addendum</a>'
    cells = [row.get("state", ""), row.get("agency", ""), row.get("support", ""), signed]
    return (
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + f"<td>{moa}</td></tr>"
    )


def _page(main: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Delegation of '
        "Immigration Authority Section 287(g) | ICE</title></head><body>"
        '<nav><a href="/">Home</a><a href="/identify-and-arrest">Identify and Arrest</a></nav>'
        f'<main id="main-content">{main}</main>'
        "<footer><table><tr><td>ICE</td><td>Contact</td></tr></table></footer></body></html>"
    )


def workbook_rows(rows: list[Any]) -> list[dict[str, Any]]:
    """Parsed AgreementRows (of a real list, say) back as rows for make_workbook, so a test
    can edit a real publication and write it again."""
    from watcher.ice.parse.normalize import STATES

    names: dict[str, str] = {}
    for name, code in STATES.items():
        names.setdefault(code, name)
    return [
        {
            "state": names[row.state],
            "agency": row.agency,
            "type": row.agency_type,
            "county": row.county or "#N/A",
            "support": row.model,
            "signed": row.signed,
            "moa_url": row.moa_url,
            "addendum_url": row.addendum_url,
        }
        for row in rows
    ]
