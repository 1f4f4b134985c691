"""Double opt-in, confirmation tokens and unsubscribing, through Starlette's test client and
the real outbox (confirmation and alert emails written as .eml files)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from test_web_helpers import (
    BASE_URL,
    build_archive,
    deliver_all,
    emails,
    link_in,
    make_config,
    queue_alerts,
)
from watcher.alerts.subscriptions import get_subscriber
from watcher.config import Config
from watcher.store.archive import open_archive
from watcher.web import create_app


@dataclass
class Site:
    client: TestClient
    db_file: Path
    outbox: Path
    config: Config

    def csrf(self, path: str = "/subscribe") -> str:
        match = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(path).text)
        assert match, f"no CSRF field on {path}"
        return match.group(1)

    def subscribe(self, email: str, **fields: Any) -> Any:
        data = {"email": email, "csrf_token": self.csrf(), "cadence": "immediate", **fields}
        return self.client.post("/subscribe", data=data)

    def confirm_link(self) -> str:
        deliver_all(self.db_file, self.outbox)
        return link_in(emails(self.outbox)[-1], "/confirm/").removeprefix(BASE_URL)

    def confirm(self, path: str) -> Any:
        return self.client.post(path, data={"csrf_token": self.csrf()})

    def row(self, email: str) -> Any:
        return get_subscriber(open_archive(self.db_file), email)

    def count(self, table: str) -> int:
        return int(
            open_archive(self.db_file).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        )


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    db_file = build_archive(tmp_path / "w.db")
    config = make_config(tmp_path / "outbox")
    with TestClient(create_app(config, db_file)) as client:
        yield Site(client, db_file, tmp_path / "outbox", config)


def test_subscribe_confirm_and_receive_alerts(site: Site) -> None:
    form = site.client.get("/subscribe")
    assert form.headers["cache-control"] == "no-store"
    assert "watcher_csrf=" in form.headers["set-cookie"]
    assert "httponly" in form.headers["set-cookie"].lower()
    assert "samesite=strict" in form.headers["set-cookie"].lower()
    sent = site.subscribe("Reader@Example.org", states="tx, fl", types=["new", "withdrawal"])
    assert sent.status_code == 200 and "Check your email" in sent.text
    pending = site.row("reader@example.org")
    assert pending is not None and not pending.confirmed
    assert pending.states == ("TX", "FL")
    (message,) = emails_after_delivery(site)
    assert message["To"] == "Reader@example.org"
    assert message["Subject"] == "Confirm your 287(g) alert subscription"
    path = link_in(message, "/confirm/").removeprefix(BASE_URL)
    page = site.client.get(path)
    assert page.status_code == 200 and "Confirm subscription</button>" in page.text
    assert "Texas (TX), Florida (FL)" in page.text
    assert not site.row("reader@example.org").confirmed  # a GET (link scanners) changes nothing
    done = site.confirm(path)
    assert done.status_code == 200 and "Subscription active" in done.text
    assert site.row("reader@example.org").confirmed
    assert queue_alerts(site.config, site.db_file) == 3  # Galveston, Collier (FL), Lubbock


def emails_after_delivery(site: Site) -> list[Any]:
    deliver_all(site.db_file, site.outbox)
    return emails(site.outbox)


def test_replayed_confirmation_changes_nothing(site: Site) -> None:
    site.subscribe("a@example.org", states="TX")
    path = site.confirm_link()
    assert site.confirm(path).status_code == 200
    db = open_archive(site.db_file)
    db.execute("UPDATE subscribers SET unsubscribed_at = '2030-01-01T00:00:00+00:00'")
    again = site.confirm(path)
    assert again.status_code == 409 and "already" in again.text
    assert site.row("a@example.org").unsubscribed_at is not None  # not resubscribed
    assert site.client.get(path).status_code == 409


def test_forged_and_expired_tokens(site: Site) -> None:
    site.subscribe("b@example.org")
    path = site.confirm_link()
    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    for bad in (forged, "/confirm/not-a-token", "/confirm/" + "x" * 600):
        page = site.client.get(bad)
        assert page.status_code == 400 and "not valid" in page.text
        assert site.confirm(path.replace(path, bad)).status_code in (400, 403)
    site.client.app.state.web.tokens.max_age = -1  # type: ignore[attr-defined]
    expired = site.client.get(path)
    assert expired.status_code == 410 and "expired" in expired.text
    assert not site.row("b@example.org").confirmed


def test_same_page_for_known_and_unknown_addresses(site: Site) -> None:
    first = site.subscribe("c@example.org").text
    site.confirm(site.confirm_link())
    second = site.subscribe("c@example.org").text
    strip = re.compile(r'value="[^"]*"|watcher_csrf=[^;]*')
    assert strip.sub("", first) == strip.sub("", second)
    assert len(emails_after_delivery(site)) == 2  # one new confirmation for the second request


def test_resubscribing_a_confirmed_address_waits_for_confirmation(site: Site) -> None:
    site.subscribe("d@example.org", states="TX")
    site.confirm(site.confirm_link())
    site.subscribe("d@example.org", states="FL", cadence="weekly")
    row = site.row("d@example.org")
    assert row.confirmed and row.states == ("TX",) and row.cadence == "immediate"
    site.confirm(site.confirm_link())
    row = site.row("d@example.org")
    assert row.confirmed and row.states == ("FL",) and row.cadence == "weekly"


def test_unsubscribed_address_is_not_reactivated_without_confirmation(site: Site) -> None:
    site.subscribe("e@example.org")
    site.confirm(site.confirm_link())
    token = site.row("e@example.org").token
    site.client.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
    site.subscribe("e@example.org")
    assert site.row("e@example.org").unsubscribed_at is not None
    site.confirm(site.confirm_link())
    assert site.row("e@example.org").unsubscribed_at is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "does not look right"),
        ({"email": ""}, "enter your email"),
        ({"email": "f@example.org", "states": "TX, <script>x</script>"}, "Unknown state"),
        ({"email": "f@example.org", "cadence": "hourly"}, "Choose how often"),
        ({"email": "f@example.org", "types": ["bogus"], "states": "ZZ"}, "Unknown state: ZZ."),
    ],
)
def test_invalid_subscription_is_refused_and_nothing_stored(
    site: Site, fields: dict[str, Any], message: str
) -> None:
    data = {"csrf_token": site.csrf(), **fields}
    page = site.client.post("/subscribe", data=data)
    assert page.status_code == 400
    assert message in page.text and "<script>x" not in page.text
    assert 'aria-invalid="true"' in page.text
    assert site.count("subscribers") == 0 and site.count("web_confirmations") == 0
    assert site.count("outbox") == 0


def test_unsubscribe_from_an_alert_email(site: Site) -> None:
    site.subscribe("g@example.org")
    site.confirm(site.confirm_link())
    queue_alerts(site.config, site.db_file)
    alert = next(m for m in emails_after_delivery(site) if "Confirm" not in m["Subject"])
    header = alert["List-Unsubscribe"].strip("<>")
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = header.removeprefix(BASE_URL)
    page = site.client.get(path)
    assert page.status_code == 200 and page.text.count("<button") == 1
    done = site.client.post(path, data={"csrf_token": site.csrf(path)})
    assert done.status_code == 200 and "You are unsubscribed" in done.text
    assert site.row("g@example.org").unsubscribed_at is not None
    assert "already unsubscribed" in site.client.get(path).text


def test_rfc8058_one_click_post(site: Site) -> None:
    site.subscribe("h@example.org")
    site.confirm(site.confirm_link())
    token = site.row("h@example.org").token
    fresh = TestClient(site.client.app)  # a mail client: no cookie, no page visited
    for body in ("multipart", "urlencoded"):
        if body == "multipart":
            answer = fresh.post(
                f"/unsubscribe/{token}", files={"List-Unsubscribe": (None, "One-Click")}
            )
        else:
            answer = fresh.post(f"/unsubscribe/{token}", data={"List-Unsubscribe": "One-Click"})
        assert answer.status_code == 200
    assert site.row("h@example.org").unsubscribed_at is not None


def test_unsubscribe_needs_the_token_not_the_address(site: Site) -> None:
    site.subscribe("i@example.org")
    site.confirm(site.confirm_link())
    for key in ("i@example.org", "i%40example.org", "x" * 43):
        assert site.client.get(f"/unsubscribe/{key}").status_code == 404
        answer = site.client.post(f"/unsubscribe/{key}", data={"List-Unsubscribe": "One-Click"})
        assert answer.status_code == 404
    assert site.row("i@example.org").unsubscribed_at is None


def test_unsubscribe_post_without_csrf_or_one_click_is_refused(site: Site) -> None:
    site.subscribe("j@example.org")
    site.confirm(site.confirm_link())
    token = site.row("j@example.org").token
    answer = site.client.post(f"/unsubscribe/{token}", data={"anything": "else"})
    assert answer.status_code == 403 and "Please use the form" in answer.text
    assert site.row("j@example.org").unsubscribed_at is None
