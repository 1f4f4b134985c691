"""Document sources end to end: a county's PDF, an index page and a Legistar client's agenda
items, served by a real HTTP server on 127.0.0.1; cost figures tied to the county and attached
to events."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from conftest import shared_path
from http_server import Answer, ScriptedServer
from ice_workbooks import MOA_BASE, make_ice_page, make_workbook
from pdf_factory import filler_lines, make_pdf
from watcher.cli import cli
from watcher.store.archive import open_archive

SHERIFF_ITEM = (
    "Sheriff's Office - Requesting approval of the Certification of Revenue in the amount of "
    "$302,500 as certified by the County Auditor for the DHS ICE 287(g) Task Force and "
    "appropriation of the same"
)


def watcher(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def config(tmp_path: Path, sources: str) -> None:
    (tmp_path / "sources.yaml").write_text(
        "contact: tests@example.org\nfetch: {retries: 0, backoff: 0, timeout: 5}\n"
        "sources:\n" + sources
    )


def budget_pdf() -> bytes:
    pages: list[list[str]] = [filler_lines(n) for n in range(1, 8)]
    pages[3] = [
        "Sheriff - Detention Services",
        "The 287(g) Jail Enforcement Model agreement adds two deputy positions at a cost of",
        "$184,250 in FY2026, funded from the general fund.",
    ]
    pages[5] = ["Facilities", "Ice House Road culvert replacement: $1,200,000."]
    return make_pdf(pages, title="Adopted Budget FY2026")


def costs_json(tmp_path: Path, *args: str) -> list[dict[str, Any]]:
    result = watcher(tmp_path, "costs", "--json", *args)
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def test_pdf_document_gives_figure_with_page(tmp_path: Path, http_server: ScriptedServer) -> None:
    url = http_server.route(
        "/budget/fy2026.pdf",
        Answer(body=budget_pdf(), headers={"Content-Type": "application/pdf", "ETag": '"b1"'}),
    )
    config(
        tmp_path,
        f"  - {{name: hays-budget, kind: document, url: '{url}', "
        "jurisdiction: {state: TX, county: Hays}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    figures = costs_json(tmp_path)
    assert [
        (f["amount"], f["kind"], f["fiscal_year"], f["page"], f["county"], f["state"])
        for f in figures
    ] == [(184250.0, "cost", "FY2026", 4, "Hays", "TX")]
    assert "Ice House Road" not in json.dumps(figures)
    # Same bytes again (the server ignores the ETag here): not extracted a second time.
    http_server.route("/budget/fy2026.pdf", Answer(body=budget_pdf()))
    assert watcher(tmp_path, "run").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)


def test_document_index_follows_matching_links(tmp_path: Path, http_server: ScriptedServer) -> None:
    agenda = (
        f"<html><body><h1>Commissioners Court, 16 Feb 2026</h1><p>Item 26-73-0216-C: "
        f"{SHERIFF_ITEM}.</p></body></html>"
    ).encode()
    http_server.route(
        "/agendas/2026-02-16.html", Answer(body=agenda, headers={"Content-Type": "text/html"})
    )
    http_server.route("/minutes/2026-02-16.html", Answer(body=b"<p>Minutes, no money.</p>"))
    index = (
        '<html><body><a href="/agendas/2026-02-16.html">Agenda 16 Feb 2026</a>'
        '<a href="/minutes/2026-02-16.html">Minutes</a><a href="/about">About</a></body></html>'
    )
    url = http_server.route("/agendas/", Answer(body=index.encode()))
    config(
        tmp_path,
        f"  - {{name: galveston-agendas, kind: document_index, url: '{url}', "
        "link_pattern: 'agenda', jurisdiction: {state: TX, county: Galveston}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    figures = costs_json(tmp_path, "--county", "Galveston County")
    assert [(f["amount"], f["kind"]) for f in figures] == [(302500.0, "revenue")]
    assert http_server.hits("/minutes/2026-02-16.html") == 0  # neither its URL nor its text matches


def legistar_routes(server: ScriptedServer, items: dict[int, tuple[str, str]]) -> str:
    """Answers like webapi.legistar.com/v1/{client}: events, then each event's items."""
    events = [
        {"EventId": event_id, "EventBodyName": "Commissioners Court", "EventDate": date}
        for event_id, (date, _) in items.items()
    ]
    server.route(
        "/v1/galvestoncountytx/events",
        Answer(body=json.dumps(events).encode(), headers={"Content-Type": "application/json"}),
    )
    for event_id, (_, title) in items.items():
        rows = [{"EventItemId": event_id * 10, "EventItemTitle": title}]
        server.route(
            f"/v1/galvestoncountytx/events/{event_id}/eventitems",
            Answer(body=json.dumps(rows).encode()),
        )
    return server.base + "/v1/"


def test_legistar_agenda_items_give_figures_and_link_to_events(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    base = legistar_routes(
        http_server,
        {
            9101: ("2026-02-16T00:00:00", SHERIFF_ITEM),
            9102: (
                "2026-03-02T00:00:00",
                "Constable Precinct 1 - Requesting approval of the Certification of "
                "Revenue in the amount of $130,000 as certified by the County Auditor for "
                "the DHS ICE 287(g) Task Force and appropriation of the same",
            ),
        },
    )
    baseline = {
        "state": "TEXAS",
        "agency": "Harris County Sheriff's Office",
        "type": "County",
        "county": "Harris County",
        "support": "Jail Enforcement Model",
        "signed": dt.date(2020, 6, 9),
    }
    galveston = {
        "state": "TEXAS",
        "agency": "Galveston County Sheriff's Office",
        "type": "County",
        "county": "Galveston County",
        "support": "Task Force Model",
        "signed": dt.date(2025, 3, 4),
        "moa_url": MOA_BASE + "GalvestonTX_TFM.pdf",
    }
    page = "/identify-and-arrest/287g"
    http_server.route("/p1.xlsx", Answer(body=make_workbook([baseline])))
    http_server.route(page, Answer(body=make_ice_page({"Participating": "/p1.xlsx"}).encode()))
    config(
        tmp_path,
        f"  - {{name: ice, kind: ice_287g, url: '{http_server.base}{page}'}}\n"
        f"  - {{name: galveston-legistar, kind: legistar, url: '{base}', "
        "client: galvestoncountytx, lookback_days: 3660, "
        "jurisdiction: {state: TX, county: Galveston}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert "EventDate+ge+" in next(r.path for r in http_server.requests if "events?" in r.path)
    http_server.route("/p2.xlsx", Answer(body=make_workbook([baseline, galveston])))
    http_server.route(page, Answer(body=make_ice_page({"Participating": "/p2.xlsx"}).encode()))
    assert watcher(tmp_path, "run", "--source", "ice").exit_code == 0
    events = json.loads(watcher(tmp_path, "events", "--json").output)
    assert [(e["type"], e["agency"]) for e in events] == [
        ("new", "Galveston County Sheriff's Office")
    ]
    figures = {(f["amount"], f["kind"], f["doc_date"]) for f in events[0]["cost_figures"]}
    assert figures == {(302500.0, "revenue", "2026-02-16"), (130000.0, "revenue", "2026-03-02")}
    assert events[0]["reference_figures"], "program-level figures come too, kept apart"
    assert "legal_context" in events[0] and "SB 8" in events[0]["legal_context"]["citation"]


def test_bad_documents_get_a_note_not_a_crash(tmp_path: Path, http_server: ScriptedServer) -> None:
    encrypted = http_server.route(
        "/enc.pdf", Answer(body=make_pdf([["287(g) $1"]], encrypted=True))
    )
    scanned = http_server.route("/scan.pdf", Answer(body=make_pdf([[], [], []])))
    truncated = http_server.route("/cut.pdf", Answer(body=budget_pdf()[:600]))
    config(
        tmp_path,
        "".join(
            f"  - {{name: d{i}, kind: document, url: '{url}', jurisdiction: {{state: TX}}}}\n"
            for i, url in enumerate((encrypted, scanned, truncated))
        ),
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 1  # the encrypted and truncated ones failed
    db = open_archive(tmp_path / "w.db")
    statuses = dict(db.execute("SELECT source, status FROM documents").fetchall())
    assert statuses == {"d0": "failed", "d1": "no_text", "d2": "failed"}
    notes = db.execute("SELECT notes FROM documents WHERE source = 'd1'").fetchone()[0]
    assert "no text layer" in notes
    assert db.execute("SELECT COUNT(*) FROM cost_figures").fetchone() == (0,)


def test_hostile_page_stopped_search_is_on_the_record(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    # 5,001 sentences naming 287(g) with a dollar figure: past the 5,000-candidate budget.
    body = "<html><body>" + "<p>The 287(g) Task Force costs $1,000.</p>" * 5001 + "</body></html>"
    url = http_server.route(
        "/agenda.html", Answer(body=body.encode(), headers={"Content-Type": "text/html"})
    )
    config(
        tmp_path,
        f"  - {{name: flood, kind: document, url: '{url}', "
        "jurisdiction: {state: TX, county: Hays}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    db = open_archive(tmp_path / "w.db")
    status, notes, count = db.execute(
        "SELECT status, notes, figure_count FROM documents WHERE source = 'flood'"
    ).fetchone()
    assert json.loads(notes) == ["figure search stopped at 5,000 candidates"]
    # What was found before the stop is kept: the same figure 5,000 times is one figure.
    assert (status, count) == ("extracted", 1)
    assert db.execute("SELECT amount, seen_in FROM cost_figures").fetchall() == [(1000.0, 1)]


def test_real_galveston_agenda_items(tmp_path: Path, http_server: ScriptedServer) -> None:
    items = {
        "galveston_tx_2026-02-16_sheriff_287g_task_force_revenue_302500.md": 302500.0,
        "galveston_tx_2026-03-02_constable_pct1_287g_task_force_revenue_130000.md": 130000.0,
        "galveston_tx_2025-10-27_constable_pct2_execute_287g_reimbursable_agreement_NO_AMOUNT.md": (
            None
        ),
    }
    lines = []
    for i, (name, _) in enumerate(items.items()):
        body = shared_path("budget_docs", name).read_bytes()
        url = http_server.route(
            f"/item{i}.txt", Answer(body=body, headers={"Content-Type": "text/plain"})
        )
        lines.append(
            f"  - {{name: item{i}, kind: document, url: '{url}', "
            "jurisdiction: {state: TX, county: Galveston}}\n"
        )
    config(tmp_path, "".join(lines))
    assert watcher(tmp_path, "run").exit_code == 0
    amounts = sorted(f["amount"] for f in costs_json(tmp_path, "--state", "TX"))
    assert amounts == [130000.0, 302500.0]


def test_long_pdf_extraction_reports_progress(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from watcher.config import Jurisdiction
    from watcher.documents.apply import apply_document

    pages = [filler_lines(n, 5) for n in range(1, 61)]
    pages[41] = ["287(g) Task Force deputies: $96,000 in FY2026."]
    db = open_archive(tmp_path / "w.db")
    db.execute("INSERT INTO sources (name, kind, url) VALUES ('b', 'document', 'u')")
    for pdftotext in (True, False):  # both extraction paths report
        if not pdftotext:
            monkeypatch.setattr("watcher.formats.text.shutil.which", lambda _name: None)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="watcher.progress"):
            result = apply_document(
                db, source="b", url=f"https://example.org/book-{pdftotext}.pdf",
                content=make_pdf(pages) + (b"" if pdftotext else b"\n"), content_type=None,
                jurisdiction=Jurisdiction(state="TX", county="Hays"),
                fetched_at=dt.datetime.now(dt.UTC),
            )  # fmt: skip
        assert (result.status, result.figures) == ("extracted", 1)
        assert any("extracting 60 pages: 60/60" in r.getMessage() for r in caplog.records)


NEWS_PAGE = """<html><head><title>Jail budget</title></head><body>
<p>Knox County's 287(g) program cost close to $1M in fiscal 2024-25, according to the budget
office. The detention center bills ICE $84 for each day a detainee is held under the agreement.</p>
<p>By comparison, Mecklenburg County spent $5.4 million on its 287(g) program before ending it.</p>
</body></html>"""


def test_figure_details_and_other_places_reach_the_archive(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    url = http_server.route(
        "/news/jail.html", Answer(body=NEWS_PAGE.encode(), headers={"Content-Type": "text/html"})
    )
    config(
        tmp_path,
        f"  - {{name: knox-news, kind: document, url: '{url}', "
        "jurisdiction: {state: TN, county: Knox}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    found = {
        f["amount"]: (f["kind"], f["county"], f["hedge"], f["unit"], f["place"], f["fiscal_text"])
        for f in costs_json(tmp_path)
    }
    assert found[1_000_000.0] == ("cost", "Knox", "close to", None, None, "fiscal 2024-25")
    assert found[84.0][1:5] == ("Knox", None, "day", None)
    # Another county's money is kept with that place, never with Knox County's figures.
    assert found[5_400_000.0][1:5] == ("", None, None, "Mecklenburg County")
    assert [f["amount"] for f in costs_json(tmp_path, "--county", "Knox")] == [1_000_000.0, 84.0]
    text = watcher(tmp_path, "costs").output
    assert "close to $1,000,000.00 cost FY2025" in text
    assert "Mecklenburg County (named in a TN document)" in text
