"""Local HTTP receivers for chat-channel tests: each path answers a scripted status (the last
one repeats) and records what was POSTed, with its headers."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Receivers:
    def __init__(self) -> None:
        self.answers: dict[str, list[tuple[int, dict[str, str]]]] = {}
        self.received: list[Received] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = min(int(self.headers.get("Content-Length") or 0), 1_000_000)
                path = self.path.split("?")[0]
                outer.received.append(
                    Received(path, dict(self.headers.items()), self.rfile.read(size))
                )
                script = outer.answers.get(path) or [(200, {})]
                status, headers = script.pop(0) if len(script) > 1 else script[0]
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def hostport(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"{host!s}:{port}"

    def script(self, path: str, *answers: int | tuple[int, dict[str, str]]) -> None:
        self.answers[path] = [a if isinstance(a, tuple) else (a, {}) for a in answers]

    def at(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]


@contextlib.contextmanager
def running_receivers() -> Iterator[Receivers]:
    server = Receivers()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening: a channel that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
