"""An agency's page, its records-request letter filled in a form (copy or download, nothing
stored), and the short links that plain-text alerts give for a program figure's source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from test_web_helpers import build_archive, make_config
from watcher.store.archive import open_archive
from watcher.web import create_app


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


@pytest.fixture
def client(tmp_path: Path, db_file: Path) -> Iterator[TestClient]:
    app = create_app(make_config(tmp_path / "outbox"), db_file)
    with TestClient(app) as test_client:
        yield test_client


def agreement_of(db_file: Path, like: str) -> int:
    db = open_archive(db_file)
    found = db.execute("SELECT id FROM agreements WHERE agency LIKE ?", [like]).fetchone()[0]
    db.close()
    return int(found)


def csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF field"
    return match.group(1)


def test_agency_page_has_history_costs_law_and_letter_link(
    client: TestClient, db_file: Path
) -> None:
    galveston = agreement_of(db_file, "Galveston%")
    html = client.get(f"/agreements/{galveston}").text
    assert re.findall(r"<h1>(.*?)</h1>", html) == ["Galveston County Sheriff&#39;s Office"]
    assert "Texas (TX)" in html
    assert "$302,500" in html  # the county's own figure
    assert "Texas law" in html and "not legal advice" in html
    assert f'href="/agreements/{galveston}/records-request"' in html
    assert "New 287(g) agreement</a>, March 10, 2025" in html
    lubbock = agreement_of(db_file, "Lubbock%")
    assert "No: withdrawn" in client.get(f"/agreements/{lubbock}").text
    assert client.get("/agreements/999999").status_code == 404


def test_letter_is_filled_from_the_form_and_downloads(client: TestClient, db_file: Path) -> None:
    collier = agreement_of(db_file, "Collier%")
    url = f"/agreements/{collier}/records-request"
    page = client.get(url)
    assert page.status_code == 200
    assert "[YOUR NAME]" in page.text and "Collier County Sheriff" in page.text
    assert "Florida (FL)" in page.text
    fields = {
        "csrf_token": csrf(page.text),
        "name": "Ana Pérez",
        "address": "12 Main St\nNaples, FL 34102",
        "email": "ana@example.org",
    }
    shown = client.post(url, data={**fields, "action": "show"})
    assert shown.status_code == 200
    letter = re.search(r'<textarea id="letter"[^>]*>(.*?)</textarea>', shown.text, re.S)
    assert letter is not None
    assert letter.group(1).startswith("Ana Pérez\n12 Main St\nNaples, FL 34102\nana@example.org")
    assert "[YOUR NAME]" not in letter.group(1) and "[YOUR ADDRESS]" not in letter.group(1)
    download = client.post(url, data={**fields, "action": "download"})
    assert download.headers["content-disposition"] == 'attachment; filename="records-request.txt"'
    assert download.headers["content-type"] == "text/plain; charset=utf-8"
    assert download.text.startswith("Ana Pérez\n12 Main St")
    assert "Florida" in download.text or "Fla." in download.text
    # Nothing the reader typed is kept.
    private = (db_file.parent / "w-private.db").read_bytes() + db_file.read_bytes()
    assert b"Ana P" not in private and b"Main St" not in private


def test_letter_form_refuses_a_post_without_the_form_token(
    client: TestClient, db_file: Path
) -> None:
    url = f"/agreements/{agreement_of(db_file, 'Collier%')}/records-request"
    client.get(url)
    assert client.post(url, data={"name": "x", "action": "download"}).status_code == 403


def test_letter_by_state_and_name_and_bad_state(client: TestClient) -> None:
    page = client.get("/records-request", params={"state": "tx", "agency": "Harris County"})
    assert page.status_code == 200 and "Harris County" in page.text
    assert "Texas Public Information Act" in page.text
    bad = client.get("/records-request", params={"state": "<b>", "agency": "x"})
    assert bad.status_code == 400 and "<b>" not in bad.text


def test_figure_short_link_redirects_to_its_source(client: TestClient) -> None:
    moved = client.get("/figures/us-ice-287g-overtime-cap", follow_redirects=False)
    assert moved.status_code == 303
    assert moved.headers["location"].startswith("https://www.einpresswire.com/")
    moved = client.get("/figures/tx-sb8-grant-pop-1m-plus", follow_redirects=False)
    assert moved.status_code == 303 and "breitbart.com" in moved.headers["location"]
    assert client.get("/figures/no-such-figure", follow_redirects=False).status_code == 404
