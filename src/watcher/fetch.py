"""HTTP fetching, politely: honest User-Agent, timeouts, conditional requests, bounded retries.

The client is injected (``build_client`` makes the real one), so tests and the demo point it at
a server on 127.0.0.1. Only transient failures are retried: connection errors, timeouts, 429 and
5xx; a name that does not resolve or a 404 is permanent. A body over the size cap is refused
while streaming, before it fills memory. Every fetch has an overall deadline (connect, headers,
body and retries), so a server that trickles a byte at a time cannot hold a run. Redirects are
followed here, not by httpx, so each hop is checked against the source's :class:`NetPolicy`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import email.utils
import hashlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from watcher import __version__
from watcher.errors import FetchError, ResponseTooLarge, TransientFetchError
from watcher.timestamps import retry_after_seconds

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/watcher-287g/watcher"
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def user_agent(contact: str) -> str:
    return f"watcher/{__version__} (+{PROJECT_URL}; contact: {contact})"


def build_client(contact: str, timeout: float = 30.0) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": user_agent(contact)},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=False,  # fetch() follows them itself, checking each hop
    )


@dataclass(frozen=True)
class Validators:
    """What the last successful fetch of a URL told us, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content: bytes  # empty when not_modified
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: dt.datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def last_modified_time(self) -> dt.datetime | None:
        if not self.last_modified:
            return None
        try:
            return email.utils.parsedate_to_datetime(self.last_modified).astimezone(dt.UTC)
        except (TypeError, ValueError):
            return None


DEFAULT_DEADLINE = 300.0


@dataclass(frozen=True)
class NetPolicy:
    """Where a source's fetches may go.

    A redirect to another host is refused unless the source lists that host; a private,
    loopback or link-local address is refused unless the source's own URL is one (a county
    intranet, a test server), so a hostile page cannot point watcher at the machine's
    neighbours or a cloud metadata service.
    """

    redirect_hosts: frozenset[str] = frozenset()
    allow_private: bool = False
    # Discovery explores county sites, whose home pages often redirect to another domain:
    # it may follow any public host, never a private one.
    any_redirect_host: bool = False

    @classmethod
    def for_source(cls, url: str, redirect_hosts: list[str] | tuple[str, ...] = ()) -> NetPolicy:
        hosts = frozenset(h.lower().rstrip(".") for h in redirect_hosts)
        return cls(redirect_hosts=hosts, allow_private=is_private_host(_host(url)))


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def is_private_host(host: str) -> bool:
    """True when the host is, or resolves to, a private, loopback or link-local address."""
    return any(
        a.is_private or a.is_loopback or a.is_link_local or a.is_reserved or a.is_unspecified
        for a in _addresses(host)
    )


def check_target(url: str, net: NetPolicy) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: refused: only http and https URLs are fetched")
    if not net.allow_private and is_private_host(_host(url)):
        raise FetchError(
            f"{url}: refused: a private, loopback or link-local address, and this source's own "
            "URL is not one"
        )


def check_redirect(current: str, target: str, net: NetPolicy) -> None:
    here, there = _host(current), _host(target)
    if there != here and there not in net.redirect_hosts and not net.any_redirect_host:
        raise FetchError(
            f"{current}: refused a redirect to another host ({there}); if it is expected, add "
            f"it to the source's allow_redirect_hosts"
        )


MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchPolicy:
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = 50 * 1024 * 1024
    deadline: float = DEFAULT_DEADLINE  # seconds for the whole fetch, retries included
    net: NetPolicy | None = None  # None: the URL fetched is its own origin
    # time.monotonic() by which the whole source must be done (its every fetch stops there)
    not_after: float | None = None


def fetch(
    client: httpx.Client,
    url: str,
    *,
    validators: Validators | None = None,
    policy: FetchPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
    data: Mapping[str, str] | None = None,
) -> Fetched:
    """GET ``url`` (POST ``data`` as a form when given: BoardDocs lists meetings that way);
    raise FetchError (TransientFetchError after the last retry) on failure."""
    policy = policy or FetchPolicy()
    headers: dict[str, str] = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    deadline = time.monotonic() + policy.deadline
    if policy.not_after is not None:
        deadline = min(deadline, policy.not_after)
    attempt = 0
    while True:
        try:
            return _follow(client, url, headers, policy, deadline, data)
        except TransientFetchError as exc:
            delay = _retry_delay(exc, policy.backoff, attempt)
            if attempt >= policy.retries or time.monotonic() + delay >= deadline:
                raise
            log.info("retrying %s in %.1fs after: %s", url, delay, exc)
            sleep(delay)
            attempt += 1


def _retry_delay(exc: TransientFetchError, backoff: float, attempt: int) -> float:
    if exc.retry_after is not None:
        return min(exc.retry_after, 300.0)
    return float(backoff * (2**attempt))


def _follow(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    policy: FetchPolicy,
    deadline: float,
    data: Mapping[str, str] | None = None,
) -> Fetched:
    """One attempt, following up to MAX_REDIRECTS redirects, each hop checked first."""
    net = policy.net or NetPolicy.for_source(url)
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        check_target(current, net)
        fetched, location = _fetch_once(client, current, headers, policy.max_bytes, deadline, data)
        data = None  # a redirected form post is followed with a GET, as browsers do
        if location is None:
            assert fetched is not None
            return dataclasses.replace(fetched, url=url)
        target = urljoin(current, location)
        check_redirect(current, target, net)
        current = target
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


class _Watchdog:
    """Shuts the connection's socket at the deadline, so a blocked read returns at once.

    Per-read timeouts cannot stop a server that sends a byte every few seconds; the socket is
    learnt from httpcore's trace hook when the connection is made.
    """

    def __init__(self, deadline: float) -> None:
        self.expired = False
        self._sock: socket.socket | None = None
        self._timer = threading.Timer(max(deadline - time.monotonic(), 0.0), self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                self._sock = sock

    def _expire(self) -> None:
        self.expired = True
        sock = self._sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _fetch_once(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    cap: int,
    deadline: float,
    data: Mapping[str, str] | None = None,
) -> tuple[Fetched | None, str | None]:
    """The response, or (None, Location) for a redirect."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _deadline_error(url, deadline)
    timeout = _clamp(client.timeout, left)
    watchdog = _Watchdog(deadline)
    try:
        with (
            watchdog,
            client.stream(
                "POST" if data is not None else "GET",
                url,
                headers=headers,
                data=data,
                timeout=timeout,
                follow_redirects=False,
                extensions={"trace": watchdog.trace},
            ) as response,
        ):
            if response.is_redirect and response.status_code != 304:
                return None, response.headers.get("Location", "")
            return _response(response, url, cap, deadline), None
    except httpx.TimeoutException as exc:
        if time.monotonic() >= deadline:
            raise _deadline_error(url, deadline) from exc
        raise TransientFetchError(f"{url}: timed out ({type(exc).__name__})") from exc
    except httpx.TransportError as exc:
        if watchdog.expired or time.monotonic() >= deadline:
            raise _deadline_error(url, deadline) from exc
        if _name_not_found(exc):
            raise FetchError(f"{url}: the host name does not resolve (DNS): {exc}") from exc
        # Includes a body cut short by the server (RemoteProtocolError): worth a retry.
        raise TransientFetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL: {exc}") from exc


def _response(response: httpx.Response, url: str, cap: int, deadline: float) -> Fetched:
    if response.status_code == 304:
        return _result(url, response, b"")
    if response.status_code in TRANSIENT_STATUS:
        raise TransientFetchError(
            f"{url}: HTTP {response.status_code}", retry_after=_retry_after(response)
        )
    if response.status_code >= 400:
        raise FetchError(f"{url}: HTTP {response.status_code}")
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise ResponseTooLarge(f"{url}: {declared} bytes is over the {cap}-byte cap")
    body = _read_capped(response, url, cap, deadline)
    return _result(url, response, body)


class DeadlinePassed(TransientFetchError):
    """The whole fetch took longer than its deadline."""


def _deadline_error(url: str, deadline: float) -> DeadlinePassed:
    return DeadlinePassed(f"{url}: gave up: the fetch passed its overall deadline")


def _clamp(timeout: httpx.Timeout, left: float) -> httpx.Timeout:
    def cap(value: float | None) -> float:
        return left if value is None else min(value, left)

    return httpx.Timeout(
        connect=cap(timeout.connect), read=cap(timeout.read), write=cap(timeout.write),
        pool=cap(timeout.pool),
    )  # fmt: skip


def _name_not_found(exc: BaseException) -> bool:
    """A DNS answer that the name does not exist: retrying in seconds will not change it."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror) and seen.errno in _NO_NAME:
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "Name or service not known" in text or "No address associated" in text


_NO_NAME = frozenset(
    code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None))
    if code is not None
)  # fmt: skip


def _read_capped(response: httpx.Response, url: str, cap: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if time.monotonic() >= deadline:
            raise _deadline_error(url, deadline)
        size += len(chunk)
        if size > cap:
            raise ResponseTooLarge(f"{url}: body passed the {cap}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(response: httpx.Response) -> float | None:
    return retry_after_seconds(response.headers.get("Retry-After"))


def _result(url: str, response: httpx.Response, body: bytes) -> Fetched:
    return Fetched(
        url=url,
        final_url=str(response.url),
        status=response.status_code,
        content=body,
        content_type=response.headers.get("Content-Type"),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        fetched_at=dt.datetime.now(dt.UTC),
    )
