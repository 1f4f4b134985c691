"""The HTML emails in a real headless browser (Debian's chromium, JavaScript off): an event
alert, a digest and the confirmation email fit a 390 px phone screen without scrolling
sideways, and keep their single column at most 600 px wide on a desktop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from test_alerts_render import _real_event
from test_web_browser import BROWSER_ARGS, CHROMIUM, sync_api
from watcher.alerts.render import Renderer
from watcher.web.subscribing import describe

BASE = "https://alerts.example.org"
UNSUB = BASE + "/unsubscribe/" + "t" * 40


def emails() -> dict[str, str]:
    renderer = Renderer(base_url=BASE)
    long_name = "Sheriff's Office of " + "Averyveryverylongcountyname" * 3
    event = _real_event(
        agency=long_name,
        moa_url="https://www.ice.gov/doclib/287gMOA/" + "averyveryverylongfilename" * 4 + ".pdf",
    )
    _, event_html = renderer.event_parts(event, UNSUB)
    _, (_, digest_html) = renderer.digest_parts(
        [event, _real_event(state="FL", cost_figures=[])], cadence="daily", unsubscribe_url=UNSUB
    )
    request = {"states": '["TX", "FL"]', "counties": "[]", "types": '["new"]', "cadence": "daily"}
    _, confirm_html = renderer.confirmation_parts(describe(request), BASE + "/confirm/" + "x" * 90)
    return {"event": event_html, "digest": digest_html, "confirmation": confirm_html}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("name", ["event", "digest", "confirmation"])
def test_email_fits_a_phone_and_keeps_one_column_on_a_desktop(browser: Any, name: str) -> None:
    html = emails()[name]
    for width in (390, 1280):
        context = browser.new_context(
            java_script_enabled=False, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        page.set_content(html)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} is {scroll} px wide at {width} px"
        column = page.evaluate("document.querySelector('body div').getBoundingClientRect().width")
        assert column <= 600
        if width == 390:
            assert column > 350  # the column uses the phone's width, not a shrunken desktop
        links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.textContent)")
        assert links and not [text for text in links if "://" in text], links
        context.close()
