"""The web page's reading aids: recent changes in pages, the state page's law and upcoming
agenda items, every form error on its own field at once, the unsubscribe page naming the
(partly masked) address."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from test_web_helpers import build_archive, make_config
from watcher.alerts.subscriptions import subscribe
from watcher.store.archive import ensure_source, open_archive
from watcher.web import create_app, pages
from watcher.web.forms import masked


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


@pytest.fixture
def client(tmp_path: Path, db_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as test_client:
        yield test_client


def agencies(html: str) -> list[str]:
    return re.findall(r'<a href="/events/\d+">([^<]+)</a>', html)


def test_recent_changes_come_in_pages(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "RECENT", 2)
    first = client.get("/").text
    assert len(agencies(first)) == 2 and 'rel="next"' in first and 'rel="prev"' not in first
    assert 'href="/?page=2"' in first
    second = client.get("/?page=2").text
    assert len(agencies(second)) == 1 and 'rel="prev"' in second and 'rel="next"' not in second
    assert set(agencies(first)).isdisjoint(agencies(second))
    texas = client.get("/?state=TX").text
    assert len(agencies(texas)) == 2 and 'rel="next"' not in texas
    assert "page=0" not in client.get("/?page=0").text  # a bad page number is page 1
    assert client.get("/?page=abc").status_code == 200


def test_state_page_has_its_law_and_agenda_items(client: TestClient, db_file: Path) -> None:
    html = client.get("/states/TX").text
    assert "<h2>Texas law</h2>" in html and "SB 8" in html and "not legal advice" in html
    assert "No upcoming county board agenda items about 287(g) are on file" in html
    # The page lists the upcoming agenda items (agenda sources fill these tables), soonest first.
    db = open_archive(db_file)
    ensure_source(db, "agendas", "legistar", "https://webapi.legistar.com/v1")
    soon = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    items = [
        ("TX", later, "Renew the 287(g) task force agreement", "https://galveston.example/a"),
        ("TX", soon, "Budget for 287(g) overtime", "javascript:alert(1)"),
        ("TX", "2020-01-01", "Old item", "https://x.example/old"),
        ("FL", soon, "Florida item", "https://x.example/fl"),
    ]
    for n, (state, day, title, url) in enumerate(items):
        meeting = db.execute(
            "INSERT INTO meetings (source, platform, source_id, body, starts_at, title, status, "
            "state, county, first_seen_at, updated_at) VALUES ('agendas', 'legistar', ?, "
            "'Commissioners Court', ?, 'Regular', 'upcoming', ?, 'Galveston', ?, ?)",
            [str(n), day, state, day, day],
        ).lastrowid
        db.execute(
            "INSERT INTO agenda_items (meeting_id, item_key, title, url, excerpt, first_seen_at, "
            "updated_at) VALUES (?, '', ?, ?, ?, ?, ?)",
            [meeting, title, url, title, day, day],
        )
    db.close()
    html = client.get("/states/TX").text
    agenda = html[html.index('id="agenda"') : html.index("Recent changes in")]
    assert agenda.index("Budget for 287(g) overtime") < agenda.index("Renew the 287(g)")
    assert 'href="https://galveston.example/a"' in agenda and "javascript:" not in agenda
    assert "Old item" not in agenda and "Florida item" not in agenda


def test_every_form_error_is_announced_on_its_field(client: TestClient) -> None:
    form = client.get("/subscribe").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert token
    page = client.post(
        "/subscribe",
        data={"csrf_token": token.group(1), "email": "f@example.org", "states": "TX, ZZ"},
    )
    assert page.status_code == 400
    html = page.text
    # The states field is the one marked, not the email field.
    assert re.search(r'<input id="states"[^>]*aria-describedby="states-hint error-states"', html)
    assert re.search(r'<input id="states"[^>]*aria-invalid="true"', html)
    assert not re.search(r'<input id="email"[^>]*aria-invalid', html)
    assert '<p class="field-error" id="error-states">' in html and "Unknown state: ZZ." in html
    both = client.post(
        "/subscribe",
        data={"csrf_token": token.group(1), "email": "", "states": "QQ", "cadence": "hourly"},
    ).text
    summary = both[both.index('role="alert"') : both.index("</div>", both.index('role="alert"'))]
    assert "There are 3 problems" in summary
    for target in ('href="#email"', 'href="#states"', 'href="#cadence-immediate"'):
        assert target in summary
    assert re.search(r'<input id="email"[^>]*aria-invalid="true"', both)


def test_unsubscribe_page_names_the_masked_address(client: TestClient, db_file: Path) -> None:
    db = open_archive(db_file)
    token = subscribe(db, "reader@example.org").token
    db.close()
    html = client.get(f"/unsubscribe/{token}").text
    assert "stop sending alerts to r***@example.org" in html
    assert "reader@example.org" not in html
    assert masked("slack://{env:WATCHER_SLACK}/#coalition") == "slack://…"
