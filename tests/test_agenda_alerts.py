"""agenda_item alerts: a 287(g) item posted ahead of the meeting reaches matching subscribers at
once (real SMTP server), the same item republished in the packet and the minutes stays one
event (no second email), the minutes' vote updates it, digests group it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from agenda_sites import agenda_json, agenda_pdf, config, watcher
from http_server import Answer, ScriptedServer
from smtp_server import SmtpTestServer
from watcher.alerts.render import Renderer
from watcher.documents.meetings import agenda_events
from watcher.store.archive import open_archive

MINUTES = [
    "MINUTES OF THE REGULAR MEETING",
    "7.B Memorandum of Agreement with ICE, 287(g) Task Force Model.",
    "Motion by Commissioner Ruiz, second by Commissioner Webb. Approved 4-1.",
]


def alerts(smtp: SmtpTestServer) -> str:
    return (
        "alerts:\n  from: alerts@example.org\n  operator: ops@example.org\n"
        f"  smtp: {{host: 127.0.0.1, port: {smtp.port}, starttls: false}}\n"
    )


def events_json(server: ScriptedServer, day: dt.date, minutes: bool) -> bytes:
    event = {
        "EventId": 31,
        "EventBodyName": "Board of Commissioners",
        "EventDate": f"{day.isoformat()}T00:00:00",
        "EventTime": "6:00 PM",
        "EventAgendaFile": server.base + "/files/31_A.pdf",
        "EventMinutesFile": server.base + "/files/31_M.pdf" if minutes else None,
        "EventInSiteURL": server.base + "/MeetingDetail.aspx?LEGID=31",
    }
    return json.dumps([event]).encode()


def test_item_posted_ahead_is_one_alert_then_the_vote(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    day = dt.date.today() + dt.timedelta(days=6)
    http_server.route(
        "/v1/nash/events",
        Answer(body=events_json(http_server, day, minutes=False)),
        Answer(body=events_json(http_server, day, minutes=True)),
    )
    http_server.route("/v1/nash/events/31/eventitems", Answer(body=b"[]"))
    http_server.route("/files/31_A.pdf", Answer(body=agenda_pdf()))
    http_server.route("/files/31_M.pdf", Answer(body=agenda_pdf(lines=MINUTES)))
    config(
        tmp_path,
        f"  - {{name: nash, kind: legistar, url: '{http_server.base}/v1', client: nash, "
        "jurisdiction: {state: NC, county: Nash}}\n",
        alerts=alerts(smtp_server),
    )
    for args in (
        ("nc-agendas@example.org", "--state", "NC", "--type", "agenda_item"),
        ("tx@example.org", "--state", "TX"),
        ("lists-only@example.org", "--type", "new"),
        ("weekly@example.org", "--cadence", "weekly"),
    ):
        result = watcher(tmp_path, "subscribe", *args)
        assert result.exit_code == 0, result.output
    assert watcher(tmp_path, "run").exit_code == 0
    (message,) = smtp_server.messages
    assert smtp_server.handler.envelopes[0][1] == ["nc-agendas@example.org"]
    assert message["Subject"] == (
        f"287(g) on a county agenda: Nash County Board of Commissioners, NC - meeting of {day}"
    )
    text = message.get_payload()[0].get_payload(decode=True).decode().replace("\r\n", "\n")
    assert "Item 7.B: Consider a Memorandum of Agreement with U.S. Immigration" in text
    assert "The meeting is ahead: there is still time to be heard." in text
    assert f"Agenda: {http_server.base}/files/31_A.pdf (page 2)" in text
    assert "$45,000" in text
    # The minutes come out: the same item, now with the vote; no second email.
    assert watcher(tmp_path, "run").exit_code == 0
    assert len(smtp_server.messages) == 1
    (item,) = agenda_json(tmp_path, "--state", "NC", "--upcoming")
    assert item["vote"] == "approved 4-1"
    assert [d["kind"] for d in item["documents"]] == ["agenda", "minutes"]
    db = open_archive(tmp_path / "w.db")
    digest = db.execute("SELECT s.email, d.event_id FROM digest_items d JOIN subscribers s "
                        "ON s.id = d.subscriber_id").fetchall()  # fmt: skip
    assert digest == [("weekly@example.org", -1)]  # grouped into the weekly digest


def test_a_meeting_long_past_is_history_not_an_alert(
    tmp_path: Path, http_server: ScriptedServer, smtp_server: SmtpTestServer
) -> None:
    day = dt.date.today() - dt.timedelta(days=30)
    http_server.route("/v1/nash/events", Answer(body=events_json(http_server, day, False)))
    http_server.route("/v1/nash/events/31/eventitems", Answer(body=b"[]"))
    http_server.route("/files/31_A.pdf", Answer(body=agenda_pdf()))
    config(
        tmp_path,
        f"  - {{name: nash, kind: legistar, url: '{http_server.base}/v1', client: nash, "
        "jurisdiction: {state: NC, county: Nash}}\n",
        alerts=alerts(smtp_server),
    )
    assert watcher(tmp_path, "subscribe", "all@example.org").exit_code == 0
    assert watcher(tmp_path, "run").exit_code == 0
    assert smtp_server.messages == []
    (item,) = agenda_json(tmp_path)
    assert (item["alert"], item["upcoming"]) == (False, False)
    assert agenda_json(tmp_path, "--upcoming") == []


def test_agenda_command_text_and_bad_state(tmp_path: Path) -> None:
    config(tmp_path, "  - {name: x, kind: civicplus, url: 'https://x.example/', "
                     "jurisdiction: {state: NC, county: Nash}}\n")  # fmt: skip
    result = watcher(tmp_path, "agenda", "--upcoming")
    assert result.exit_code == 0
    assert result.output == "No 287(g) agenda items on file for upcoming meetings.\n"
    result = watcher(tmp_path, "agenda", "--state", "North Carolina")
    assert result.exit_code == 2
    assert "not a two-letter state code" in result.output
    assert agenda_events(open_archive(tmp_path / "w.db"), ids=[]) == []


def test_digest_groups_agenda_items_beside_list_events(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    day = dt.date.today() + dt.timedelta(days=3)
    http_server.route("/v1/nash/events", Answer(body=events_json(http_server, day, False)))
    http_server.route("/v1/nash/events/31/eventitems", Answer(body=b"[]"))
    http_server.route("/files/31_A.pdf", Answer(body=agenda_pdf()))
    config(
        tmp_path,
        f"  - {{name: nash, kind: legistar, url: '{http_server.base}/v1', client: nash, "
        "jurisdiction: {state: NC, county: Nash}}\n",
    )
    assert watcher(tmp_path, "run").exit_code == 0
    (item,) = agenda_events(open_archive(tmp_path / "w.db"))
    listed = {
        "id": 7,
        "type": "new",
        "state": "NC",
        "agency": "Nash County Sheriff's Office",
        "support_type": "Task Force Model",
        "observed_at": "2026-11-30T10:00:00+00:00",
    }
    subject, (text, html) = Renderer().digest_parts(
        [listed, item], cadence="weekly", unsubscribe_url="https://x.example/u/t"
    )
    assert subject == "287(g) weekly digest: 2 changes (NC)"
    assert "## New 287(g) agreement (1)" in text
    assert "## 287(g) on a county agenda (1)" in text
    agenda_part = text.split("## 287(g) on a county agenda (1)")[1]
    assert (
        "* Nash County Board of Commissioners (North Carolina) has an item about 287(g) on the "
        "agenda of its meeting of"
    ) in agenda_part
    assert "ICE's list showed this" not in agenda_part
    assert "/states/NC#agenda" in agenda_part  # no event page for an agenda item
    assert "287(g) on a county agenda" in html
