"""`watcher demo`: the whole pipeline, offline, on sample data shipped with the package.

A small HTTP server on 127.0.0.1 plays ICE's page (four publications in a row) and a county
agenda, so the real fetch path runs. The demo archive, a demo subscriber and the alert emails
(.eml files) go into a folder the user can open afterwards.
"""

from __future__ import annotations

import contextlib
import html
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

STEPS = 4
PAGE = "/identify-and-arrest/287g"
AGENDA = "/galveston/agendas/2026-02-16.html"


@dataclass
class DemoSite:
    """What the local server shows: the current step's workbooks and the county agenda."""

    step: int = 1
    files: dict[str, bytes] = field(default_factory=dict)

    def page(self) -> bytes:
        links = [
            ("Participating Agencies", f"/doclib/287g/participatingAgencies_{self.step}.xlsx"),
            ("Pending Agencies", f"/doclib/287g/pendingAgencies_{self.step}.xlsx"),
        ]
        items = "".join(
            f'<li><a href="{html.escape(href)}">{html.escape(text)} (xlsx)</a></li>'
            for text, href in links
        )
        return (
            "<!DOCTYPE html><html><head><title>287(g) demo page</title></head><body>"
            f"<h1>Delegation of Immigration Authority Section 287(g)</h1><ul>{items}</ul>"
            "</body></html>"
        ).encode()

    def answer(self, path: str) -> tuple[int, str, bytes]:
        if path == PAGE:
            return 200, "text/html; charset=utf-8", self.page()
        if path == AGENDA:
            return 200, "text/html; charset=utf-8", self.files["galveston_agenda.html"]
        name = path.rsplit("/", 1)[-1]
        for kind in ("participating", "pending"):
            if name == f"{kind}Agencies_{self.step}.xlsx":
                body = self.files[f"{kind}_{self.step}.xlsx"]
                return 200, "application/vnd.ms-excel", body
        return 404, "text/plain", b"not found"


def load_site() -> DemoSite:
    folder = resources.files("watcher") / "demo"
    files = {item.name: item.read_bytes() for item in folder.iterdir() if item.is_file()}
    return DemoSite(files=files)


@contextlib.contextmanager
def serve_site(site: DemoSite) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, kind, body = site.answer(self.path.split("?")[0])
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the demo prints its own story

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def demo_config(base_url: str, folder: Path) -> str:
    """sources.yaml for the demo: the local ICE page and county agenda, a short debounce."""
    return f"""# Written by `watcher demo`; the real configuration is the repository's sources.yaml.
contact: demo@example.org
fetch: {{retries: 0, timeout: 10}}
sources:
  - name: galveston-agenda
    kind: document
    url: {base_url}{AGENDA}
    jurisdiction: {{state: TX, county: Galveston}}
  - name: ice
    kind: ice_287g
    url: {base_url}{PAGE}
detection:
  # The demo's four lists are minutes apart: withdraw after two absences, no waiting days.
  withdrawal_after: 2
  mandate_withdrawal_after: 2
  withdrawal_min_days: 0
alerts:
  from: alerts@demo.example.org
  operator: ops@demo.example.org
  outbox_dir: {folder / "outbox"}
  base_url: http://127.0.0.1:8000
"""
