"""Benchmark: one pass over 1,000 agenda sources served by a local HTTP server.

Run: python bench/bench_agendas.py [--sources 1000] [--pages 20]

Each source is a county on a different agenda platform (Legistar, CivicPlus, CivicClerk and
PrimeGov in turn), answering as the platform does at its real paths, with one new meeting whose
agenda is a PDF of ``--pages`` pages; every tenth agenda holds a 287(g) item. The server runs in
its own process (so it does not share the GIL with watcher); watcher makes one request at a time.
Prints the wall time of the pass, requests per second, the items found and the peak memory
(RSS) of the watcher process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.pdf_factory import filler_lines, make_pdf  # noqa: E402

from watcher.config import load_config  # noqa: E402
from watcher.fetch import build_client  # noqa: E402
from watcher.runtime.pipeline import run_sources  # noqa: E402
from watcher.store.archive import open_archive  # noqa: E402

PLATFORMS = ("legistar", "civicplus", "civicclerk", "primegov")
ITEM = [
    "REGULAR MEETING AGENDA",
    "7.B Consider a Memorandum of Agreement with U.S. Immigration and Customs",
    "Enforcement under the 287(g) Task Force Model; reimbursement of $45,000 a year.",
]


def agenda(county: int, pages: int) -> bytes:
    content = [[f"County {county}", *filler_lines(n)] for n in range(1, pages + 1)]
    if county % 10 == 0:
        content[1] = ITEM
    return make_pdf(content, title=f"Agenda of county {county}")


def listing(county: int, base: str, day: str) -> tuple[str, bytes]:
    """(path, body) of the listing of county ``county`` on its platform."""
    platform = PLATFORMS[county % len(PLATFORMS)]
    prefix = f"/c{county}"
    if platform == "legistar":
        event = {"EventId": county, "EventBodyName": "Board of Commissioners",
                 "EventDate": f"{day}T00:00:00", "EventTime": "6:00 PM",
                 "EventAgendaFile": f"{base}{prefix}/files/agenda.pdf",
                 "EventLastModifiedUtc": f"{day}T01:00:00"}  # fmt: skip
        return f"{prefix}/v1/c{county}/events", json.dumps([event]).encode()
    if platform == "civicplus":
        key = f"{day[5:7]}{day[8:10]}{day[:4]}-{county}"
        page = (
            '<html><body><div id="AgendaCenterContent"><div class="listing" id="cat1">'
            '<h2>Board of Commissioners</h2><table><tbody><tr class="catAgendaRow"><td><p>'
            f'<a href="/AgendaCenter/ViewFile/Agenda/_{key}">Regular Meeting</a>'
            "</p></td></tr></tbody></table></div></div></body></html>"
        )
        return f"{prefix}/AgendaCenter/Search/", page.encode()
    if platform == "civicclerk":
        event = {"id": county, "eventName": "Regular Meeting", "categoryName": "Board",
                 "startDateTime": f"{day}T18:00:00Z",
                 "publishedFiles": [{"fileId": county, "type": "Agenda", "name": "Agenda",
                                     "publishOn": f"{day}T01:00:00Z"}]}  # fmt: skip
        return f"{prefix}/v1/Events", json.dumps({"value": [event]}).encode()
    meeting = {"id": county, "title": "Board of Commissioners", "dateTime": f"{day}T18:00:00",
               "documentList": [{"templateId": county, "templateName": "Agenda",
                                 "compileOutputType": 1}]}  # fmt: skip
    return f"{prefix}/api/v2/PublicPortal/ListUpcomingMeetings", json.dumps([meeting]).encode()


def document_path(county: int, day: str) -> str:
    """The request path (with query where the platform keys on it) of the county's agenda."""
    platform = PLATFORMS[county % len(PLATFORMS)]
    prefix = f"/c{county}"
    if platform == "civicclerk":
        return f"{prefix}/v1/Meetings/GetMeetingFileStream(fileId={county},plainText=false)"
    if platform == "primegov":
        return f"/Public/CompiledDocument?meetingTemplateId={county}&compileOutputType=1"
    if platform == "civicplus":
        return f"/AgendaCenter/ViewFile/Agenda/_{day[5:7]}{day[8:10]}{day[:4]}-{county}"
    return f"{prefix}/files/agenda.pdf"


def serve(port_out: Any, ready: Any, stop: Any, count_out: Any, sources: int, pages: int) -> None:
    routes: dict[str, bytes] = {}
    hits = [0]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[0] += 1
            path = self.path.split("?")[0]
            body = routes.get(self.path) or routes.get(path)
            if body is None and path.endswith("/eventitems"):
                body = b"[]"
            if body is None and path.endswith("/ListArchivedMeetings"):
                body = b"[]"
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    day = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    for county in range(sources):
        path, body = listing(county, base, day)
        routes[path] = body
        pdf = agenda(county, pages)
        routes[document_path(county, day)] = pdf
    port_out.value = httpd.server_address[1]
    ready.set()
    import threading

    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    stop.wait()
    count_out.value = hits[0]
    httpd.shutdown()


def config_text(port: int, sources: int) -> str:
    base = f"http://127.0.0.1:{port}"
    lines = ["contact: bench@example.org", "fetch: {retries: 0, timeout: 30}", "sources:"]
    for county in range(sources):
        platform = PLATFORMS[county % len(PLATFORMS)]
        prefix = f"{base}/c{county}"
        where = f"jurisdiction: {{state: TX, county: County {county}}}, min_interval: 0"
        if platform == "legistar":
            lines.append(f"  - {{name: c{county}, kind: legistar, url: '{prefix}/v1', "
                         f"client: c{county}, {where}}}")  # fmt: skip
        elif platform == "civicclerk":
            lines.append(f"  - {{name: c{county}, kind: civicclerk, url: '{prefix}/v1/', {where}}}")
        else:
            lines.append(f"  - {{name: c{county}, kind: {platform}, url: '{prefix}/', {where}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    port, ready, stop, count = mp.Value("i", 0), mp.Event(), mp.Event(), mp.Value("i", 0)
    server = mp.Process(target=serve, args=(port, ready, stop, count, args.sources, args.pages))
    server.start()
    ready.wait()
    with tempfile.TemporaryDirectory() as folder:
        config_file = Path(folder) / "sources.yaml"
        config_file.write_text(config_text(port.value, args.sources))
        config = load_config(config_file)
        db = open_archive(Path(folder) / "w.db")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        with build_client(config.contact, timeout=30) as client:
            report = run_sources(config, db, client)
        wall = time.perf_counter() - started
        stop.set()
        server.join()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        items = db.execute("SELECT count(*) FROM agenda_items").fetchone()[0]
        meetings = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        failed = [o.name for o in report.outcomes if not o.ok]
    print(f"{args.sources} sources ({', '.join(PLATFORMS)}), {args.pages}-page agendas")
    print(f"wall {wall:.1f} s, {count.value} requests, {count.value / wall:.1f} requests/s")
    print(f"{meetings} meetings, {items} 287(g) items, {len(failed)} failed sources")
    print(f"peak RSS {peak:.0f} MB ({before:.0f} MB before the pass)")


if __name__ == "__main__":
    main()
