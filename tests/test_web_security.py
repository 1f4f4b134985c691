"""CSRF, the rate limit, bad bodies, security headers, the signing key and the CLI command."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from test_web_helpers import build_archive, make_config
from watcher.store.archive import open_archive
from watcher.web import create_app
from watcher.web.security import CSRF_COOKIE, RateLimiter, load_secret

FILE_UPLOAD = (
    b'--zz\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--zz--\r\n'
)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return build_archive(tmp_path / "w.db")


@pytest.fixture
def client(tmp_path: Path, db_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as test_client:
        yield test_client


def csrf(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/subscribe").text)
    assert match
    return match.group(1)


def stored(db_file: Path) -> tuple[int, int, int]:
    db = open_archive(db_file)
    return tuple(  # type: ignore[return-value]
        db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("subscribers", "web_confirmations", "outbox")
    )


def post(client: TestClient, **kwargs: Any) -> Any:
    return client.post("/subscribe", **kwargs)


def test_post_without_csrf_is_403_and_stores_nothing(client: TestClient, db_file: Path) -> None:
    client.get("/subscribe")  # has the cookie, but sends no token
    answer = post(client, data={"email": "a@example.org"})
    assert answer.status_code == 403 and "Please use the form" in answer.text
    assert stored(db_file) == (0, 0, 0)


def test_csrf_token_must_match_the_cookie(client: TestClient, db_file: Path) -> None:
    token = csrf(client)
    other = TestClient(client.app)
    other.get("/subscribe")  # another visitor's cookie
    assert post(other, data={"email": "a@example.org", "csrf_token": token}).status_code == 403
    client.cookies.delete(CSRF_COOKIE)
    assert post(client, data={"email": "a@example.org", "csrf_token": token}).status_code == 403
    forged = token[:-4] + "AAAA"
    assert post(other, data={"email": "a@example.org", "csrf_token": forged}).status_code == 403
    assert stored(db_file) == (0, 0, 0)


def test_confirm_post_needs_csrf(client: TestClient) -> None:
    assert client.post("/confirm/abc", data={"x": "1"}).status_code == 403


def test_rate_limit_per_client(client: TestClient, db_file: Path) -> None:
    token = csrf(client)
    codes = [
        post(client, data={"email": f"r{n}@example.org", "csrf_token": token}).status_code
        for n in range(6)
    ]
    assert codes == [200] * 5 + [429]
    answer = post(client, data={"email": "late@example.org", "csrf_token": token})
    assert answer.status_code == 429 and int(answer.headers["retry-after"]) > 0
    assert "Too many attempts" in answer.text
    assert stored(db_file)[0] == 5


def test_rate_limiter_window() -> None:
    now = [1000.0]
    limiter = RateLimiter(2, 60.0, clock=lambda: now[0], max_keys=2)
    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    assert limiter.hit("a") == pytest.approx(60.0)
    now[0] += 61
    assert limiter.hit("a") == 0
    limiter.hit("b")
    limiter.hit("c")  # over max_keys: stale keys are dropped, memory stays bounded
    assert len(limiter._hits) <= 2


def test_huge_body_is_413(client: TestClient, db_file: Path) -> None:
    token = csrf(client)
    answer = post(client, data={"email": "a@example.org", "csrf_token": token, "x": "y" * 40_000})
    assert answer.status_code == 413 and "Request too large" in answer.text
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    assert stored(db_file) == (0, 0, 0)


def test_huge_streamed_body_is_413(client: TestClient, db_file: Path) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"email=a%40example.org&" + b"x" * 1000

    answer = post(
        client, content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert answer.status_code == 413
    assert stored(db_file) == (0, 0, 0)


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b'{"email": "a@example.org"}', "application/json", 415),
        (b"\xff\xfe\x00garbage", "multipart/form-data; boundary=zz", 400),
        (FILE_UPLOAD, "multipart/form-data; boundary=zz", 400),
        (b"email=%FF%FE&csrf_token=%%%", "application/x-www-form-urlencoded", 403),
    ],
)  # fmt: skip
def test_malformed_bodies_get_polite_pages(
    client: TestClient, db_file: Path, content: bytes, content_type: str, status: int
) -> None:
    answer = post(client, content=content, headers={"Content-Type": content_type})
    assert answer.status_code == status
    assert answer.headers["content-type"].startswith("text/html")
    assert len(re.findall("<h1>", answer.text)) == 1
    assert stored(db_file) == (0, 0, 0)


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/subscribe", "/states/TX", "/feed.atom", "/missing"):
        headers = client.get(path).headers
        assert "script-src" not in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert "server" not in headers or "uvicorn" not in headers["server"]


def test_wrong_method_is_polite_405(client: TestClient) -> None:
    answer = client.delete("/subscribe")
    assert answer.status_code == 405 and "<h1>Method not allowed</h1>" in answer.text


def test_secret_key_file_is_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHER_SECRET_KEY", raising=False)
    first = load_secret(tmp_path / "w.db")
    key_file = tmp_path / "w.db.web-secret"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_secret(tmp_path / "w.db") == first and len(first) > 40
    monkeypatch.setenv("WATCHER_SECRET_KEY", "from-the-environment")
    assert load_secret(tmp_path / "w.db") == "from-the-environment"


def test_tokens_from_another_key_are_refused(tmp_path: Path, db_file: Path) -> None:
    from watcher.web.subscribing import Tokens

    forged = Tokens("another-key").make("a@example.org", "nonce")
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_file)) as client:
        assert client.get(f"/confirm/{forged}").status_code == 400


def test_cli_web_command(tmp_path: Path, db_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from watcher.cli import cli
    from watcher.cli import web as cli_web

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    group = click.Group(commands=dict(cli.commands))
    group.params = cli.params
    group.callback = cli.callback
    cli_web.register(group)
    config = tmp_path / "sources.yaml"
    config.write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/287g'}\n"
    )
    args = ["--config", str(config), "--db", str(db_file), "web", "--port", "8123"]
    result = CliRunner().invoke(group, args)
    assert result.exit_code == 0, result.output
    assert calls[0]["port"] == 8123 and calls[0]["host"] == "127.0.0.1"
    assert calls[0]["proxy_headers"] is True
    missing = CliRunner().invoke(group, ["--config", str(config), "--db", "/nope/w.db", "web"])
    assert missing.exit_code == 2 and "does not exist" in missing.output
