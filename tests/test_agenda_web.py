"""The state page lists upcoming 287(g) agenda items; the archive is built through the same
functions a pass uses (meetings recorded, documents scanned)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from agenda_sites import agenda_pdf
from test_web_helpers import make_config
from watcher.agendas import Meeting, MeetingDocument
from watcher.config import Jurisdiction
from watcher.documents.meetings import documents_due, record_meeting, scan_document
from watcher.store.archive import ensure_source, open_archive
from watcher.web import create_app

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def add_meeting(db_file: Path, source_id: str, day: dt.date, url: str) -> None:
    db = open_archive(db_file)
    ensure_source(db, "nash", "legistar", "https://webapi.legistar.com/v1")
    meeting = Meeting(
        platform="legistar", source_id=source_id, body="Board of Commissioners",
        starts_at=day.isoformat(), title="Regular", status="upcoming", url=None,
        documents=(MeetingDocument("agenda", "Agenda", url),),
    )  # fmt: skip
    place = Jurisdiction(state="NC", county="Nash")
    meeting_id = record_meeting(db, source="nash", meeting=meeting, jurisdiction=place, now=NOW)
    (due,) = documents_due(db, meeting_id)
    scan_document(
        db, source="nash", due=due, content=agenda_pdf(), content_type="application/pdf",
        fetched_at=NOW, jurisdiction=place, now=NOW,
    )  # fmt: skip
    db.close()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    db_file = tmp_path / "w.db"
    open_archive(db_file).close()
    today = NOW.date()
    add_meeting(db_file, "1", today + dt.timedelta(days=5), "https://nash.example/a1.pdf")
    add_meeting(db_file, "2", today - dt.timedelta(days=40), "javascript:alert(1)")
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as test_client:
        yield test_client


def test_state_page_lists_upcoming_agenda_items(client: TestClient) -> None:
    page = client.get("/states/NC").text
    agenda = page.split('<h2 id="agenda">Upcoming agenda items</h2>')[1].split("<h2")[0]
    day = (NOW.date() + dt.timedelta(days=5)).isoformat()
    assert f'{day}: <a href="https://nash.example/a1.pdf">7.B: Consider a Memorandum' in agenda
    assert "(Nash County Board of Commissioners)" in agenda
    assert "javascript:" not in page  # the past meeting is not listed, and never as a link
    assert agenda.count("<li>") == 1


def test_state_without_items_says_so(client: TestClient) -> None:
    page = client.get("/states/TX").text
    assert "No upcoming county board agenda items about 287(g) are on file for" in page
