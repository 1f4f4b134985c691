"""What every handler shares: the per-app state (:class:`Web`), page rendering and error pages.

Apart from :mod:`watcher.web.app` so that routes, pages and forms can import it without importing
the app that imports them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from watcher.config import AlertsConfig
from watcher.i18n import template_functions
from watcher.store.archive import open_archive
from watcher.web.security import CSRF_COOKIE, CSRF_FIELD, Csrf, RateLimiter
from watcher.web.subscribing import Tokens

T = TypeVar("T")
SPANISH = "/es"


class Language:
    """Serves every page in Spanish under ``/es/...``: the prefix is taken off the path before
    routing and the language put in the request's state, so one route table serves both."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            lang = "en"
            if path == SPANISH or path.startswith(SPANISH + "/"):
                lang = "es"
                scope = {**scope, "path": path[len(SPANISH) :] or "/"}
                scope["raw_path"] = scope["path"].encode()
            scope.setdefault("state", {})
            scope["state"]["lang"] = lang
        await self.app(scope, receive, send)


def lang_of(request: Request) -> str:
    return str(getattr(request.state, "lang", "en"))


def prefix(request: Request) -> str:
    """What internal links start with: "/es" on Spanish pages."""
    return SPANISH if lang_of(request) == "es" else ""


@dataclass
class Web:
    """What every handler needs; one per app."""

    db_file: Path
    alerts: AlertsConfig | None
    base_url: str
    templates: Jinja2Templates
    csrf: Csrf
    tokens: Tokens
    client_limit: RateLimiter = field(default_factory=RateLimiter)
    # Also per address, so one address cannot be sent a flood of confirmations from many IPs.
    address_limit: RateLimiter = field(default_factory=lambda: RateLimiter(3, 3600.0))

    @contextlib.contextmanager
    def db(self) -> Iterator[sqlite_utils.Database]:
        # A connection per request, in the worker thread that uses it: sqlite3 connections
        # must not carry transactions across threads, and WAL lets readers run beside writers.
        db = open_archive(self.db_file, migrate=False)
        try:
            yield db
        finally:
            db.close()

    async def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        def call() -> T:
            with self.db() as db:
                return func(db, *args, **kwargs)

        return await run_in_threadpool(call)


def web_of(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status: int = 200,
    form: bool = False,
    headers: dict[str, str] | None = None,
) -> Response:
    """A page. With `form`, the CSRF cookie is set when new and the page is never cached."""
    web = web_of(request)
    lang = lang_of(request)
    # The path only: a query string may be the hostile input an error page must not echo.
    here = request.url.path
    ctx: dict[str, Any] = {
        "csrf_field": CSRF_FIELD,
        "base_url": web.base_url,
        "lang": lang,
        **template_functions(lang),
        "p": prefix(request),
        # The same page in the other language (the language switch in the header).
        "other_lang": ("English", here) if lang == "es" else ("Español", SPANISH + here),
        **(context or {}),
    }
    cookie, new_cookie = web.csrf.cookie_value(request) if form else ("", False)
    if form:
        ctx["csrf_token"] = web.csrf.form_token(cookie)
    all_headers = {"Cache-Control": "no-store"} if form else {}
    all_headers.update(headers or {})
    response = web.templates.TemplateResponse(
        request, name, ctx, status_code=status, headers=all_headers
    )
    if new_cookie:
        response.set_cookie(
            CSRF_COOKIE,
            cookie,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


def problem(
    request: Request,
    status: int,
    title: str,
    message: str,
    *,
    headers: dict[str, str] | None = None,
) -> Response:
    """A clear, polite page for anything that went wrong, with the right status code."""
    return render(
        request,
        "message.html",
        {"title": title, "message": message, "status": status},
        status=status,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )
