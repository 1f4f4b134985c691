"""HTTP fetching, politely: honest User-Agent, timeouts, conditional requests, bounded retries.

The client is injected (``build_client`` makes the real one), so tests and the demo point it at
a server on 127.0.0.1. Only transient failures are retried: connection errors, timeouts, 429 and
5xx. A body over the size cap is refused while streaming, before it fills memory.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

from watcher import __version__
from watcher.errors import FetchError, ResponseTooLarge, TransientFetchError

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/watcher-287g/watcher"
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def user_agent(contact: str) -> str:
    return f"watcher/{__version__} (+{PROJECT_URL}; contact: {contact})"


def build_client(contact: str, timeout: float = 30.0) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": user_agent(contact)},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
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


@dataclass(frozen=True)
class FetchPolicy:
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = 50 * 1024 * 1024


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
    attempt = 0
    while True:
        try:
            return _fetch_once(client, url, headers, policy.max_bytes, data)
        except TransientFetchError as exc:
            if attempt >= policy.retries:
                raise
            delay = _retry_delay(exc, policy.backoff, attempt)
            log.info("retrying %s in %.1fs after: %s", url, delay, exc)
            sleep(delay)
            attempt += 1


def _retry_delay(exc: TransientFetchError, backoff: float, attempt: int) -> float:
    if exc.retry_after is not None:
        return min(exc.retry_after, 300.0)
    return float(backoff * (2**attempt))


def _fetch_once(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    cap: int,
    data: Mapping[str, str] | None = None,
) -> Fetched:
    method = "POST" if data is not None else "GET"
    try:
        with client.stream(method, url, headers=headers, data=data) as response:
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
            body = _read_capped(response, url, cap)
            return _result(url, response, body)
    except httpx.TimeoutException as exc:
        raise TransientFetchError(f"{url}: timed out ({type(exc).__name__})") from exc
    except httpx.TransportError as exc:
        # Includes a body cut short by the server (RemoteProtocolError): worth a retry.
        raise TransientFetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL: {exc}") from exc


def _read_capped(response: httpx.Response, url: str, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise ResponseTooLarge(f"{url}: body passed the {cap}-byte cap")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


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
