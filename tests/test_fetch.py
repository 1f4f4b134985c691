"""The fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import httpx
import pytest

from http_server import Answer, ScriptedServer
from watcher.errors import FetchError, ResponseTooLarge, TransientFetchError
from watcher.fetch import FetchPolicy, Validators, build_client, fetch, user_agent

NO_SLEEP = FetchPolicy(retries=2, backoff=0.0, max_bytes=10_000)


def test_sends_honest_user_agent_and_hashes_content(http_server: ScriptedServer) -> None:
    url = http_server.route("/doc", Answer(body=b"hello", headers={"ETag": '"v1"'}))
    with build_client("ops@example.org") as client:
        got = fetch(client, url, policy=NO_SLEEP)
    assert got.content == b"hello"
    assert got.etag == '"v1"'
    assert got.sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    agent = http_server.requests[0].headers["User-Agent"]
    assert agent == user_agent("ops@example.org")
    assert "ops@example.org" in agent


def test_conditional_request_gets_304(http_server: ScriptedServer) -> None:
    url = http_server.route("/doc", Answer(body=b"hello", headers={"ETag": '"v1"'}))
    with build_client("ops@example.org") as client:
        got = fetch(client, url, validators=Validators(etag='"v1"'), policy=NO_SLEEP)
    assert got.not_modified and got.content == b""
    assert http_server.requests[0].headers["If-None-Match"] == '"v1"'


def test_500_then_success_is_retried(http_server: ScriptedServer) -> None:
    url = http_server.route("/doc", Answer(status=500), Answer(status=503), Answer(body=b"ok"))
    delays: list[float] = []
    policy = FetchPolicy(retries=3, backoff=1.5, max_bytes=10_000)
    with build_client("ops@example.org") as client:
        got = fetch(client, url, policy=policy, sleep=delays.append)
    assert got.content == b"ok"
    assert delays == [1.5, 3.0]  # exponential backoff
    assert http_server.hits("/doc") == 3


def test_persistent_500_fails_after_retries(http_server: ScriptedServer) -> None:
    url = http_server.route("/doc", Answer(status=500))
    with build_client("ops@example.org") as client, pytest.raises(TransientFetchError, match="500"):
        fetch(client, url, policy=NO_SLEEP, sleep=lambda _: None)
    assert http_server.hits("/doc") == 3


def test_404_is_not_retried(http_server: ScriptedServer) -> None:
    url = http_server.base + "/missing"
    with build_client("ops@example.org") as client, pytest.raises(FetchError, match="404"):
        fetch(client, url, policy=NO_SLEEP, sleep=lambda _: None)
    assert http_server.hits("/missing") == 1


def test_timeout_is_transient(http_server: ScriptedServer) -> None:
    url = http_server.route("/slow", Answer(body=b"late", delay=1.0))
    with (
        build_client("ops@example.org", timeout=0.2) as client,
        pytest.raises(TransientFetchError, match="timed out"),
    ):
        fetch(client, url, policy=FetchPolicy(retries=0), sleep=lambda _: None)


def test_truncated_body_is_an_error(http_server: ScriptedServer) -> None:
    url = http_server.route("/cut", Answer(body=b"x" * 5000, truncate_to=100))
    with build_client("ops@example.org") as client, pytest.raises(TransientFetchError):
        fetch(client, url, policy=FetchPolicy(retries=1, backoff=0), sleep=lambda _: None)


def test_body_over_cap_is_refused(http_server: ScriptedServer) -> None:
    url = http_server.route("/big", Answer(body=b"x" * 20_000))
    with build_client("ops@example.org") as client, pytest.raises(ResponseTooLarge, match="cap"):
        fetch(client, url, policy=NO_SLEEP)


def test_429_honours_retry_after(http_server: ScriptedServer) -> None:
    url = http_server.route(
        "/busy", Answer(status=429, headers={"Retry-After": "7"}), Answer(body=b"ok")
    )
    delays: list[float] = []
    with build_client("ops@example.org") as client:
        assert fetch(client, url, policy=NO_SLEEP, sleep=delays.append).content == b"ok"
    assert delays == [7.0]


def test_connection_refused_is_transient() -> None:
    with build_client("ops@example.org") as client, pytest.raises(TransientFetchError):
        fetch(client, "http://127.0.0.1:9/", policy=FetchPolicy(retries=0), sleep=lambda _: None)


def test_injected_client_is_used() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"mock"))
    with httpx.Client(transport=transport) as client:
        assert fetch(client, "http://example.invalid/x", policy=NO_SLEEP).content == b"mock"
