"""The read-only pages: recent events with filters, an event, a state with its chart, feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from test_web_helpers import build_archive, make_config
from watcher.store.archive import open_archive
from watcher.web import create_app
from watcher.web.charts import monthly_active, svg_chart

CSP = (
    "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


@pytest.fixture
def client(tmp_path: Path, db_file: Path) -> Iterator[TestClient]:
    app = create_app(make_config(tmp_path / "outbox"), db_file)
    with TestClient(app) as test_client:
        yield test_client


def h1s(html: str) -> list[str]:
    return re.findall(r"<h1>(.*?)</h1>", html, re.S)


def test_home_lists_recent_events_newest_first(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert len(h1s(html)) == 1
    assert '<a class="skip" href="#main">' in html and '<main id="main"' in html
    assert html.index("Lubbock County") < html.index("Galveston County")  # withdrawal is newest
    assert "Galveston County Sheriff&#39;s Office" in html
    assert '<label for="state">State</label>' in html and '<label for="type">' in html
    assert "set-cookie" not in page.headers  # read-only pages set no cookie


def test_home_filters_by_state_and_type(client: TestClient) -> None:
    texas = client.get("/?state=tx").text
    assert "Galveston" in texas and "Collier" not in texas
    assert '<option value="TX" selected>' in texas
    withdrawals = client.get("/", params={"type": "withdrawal"}).text
    assert "Lubbock" in withdrawals and "Galveston" not in withdrawals
    nothing = client.get("/?state=WY").text
    assert "No changes recorded yet for this selection" in nothing


@pytest.mark.parametrize(
    "query",
    [
        "?state=%3Cscript%3Ealert(1)%3C/script%3E",
        "?type=%3Cscript%3Ealert(1)%3C/script%3E",
        "?state=TX&type=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    ],
)
def test_script_in_query_string_gets_polite_400(client: TestClient, query: str) -> None:
    page = client.get("/" + query)
    assert page.status_code == 400
    assert "<script>" not in page.text and "onerror" not in page.text
    assert h1s(page.text) in (["Unknown state"], ["Unknown event type"])
    assert page.headers["content-security-policy"] == CSP


def test_event_page_has_costs_and_documents(client: TestClient, db_file: Path) -> None:
    db = open_archive(db_file)
    event_id = db.execute("SELECT id FROM events WHERE agency LIKE 'Galveston%'").fetchone()[0]
    html = client.get(f"/events/{event_id}").text
    assert h1s(html) == ["New 287(g) agreement: Galveston County Sheriff&#39;s Office"]
    assert "$302,500" in html
    assert 'href="https://galveston.example/agenda/2025-04-01.html"' in html
    assert 'href="https://www.ice.gov/doclib/287gMOA/GalvestonCountySheriffsOffice_MOA.pdf"' in html
    assert "Program-level reference figures" in html or "Local cost figures" in html


def test_event_page_without_costs_links_the_letter(client: TestClient, db_file: Path) -> None:
    db = open_archive(db_file)
    event_id, agreement_id = db.execute(
        "SELECT id, agreement_id FROM events WHERE agency LIKE 'Collier%'"
    ).fetchone()
    html = client.get(f"/events/{event_id}").text
    assert "No local cost figure is on file yet." in html
    assert f'href="/agreements/{agreement_id}/records-request"' in html
    assert "watcher records-request" not in html  # no command lines for readers
    assert "(source: ice" not in html


@pytest.mark.parametrize("path", ["/events/999999", "/events/0", "/events/abc", "/nowhere"])
def test_missing_pages_are_polite_404s(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert len(h1s(page.text)) == 1 and "Go to the recent changes" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"


def test_state_page_draws_chart_and_table(client: TestClient) -> None:
    page = client.get("/states/tx")
    assert page.status_code == 200
    html = page.text
    assert h1s(html) == ["287(g) agreements in Texas (TX)"]
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(0) and '<title id="chart-title">' in svg.group(0)
    assert '<desc id="chart-desc">' in svg.group(0)
    ET.fromstring(svg.group(0))  # well-formed
    assert "<script" not in html and "style=" not in html  # nothing the CSP would block
    rows = dict(re.findall(r"<tr><th scope=\"row\">(\d{4}-\d\d)</th>(.*?)</tr>", html, re.S))
    cells = {m: re.findall(r">(\d+)</td>", r) for m, r in rows.items()}
    # Models sorted: Jail Enforcement, Task Force, Warrant Service Officer.
    assert cells["2025-01"] == ["1", "0", "1"]
    assert cells["2025-03"] == ["1", "1", "1"]
    assert cells["2025-05"] == ["1", "1", "0"]


def test_state_pages_for_unknown_states_are_404(client: TestClient) -> None:
    assert client.get("/states/ZZ").status_code == 404
    assert client.get("/states/%3Cb%3E").status_code == 404
    assert client.get("/states/ZZ/feed.atom").status_code == 404


def test_states_index_counts_active_agreements(client: TestClient) -> None:
    html = client.get("/states").text
    assert re.search(r'href="/states/TX">Texas \(TX\)</a></td><td class="num">2<', html)
    assert re.search(r'href="/states/AL">Alabama \(AL\)</a></td><td class="num">1<', html)


def test_feeds_are_atom(client: TestClient) -> None:
    everything = client.get("/feed.atom")
    assert everything.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(everything.content)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 3  # two new agreements, one withdrawal
    texas = ET.fromstring(client.get("/states/TX/feed.atom").content)
    assert len(texas.findall("{http://www.w3.org/2005/Atom}entry")) == 2


def test_static_css_is_served_with_headers(client: TestClient) -> None:
    page = client.get("/static/style.css")
    assert page.status_code == 200 and "--ink" in page.text
    assert page.headers["content-security-policy"] == CSP
    assert page.headers["referrer-policy"] == "no-referrer"


def test_empty_archive_pages_still_render(tmp_path: Path) -> None:
    app = create_app(None, tmp_path / "empty.db")
    with TestClient(app) as client:
        assert "No changes recorded yet" in client.get("/").text
        assert "No participating agreements are on file" in client.get("/states/TX").text
        assert "No agreements are on file yet" in client.get("/states").text
        assert client.get("/subscribe").status_code == 503


def test_chart_escapes_model_names() -> None:
    from watcher.web.charts import Series

    series = Series(["2025-01", "2025-02"], ["<b>Model</b>"], {"<b>Model</b>": [1, 2]})
    svg = str(svg_chart(series, title="A & B"))
    assert "<b>" not in svg and "&lt;b&gt;Model" in svg and "A &amp; B" in svg


def test_monthly_counts_end_with_withdrawal(db_file: Path) -> None:
    import datetime as dt

    series = monthly_active(open_archive(db_file), "TX", today=dt.date(2025, 6, 30))
    # ICE's latest list is of 12 May 2025: the months stop there, not at "today".
    assert series.months == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    assert series.counts["Warrant Service Officer"] == [1, 1, 1, 1, 0]


def test_a_single_month_is_drawn_as_points(db_file: Path) -> None:
    import datetime as dt

    db = open_archive(db_file)
    series = monthly_active(db, "FL", today=dt.date(2025, 3, 31))
    db.close()
    assert series.months == ["2025-03"]
    svg = str(svg_chart(series, title="Florida"))
    assert svg.count('<circle class="point"') == 1
    assert "<title>Task Force Model, 2025-03: 1</title>" in svg
