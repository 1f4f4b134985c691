"""The fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import httpx
import pytest

from http_server import Answer, ScriptedServer
from watcher.errors import FetchError, ResponseTooLarge, TransientFetchError
from watcher.fetch import FetchPolicy, NetPolicy, Validators, build_client, fetch, user_agent

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


def test_a_trickling_body_is_cut_at_the_overall_deadline(http_server: ScriptedServer) -> None:
    # A byte every 0.1 s never trips the 30 s read timeout; only the overall deadline stops it.
    url = http_server.route("/trickle", Answer(body=b"x" * 1000, trickle=0.1))
    started = time.monotonic()
    policy = FetchPolicy(retries=3, backoff=0.0, deadline=1.0)
    with build_client("ops@example.org") as client, pytest.raises(FetchError, match="deadline"):
        fetch(client, url, policy=policy, sleep=lambda _: None)
    assert time.monotonic() - started < 3.0
    assert http_server.hits("/trickle") == 1  # no retry once the deadline has passed


def test_trickling_headers_are_cut_at_the_overall_deadline(http_server: ScriptedServer) -> None:
    # The status line and headers alone take ~5 s at this pace; the watchdog closes the socket.
    url = http_server.route(
        "/slowhead", Answer(body=b"x", headers={"X-Pad": "p" * 40}, trickle=0.08)
    )
    started = time.monotonic()
    with build_client("ops@example.org") as client, pytest.raises(FetchError, match="deadline"):
        fetch(client, url, policy=FetchPolicy(retries=0, deadline=0.8), sleep=lambda _: None)
    assert time.monotonic() - started < 2.5


def test_same_host_redirect_is_followed(http_server: ScriptedServer) -> None:
    http_server.route("/new", Answer(body=b"moved here"))
    url = http_server.route("/old", Answer(status=301, headers={"Location": "/new"}))
    with build_client("ops@example.org") as client:
        got = fetch(client, url, policy=NO_SLEEP)
    assert got.content == b"moved here"
    assert got.url == url and got.final_url.endswith("/new")


def test_cross_host_redirect_is_refused_unless_listed(http_server: ScriptedServer) -> None:
    port = http_server.base.rsplit(":", 1)[1]
    http_server.route("/there", Answer(body=b"other host"))
    url = http_server.route(
        "/hop", Answer(status=302, headers={"Location": f"http://localhost:{port}/there"})
    )
    with build_client("ops@example.org") as client:
        with pytest.raises(FetchError, match=r"another host \(localhost\).*allow_redirect_hosts"):
            fetch(client, url, policy=NO_SLEEP)
        assert http_server.hits("/there") == 0
        listed = FetchPolicy(retries=0, net=NetPolicy.for_source(url, ["localhost"]))
        assert fetch(client, url, policy=listed).content == b"other host"


def test_private_targets_refused_unless_the_source_is_private(
    http_server: ScriptedServer,
) -> None:
    url = http_server.route("/doc", Answer(body=b"inside"))
    public = NetPolicy(allow_private=False)  # as for a source at a public address
    with build_client("ops@example.org") as client:
        for target in (url, "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/"):
            with pytest.raises(FetchError, match="private, loopback or link-local"):
                fetch(client, target, policy=FetchPolicy(retries=0, net=public))
        assert http_server.hits("/doc") == 0
        assert fetch(client, url, policy=NO_SLEEP).content == b"inside"  # own URL: allowed
    assert not NetPolicy.for_source("http://93.184.215.14/x").allow_private
    assert NetPolicy.for_source("http://10.1.2.3/x").allow_private


def test_unresolvable_name_is_not_retried() -> None:
    delays: list[float] = []
    with build_client("ops@example.org") as client, pytest.raises(FetchError) as caught:
        fetch(
            client,
            "http://no-such-host.invalid/x",
            policy=FetchPolicy(retries=3, net=NetPolicy(allow_private=True)),
            sleep=delays.append,
        )
    assert not isinstance(caught.value, TransientFetchError)
    assert "does not resolve" in str(caught.value)
    assert delays == []


def test_non_http_redirect_is_refused(http_server: ScriptedServer) -> None:
    url = http_server.route("/f", Answer(status=302, headers={"Location": "file:///etc/passwd"}))
    with build_client("ops@example.org") as client, pytest.raises(FetchError):
        fetch(client, url, policy=NO_SLEEP)


def test_a_source_deadline_bounds_every_fetch_of_the_source(http_server: ScriptedServer) -> None:
    url = http_server.route("/trickle", Answer(body=b"x" * 1000, trickle=0.1))
    started = time.monotonic()
    policy = FetchPolicy(retries=0, deadline=60.0, not_after=time.monotonic() + 0.8)
    with build_client("ops@example.org") as client, pytest.raises(FetchError, match="deadline"):
        fetch(client, url, policy=policy)
    assert time.monotonic() - started < 2.5
