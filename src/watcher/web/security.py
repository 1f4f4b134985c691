"""Web safety: the signing key, CSRF tokens, a per-client rate limit, security headers and a
request body limit. None of it needs JavaScript in the browser."""

from __future__ import annotations

import hmac
import os
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECRET_ENV = "WATCHER_SECRET_KEY"
CSRF_COOKIE = "watcher_csrf"
CSRF_FIELD = "csrf_token"
CSRF_MAX_AGE = 24 * 3600

CSP = (
    "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Token links (confirm, unsubscribe) must never leak to another site through Referer.
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def load_secret(db_file: Path) -> str:
    """WATCHER_SECRET_KEY, else a key file made once beside the archive (mode 0600).

    Several workers may start together: O_EXCL lets exactly one write the key; the others
    read what it wrote.
    """
    from_env = os.environ.get(SECRET_ENV, "").strip()
    if from_env:
        return from_env
    path = Path(db_file).with_name(Path(db_file).name + ".web-secret")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            key = path.read_text(encoding="ascii").strip()
            if key:
                return key
            time.sleep(0.01)  # the writer has created the file but not written it yet
        raise RuntimeError(f"{path} is empty: delete it or set {SECRET_ENV}") from None
    key = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


class Csrf:
    """Double-submit: a random cookie, and in each form the cookie's value signed and dated.

    Signing the form value (not just comparing it with the cookie) means a cookie planted by
    a sibling subdomain is useless without the server's key.
    """

    def __init__(self, secret: str) -> None:
        self.signer = URLSafeTimedSerializer(secret, salt="watcher-web-csrf")

    def cookie_value(self, request: Request) -> tuple[str, bool]:
        """The client's cookie value, or a new one (True: the response must set it)."""
        value = request.cookies.get(CSRF_COOKIE, "")
        if 20 <= len(value) <= 100 and value.replace("-", "").replace("_", "").isalnum():
            return value, False
        return secrets.token_urlsafe(32), True

    def form_token(self, cookie: str) -> str:
        return str(self.signer.dumps(cookie))

    def valid(self, request: Request, submitted: object) -> bool:
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not isinstance(submitted, str) or len(submitted) > 300:
            return False
        try:
            signed = self.signer.loads(submitted, max_age=CSRF_MAX_AGE)
        except BadSignature:  # also covers SignatureExpired
            return False
        return isinstance(signed, str) and hmac.compare_digest(signed, cookie)


class RateLimiter:
    """At most `limit` attempts per `window` seconds for each key, in memory.

    Per process: behind several workers each keeps its own count, which only loosens the
    limit by that factor. `max_keys` bounds memory against a flood of addresses.
    """

    def __init__(
        self,
        limit: int = 5,
        window: float = 600.0,
        *,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}

    def hit(self, key: str) -> float:
        """Record an attempt; 0 when allowed, else seconds until the next one is."""
        now = self.clock()
        hits = self._hits.get(key)
        if hits is None:
            if len(self._hits) >= self.max_keys:
                self._prune(now)
            hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1.0, hits[0] + self.window - now)
        hits.append(now)
        return 0.0

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window]:
            del self._hits[key]
        if len(self._hits) >= self.max_keys:
            self._hits.clear()  # still full of live keys: a flood; forget rather than grow


def client_key(request: Request) -> str:
    # uvicorn's --proxy-headers (trusted proxies only) has already put the real client here.
    return request.client.host if request.client else "unknown"


class SecurityHeaders:
    """Adds the security headers to every response, error pages and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    """The request body went past the limit while it was being read."""


ErrorSender = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """Refuses bodies over `limit` bytes, by Content-Length up front or while streaming."""

    def __init__(self, app: ASGIApp, *, limit: int, too_large: ErrorSender) -> None:
        self.app = app
        self.limit = limit
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await self.too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def watch_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watch_send)
        except BodyTooLarge:
            if not started:
                await self.too_large(scope, receive, send)
