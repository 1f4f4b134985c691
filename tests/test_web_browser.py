"""End to end in a real headless browser with JavaScript switched off: subscribe, confirm from
the emailed link, see the subscription active, unsubscribe from an alert email's link.

Uses Debian's chromium (/usr/bin/chromium) driven by Playwright; never downloads a browser.
Screenshots of the home, event and state pages go to the pytest tmp dir and tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web_helpers import (
    build_archive,
    deliver_all,
    emails,
    link_in,
    make_config,
    queue_alerts,
)
from watcher.alerts.subscriptions import get_subscriber
from watcher.store.archive import open_archive
from watcher.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install playwright"
)
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """The app under uvicorn on 127.0.0.1, in a thread, as `watcher web` serves it."""

    def __init__(self, tmp_path: Path) -> None:
        import uvicorn

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db_file = build_archive(tmp_path / "w.db")
        self.outbox = tmp_path / "outbox"
        self.config = make_config(self.outbox, base_url=self.base)
        app = create_app(self.config, self.db_file)
        settings = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", ws="none", lifespan="off"
        )
        self.server = uvicorn.Server(settings)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 10 s")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def latest_link(self, path: str, subject_has: str) -> str:
        deliver_all(self.db_file, self.outbox, base_url=self.base)
        found = [m for m in emails(self.outbox) if subject_has in str(m["Subject"])]
        assert found, f"no email with {subject_has!r} in its subject"
        return link_in(found[-1], path, base_url=self.base)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with Server(tmp_path) as running:
        yield running


@pytest.fixture
def page(server: Server) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": 1100, "height": 900}
        )
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        problems: list[str] = []
        tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        yield tab
        browser.close()
        # A blocked style or image would show here as a CSP violation.
        assert not problems, problems


def shoot(page: Any, name: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / path.name)
    return path


def test_pages_and_screenshots(
    server: Server, page: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = tmp_path_factory.mktemp("screenshots")
    page.goto(server.base + "/")
    assert page.title().startswith("Recent 287(g) agreement changes")
    assert shoot(page, "home", shots).stat().st_size > 10_000
    page.keyboard.press("Tab")  # the first stop is the skip link
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.get_by_label("State").select_option("TX")
    page.get_by_role("button", name="Show changes").click()
    assert "state=TX" in page.url
    page.get_by_role("link", name="Galveston County Sheriff's Office").first.click()
    assert re.search(r"/events/\d+$", page.url)
    assert page.get_by_role("heading", level=1).inner_text().startswith("New 287(g) agreement")
    assert page.get_by_text("$302,500").count() >= 1
    shoot(page, "event", shots)
    page.goto(server.base + "/states/TX")
    assert page.get_by_role("img", name=re.compile("Active 287\\(g\\) agreements in Texas")).count()
    shoot(page, "state", shots)
    assert (ARTIFACTS / "home.png").exists() and (ARTIFACTS / "event.png").exists()


def test_subscribe_confirm_unsubscribe(
    server: Server, page: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = tmp_path_factory.mktemp("screenshots")
    page.goto(server.base + "/subscribe")
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_label("States").fill("TX")
    page.get_by_label("New 287(g) agreement").check()
    page.get_by_label("287(g) agreement withdrawn").check()
    page.get_by_label("Each change as it is found").check()
    shoot(page, "subscribe", shots)
    page.get_by_role("button", name="Subscribe").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"

    page.goto(server.latest_link("/confirm/", "Confirm"))
    page.get_by_role("button", name="Confirm subscription").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Subscription active"
    assert page.get_by_role("status").inner_text().startswith("Your subscription is active")
    shoot(page, "confirmed", shots)
    db = open_archive(server.db_file)
    subscriber = get_subscriber(db, "reader@example.org")
    assert subscriber is not None and subscriber.confirmed

    assert queue_alerts(server.config, server.db_file) == 2
    page.goto(server.latest_link("/unsubscribe/", "withdrawn"))
    assert page.locator("button").count() == 1
    page.get_by_role("button", name="Unsubscribe").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You are unsubscribed"
    subscriber = get_subscriber(db, "reader@example.org")
    assert subscriber is not None and subscriber.unsubscribed_at is not None


def page_paths(server: Server) -> list[str]:
    from watcher.alerts.subscriptions import subscribe

    db = open_archive(server.db_file)
    event_id, agreement_id = db.execute(
        "SELECT id, agreement_id FROM events WHERE agency LIKE 'Galveston%'"
    ).fetchone()
    token = subscribe(db, "reader.with.a.rather.long.address@example.org").token
    # A name with no place to break, as ICE's lists sometimes have, in every list and page.
    db.execute(
        "UPDATE events SET agency = 'LubbockCountySheriffsOfficeRegionalEnforcementAuthority' "
        "WHERE agency LIKE 'Lubbock%'"
    )
    db.close()
    paths = [
        "/", "/?state=TX", "/states", "/states/TX", "/states/AL", f"/events/{event_id}",
        f"/agreements/{agreement_id}", f"/agreements/{agreement_id}/records-request",
        "/records-request?state=FL&agency=Collier+County+Sheriff%27s+Office", "/subscribe",
        f"/unsubscribe/{token}", "/nowhere",
    ]  # fmt: skip
    return paths + ["/es" + path for path in paths]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_fits_the_screen(server: Server, width: int, tmp_path: Path) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": width, "height": 800}
        )
        tab = context.new_page()
        too_wide = {}
        for path in page_paths(server):
            tab.goto(server.base + path)
            scroll = tab.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide[path] = scroll
        # The subscription form with an error on every field it can have.
        tab.goto(server.base + "/subscribe")
        tab.get_by_label("Email address").fill("not an address " + "x" * 80)
        tab.get_by_label("States").fill("TX, ZZ, QQ")
        tab.get_by_role("button", name="Subscribe").click()
        assert tab.get_by_role("alert").inner_text().count("\n") >= 2  # both problems listed
        if tab.evaluate("document.documentElement.scrollWidth") > width:
            too_wide["/subscribe (errors)"] = tab.evaluate("document.documentElement.scrollWidth")
        if width == 390:
            shoot(tab, "subscribe-errors-390", tmp_path)
        browser.close()
    assert too_wide == {}
