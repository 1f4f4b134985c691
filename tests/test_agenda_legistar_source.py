"""The legistar source end to end: the Web API served on 127.0.0.1 at its real paths."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from agenda_sites import agenda_json, agenda_pdf, config, plain_pdf, watcher
from conftest import shared_path
from http_server import Answer, ScriptedServer
from watcher.store.archive import open_archive

JSON = {"Content-Type": "application/json; charset=utf-8"}


def test_real_mecklenburg_events_and_their_agenda(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    real = shared_path("agenda_platforms", "legistar", "mecklenburg_county_events_trimmed.json")
    # The recording links agendas on legistar1.granicus.com: served here instead.
    body = real.read_bytes().replace(b"https://legistar1.granicus.com", http_server.base.encode())
    http_server.route("/v1/mecklenburg/events", Answer(body=body, headers=JSON))
    items = [
        {
            "EventItemId": 50,
            "EventItemAgendaNumber": "7.B",
            "EventItemTitle": "Memorandum of Agreement with ICE under the 287(g) Task Force Model",
            "EventItemMatterId": 777,
            "EventItemMatterAttachments": [],
        }
    ]
    http_server.route(
        "/v1/mecklenburg/events/1895/eventitems", Answer(body=json.dumps(items).encode())
    )
    http_server.route("/v1/mecklenburg/events/1802/eventitems", Answer(body=b"[]"))
    http_server.route(
        "/v1/mecklenburg/matters/777/attachments",
        Answer(body=json.dumps([{
            "MatterAttachmentName": "Draft MOA",
            "MatterAttachmentHyperlink": http_server.base + "/attachments/moa.pdf",
        }]).encode()),
    )  # fmt: skip
    http_server.route("/attachments/moa.pdf", Answer(body=plain_pdf()))
    http_server.route(
        "/Mecklenburg/meetings/2026/4/1895_A_Board_of_Commissioners_26-04-07_Meeting_Agenda.pdf",
        Answer(body=agenda_pdf()),
    )
    http_server.route(
        "/Mecklenburg/meetings/2025/1/1802_A_Budget_Public_Policy_25-01-14_Meeting_Agenda.pdf",
        Answer(body=plain_pdf()),
    )
    config(
        tmp_path,
        f"  - {{name: mecklenburg, kind: legistar, url: '{http_server.base}/v1', "
        "client: mecklenburg, lookback_days: 3000, "
        "jurisdiction: {state: NC, county: Mecklenburg}}\n",
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    first = next(
        r.path for r in http_server.requests if r.path.startswith("/v1/mecklenburg/events?")
    )
    assert "$top=1000" in first and "$skip=0" in first and "EventDate" in first
    (item,) = agenda_json(tmp_path, "--state", "NC")
    assert item["body"] == "Board of Commissioners"
    assert item["meeting_date"] == "2026-04-07"
    assert item["item_number"] == "7.B"
    kinds = sorted(d["kind"] for d in item["documents"])
    assert kinds == ["agenda", "item"]  # one event: the item and the agenda page that lists it
    agenda = next(d for d in item["documents"] if d["kind"] == "agenda")
    assert agenda["url"].endswith("1895_A_Board_of_Commissioners_26-04-07_Meeting_Agenda.pdf")
    assert agenda["page"] == 2
    assert [f["amount"] for f in item["cost_figures"]] == [45000.0]
    assert http_server.hits("/attachments/moa.pdf") == 1


def _events(base: str, modified: str) -> list[dict[str, Any]]:
    return [
        {
            "EventId": 11,
            "EventBodyName": "Commissioners Court",
            "EventDate": "2099-01-10T00:00:00",
            "EventTime": "9:30 AM",
            "EventAgendaFile": base + "/files/11_A.pdf",
            "EventMinutesFile": None,
            "EventLastModifiedUtc": modified,
            "EventInSiteURL": base + "/MeetingDetail.aspx?LEGID=11",
        }
    ]


def test_cursor_asks_only_for_what_changed_and_token_is_sent(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    base = http_server.base
    http_server.route(
        "/v1/galvestoncountytx/events",
        Answer(body=json.dumps(_events(base, "2098-12-01T10:00:00.5")).encode()),
        Answer(body=b"[]"),
    )
    http_server.route("/v1/galvestoncountytx/events/11/eventitems", Answer(body=b"[]"))
    http_server.route("/files/11_A.pdf", Answer(body=agenda_pdf(), headers={"ETag": '"a1"'}))
    config(
        tmp_path,
        f"  - {{name: galveston, kind: legistar, url: '{base}/v1', client: galvestoncountytx, "
        "token: s3cret, jurisdiction: {state: TX, county: Galveston}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    assert watcher(tmp_path, "run").exit_code == 0
    listing = [
        r.path for r in http_server.requests if r.path.startswith("/v1/galvestoncountytx/events?")
    ]
    assert "EventLastModifiedUtc+gt+datetime'2098-12-01T10%3A00%3A00.5'" in listing[1]
    assert all("token=s3cret" in path for path in listing)
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT cursor FROM source_cursors").fetchone()[0] == "2098-12-01T10:00:00.5Z"
    (item,) = agenda_json(tmp_path, "--upcoming")
    assert item["upcoming"] is True and item["body"] == "Commissioners Court"


def test_paging_past_a_thousand_rows(tmp_path: Path, http_server: ScriptedServer) -> None:
    start = dt.date(2090, 1, 1)
    rows = [
        {"EventId": n, "EventBodyName": "Court", "EventDate": f"{start + dt.timedelta(n)}T00:00:00"}
        for n in range(1, 1002)
    ]
    http_server.route(
        "/v1/big/events",
        Answer(body=json.dumps(rows[:1000]).encode()),
        Answer(body=json.dumps(rows[1000:]).encode()),
    )
    config(
        tmp_path,
        f"  - {{name: big, kind: legistar, url: '{http_server.base}/v1', client: big, "
        "max_meetings: 3, jurisdiction: {state: TX, county: Big}}\n",
    )
    http_server.route("/v1/big/events/1001/eventitems", Answer(body=b"[]"))
    http_server.route("/v1/big/events/1000/eventitems", Answer(body=b"[]"))
    http_server.route("/v1/big/events/999/eventitems", Answer(body=b"[]"))
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    pages = [r.path for r in http_server.requests if r.path.startswith("/v1/big/events?")]
    assert len(pages) == 2 and "$skip=1000" in pages[1]
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] == 3


def test_calendar_fallback_when_the_api_is_closed(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    real = shared_path("agenda_platforms", "legistar", "nyc_council_calendar_lxml.html")
    body = real.read_bytes().replace(b"https://nyc.legistar.com", http_server.base.encode())
    http_server.route("/v1/nyc/events", Answer(status=403, body=b"Agency not permitted"))
    http_server.route("/Calendar.aspx", Answer(body=body))
    http_server.route("/View.ashx", Answer(body=plain_pdf()))
    config(
        tmp_path,
        f"  - {{name: nyc, kind: legistar, url: '{http_server.base}/v1', client: nyc, "
        f"calendar_url: '{http_server.base}/Calendar.aspx', lookback_days: 3660, "
        "max_meetings: 2, jurisdiction: {state: NY, county: New York}}\n",
    )
    result = watcher(tmp_path, "run")
    assert result.exit_code == 0, result.output
    db = open_archive(tmp_path / "w.db")
    meetings = db.execute("SELECT source_id, body, starts_at FROM meetings ORDER BY id").fetchall()
    assert meetings == [
        (
            "670695",
            "Subcommittee on Landmarks, Public Siting and Maritime Uses",
            "2019-01-31T12:00:00",
        ),
        ("670687", "Subcommittee on Zoning and Franchises", "2019-01-31T09:30:00"),
    ]
    assert http_server.hits("/View.ashx") == 2
