"""A real HTTP server on 127.0.0.1 for tests: scripted answers per path, recorded requests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (for timeouts)
    truncate_to: int | None = None  # send only this many bytes of a longer declared body
    trickle: float = 0.0  # send the whole response a byte at a time, this many seconds apart


def _trickle(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    """A server that never stops sending, slowly: no per-read timeout ever fires."""
    head = f"HTTP/1.1 {answer.status} OK\r\nContent-Length: {len(answer.body)}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in answer.headers.items())
    data = (head + "\r\n").encode() + answer.body
    handler.close_connection = True
    for index in range(len(data)):
        try:
            handler.wfile.write(data[index : index + 1])
            handler.wfile.flush()
        except OSError:  # the client gave up, as it should
            return
        time.sleep(answer.trickle)


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when the request arrived
    method: str = "GET"


class ScriptedServer:
    """Each path has a list of answers used in turn; the last one repeats."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.requests: list[Recorded] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(
                    Recorded(self.path, dict(self.headers.items()), method=self.command)
                )
                answers = server.routes.get(self.path.split("?")[0])
                if not answers:
                    self.send_error(404)
                    return
                answer = answers.pop(0) if len(answers) > 1 else answers[0]
                if answer.delay:
                    time.sleep(answer.delay)
                if answer.trickle:
                    _trickle(self, answer)
                    return
                etag = answer.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                body = answer.body
                if answer.truncate_to is not None:
                    body = body[: answer.truncate_to]
                with contextlib.suppress(OSError):  # the client may hang up on a cut body
                    self.wfile.write(body)

            def do_POST(self) -> None:
                # A form post (BoardDocs lists meetings that way) answers like a GET of its path.
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(min(length, 1_000_000))
                self.do_GET()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def route(self, path: str, *answers: Answer) -> str:
        self.routes[path] = list(answers)
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path.split("?")[0] == path)


@pytest.fixture
def http_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
