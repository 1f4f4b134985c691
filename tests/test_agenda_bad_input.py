"""Bad answers from agenda platforms, each through ``watcher run`` beside a healthy source: a
clear error for that source, nothing half-written, the other source still runs, exit 1; an
empty listing, 10,000 meetings and a 3,000-page packet are handled within bounds."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from agenda_sites import agenda_pdf, config, watcher
from http_server import Answer, ScriptedServer
from pdf_factory import make_pdf
from watcher.store.archive import open_archive

LOGIN = (
    b"<html><head><title>Sign In</title></head><body><form method='post'>"
    b"<input name='username'><input type='password' name='password'>"
    b"<button>Sign in</button></form></body></html>"
)
GOOD_PAGE = b"""<html><body><div id="AgendaCenterContent">
<div class="listing" id="cat1"><h2>Board of Commissioners</h2><table><tbody>
<tr class="catAgendaRow"><td><p><a href="/AgendaCenter/ViewFile/Agenda/_01052099-7">
Regular Meeting</a></p></td></tr></tbody></table></div></div></body></html>"""


def healthy(server: ScriptedServer) -> str:
    server.route("/AgendaCenter/Search/", Answer(body=GOOD_PAGE))
    server.route("/AgendaCenter/ViewFile/Agenda/_01052099-7", Answer(body=agenda_pdf()))
    return (
        f"  - {{name: good, kind: civicplus, url: '{server.base}/', min_interval: 0, "
        "jurisdiction: {state: NC, county: Nash}}\n"
    )


def run_beside_healthy(tmp_path: Path, server: ScriptedServer, bad: str) -> str:
    config(tmp_path, healthy(server) + bad)
    result = watcher(tmp_path, "run")
    assert result.exit_code == 1, result.output
    assert "good: ok" in result.output
    db = open_archive(tmp_path / "w.db")
    good = db.execute(
        "SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE m.source = 'good'"
    ).fetchone()[0]
    assert good == 1
    return result.output


def bad_rows(tmp_path: Path) -> tuple[int, int, int]:
    db = open_archive(tmp_path / "w.db")
    return (
        db.execute("SELECT count(*) FROM meetings WHERE source = 'bad'").fetchone()[0],
        db.execute("SELECT count(*) FROM documents WHERE source = 'bad'").fetchone()[0],
        db.execute("SELECT count(*) FROM source_cursors WHERE source = 'bad'").fetchone()[0],
    )


def test_html_where_json_was_expected(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route("/v1/Events", Answer(body=b"<!DOCTYPE html><html><body>Portal</body></html>"))
    output = run_beside_healthy(
        tmp_path, http_server,
        f"  - {{name: bad, kind: civicclerk, url: '{http_server.base}/v1/', "
        "jurisdiction: {state: NM, county: Doña Ana}}\n",
    )  # fmt: skip
    assert "bad: FAILED: expected CivicClerk events (OData) as JSON, got an HTML page" in output
    assert bad_rows(tmp_path) == (0, 0, 0)


def test_login_page(tmp_path: Path, http_server: ScriptedServer) -> None:
    http_server.route("/api/v2/PublicPortal/ListUpcomingMeetings", Answer(body=LOGIN))
    output = run_beside_healthy(
        tmp_path, http_server,
        f"  - {{name: bad, kind: primegov, url: '{http_server.base}/', "
        "jurisdiction: {state: CA, county: Fresno}}\n",
    )  # fmt: skip
    assert "bad: FAILED: expected a PrimeGov meeting list as JSON, got a login page" in output
    assert bad_rows(tmp_path) == (0, 0, 0)


def test_agenda_link_that_404s(tmp_path: Path, http_server: ScriptedServer) -> None:
    events = [{"EventId": 5, "EventBodyName": "Court", "EventDate": "2099-02-01T00:00:00",
               "EventAgendaFile": http_server.base + "/gone/5_A.pdf",
               "EventLastModifiedUtc": "2099-01-20T00:00:00"}]  # fmt: skip
    http_server.route("/v1/bad/events", Answer(body=json.dumps(events).encode()))
    http_server.route("/v1/bad/events/5/eventitems", Answer(body=b"[]"))
    output = run_beside_healthy(
        tmp_path, http_server,
        f"  - {{name: bad, kind: legistar, url: '{http_server.base}/v1', client: bad, "
        "jurisdiction: {state: TX, county: Galveston}}\n",
    )  # fmt: skip
    assert f"bad: FAILED: {http_server.base}/gone/5_A.pdf: " in output and "HTTP 404" in output
    db = open_archive(tmp_path / "w.db")
    # The meeting is known; its agenda is still due, and the cursor did not move past it.
    scanned = db.execute(
        "SELECT d.scanned_at FROM meeting_documents d JOIN meetings m ON m.id = d.meeting_id "
        "WHERE m.source = 'bad'"
    ).fetchall()
    assert scanned == [(None,)]
    assert bad_rows(tmp_path) == (1, 0, 0)


def test_host_that_stops_answering_mid_pass(tmp_path: Path, http_server: ScriptedServer) -> None:
    events = [
        {"EventId": n, "EventBodyName": "Court", "EventDate": f"2099-02-0{n}T00:00:00",
         "EventAgendaFile": f"{http_server.base}/files/{n}_A.pdf"}
        for n in (1, 2)
    ]  # fmt: skip
    http_server.route("/v1/bad/events", Answer(body=json.dumps(events).encode()))
    for n in (1, 2):
        http_server.route(f"/v1/bad/events/{n}/eventitems", Answer(body=b"[]"))
    http_server.route("/files/2_A.pdf", Answer(body=agenda_pdf()))
    http_server.route("/files/1_A.pdf", Answer(body=agenda_pdf(), delay=4))  # past the timeout
    output = run_beside_healthy(
        tmp_path, http_server,
        f"  - {{name: bad, kind: legistar, url: '{http_server.base}/v1', client: bad, "
        "jurisdiction: {state: TX, county: Galveston}}\n",
    )  # fmt: skip
    assert f"bad: FAILED: {http_server.base}/files/1_A.pdf: " in output and "timed out" in output
    db = open_archive(tmp_path / "w.db")
    done = db.execute(
        "SELECT d.url, d.scanned_at IS NOT NULL FROM meeting_documents d JOIN meetings m "
        "ON m.id = d.meeting_id WHERE m.source = 'bad' ORDER BY d.url"
    )
    assert [(u.rsplit("/", 1)[1], s) for u, s in done] == [("1_A.pdf", 0), ("2_A.pdf", 1)]
    assert db.execute("SELECT count(*) FROM documents WHERE source = 'bad'").fetchone()[0] == 1


def test_empty_listing_is_fine(tmp_path: Path, http_server: ScriptedServer) -> None:
    empty = b"<html><body><div id='AgendaCenterContent'>No results found.</div></body></html>"
    http_server.route("/AgendaCenter/Search/", Answer(body=empty))
    config(
        tmp_path,
        f"  - {{name: quiet, kind: civicplus, url: '{http_server.base}/', min_interval: 0, "
        "jurisdiction: {state: NC, county: Nash}}\n",
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    assert "quiet: ok" in result.output


def test_ten_thousand_meetings_are_bounded(tmp_path: Path, http_server: ScriptedServer) -> None:
    start = dt.datetime(2099, 1, 1, 10)
    rows = [
        {"id": n, "title": "City Council", "dateTime": (start + dt.timedelta(hours=n)).isoformat()}
        for n in range(10_000)
    ]
    http_server.route(
        "/api/v2/PublicPortal/ListUpcomingMeetings", Answer(body=json.dumps(rows).encode())
    )
    http_server.route("/api/v2/PublicPortal/ListArchivedMeetings", Answer(body=b"[]"))
    config(
        tmp_path,
        f"  - {{name: many, kind: primegov, url: '{http_server.base}/', "
        "jurisdiction: {state: CA, county: Fresno}}\n",
    )
    started = time.monotonic()
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 100  # max_meetings


def test_packet_of_three_thousand_pages(tmp_path: Path, http_server: ScriptedServer) -> None:
    pages = [[f"Packet page {n}", f"Routine business item {n}."] for n in range(1, 3001)]
    pages[9] = ["7.B Consider the 287(g) Task Force Model agreement with ICE."]
    events = [{"EventId": 9, "EventBodyName": "Court", "EventDate": "2099-02-01T00:00:00",
               "EventAgendaFile": http_server.base + "/files/packet.pdf"}]  # fmt: skip
    http_server.route("/v1/big/events", Answer(body=json.dumps(events).encode()))
    http_server.route("/v1/big/events/9/eventitems", Answer(body=b"[]"))
    http_server.route("/files/packet.pdf", Answer(body=make_pdf(pages)))
    config(
        tmp_path,
        f"  - {{name: big, kind: legistar, url: '{http_server.base}/v1', client: big, "
        "jurisdiction: {state: TX, county: Galveston}}\n",
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    db = open_archive(tmp_path / "w.db")
    pages_read, notes = db.execute("SELECT pages, notes FROM documents").fetchone()
    assert pages_read == 2000 and "truncated to the first 2000 of 3000 pages" in notes
    assert db.execute("SELECT item_number, page FROM agenda_items").fetchall() == [("7.B", 10)]
