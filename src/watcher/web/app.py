"""The ASGI app: shared state, page rendering, polite error pages and the middleware stack."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Receive, Scope, Send

from watcher.alerts.config import AlertsConfig
from watcher.archive import open_archive
from watcher.config import Config

from .charts import legend_swatch
from .security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    SECURITY_HEADERS,
    BodyLimit,
    Csrf,
    RateLimiter,
    SecurityHeaders,
    load_secret,
)
from .subscribing import Tokens, create_web_tables

HERE = Path(__file__).parent
BODY_LIMIT = 32 * 1024
T = TypeVar("T")


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
    ctx: dict[str, Any] = {"csrf_field": CSRF_FIELD, "base_url": web.base_url, **(context or {})}
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


_STATUS_TEXT = {
    400: ("Bad request", "The request could not be understood."),
    403: ("Not allowed", "This request is not allowed."),
    404: ("Page not found", "There is no page at this address."),
    405: ("Method not allowed", "This page cannot be used that way."),
    413: ("Request too large", "That was more data than this site accepts."),
}


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    title, message = _STATUS_TEXT.get(status, ("Something went wrong", "Please try again."))
    return problem(request, status, title, message)


async def server_error(request: Request, exc: Exception) -> Response:
    # Runs outside the middleware stack, so the security headers are added here.
    response = problem(
        request, 500, "Something went wrong", "An error occurred on our side. Please try again."
    )
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response


def _too_large_sender(app_ref: list[Starlette]) -> Callable[[Scope, Receive, Send], Any]:
    async def too_large(scope: Scope, receive: Receive, send: Send) -> None:
        scope = {**scope, "app": app_ref[0]}
        title, message = _STATUS_TEXT[413]
        response = problem(Request(scope, receive), 413, title, message)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)

    return too_large


def create_app(config: Config | None, db_file: Path) -> Starlette:
    """The web app over the archive at `db_file` (upgraded and given its web table now)."""
    from .routes import routes

    db_file = Path(db_file)
    with contextlib.closing(open_archive(db_file)) as db:
        create_web_tables(db)
    alerts = config.alerts if config is not None else None
    base_url = (alerts.base_url if alerts else AlertsConfig.model_fields["base_url"].default) or ""
    secret = load_secret(db_file)
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["swatch"] = legend_swatch
    app_ref: list[Starlette] = []
    app = Starlette(
        routes=[*routes(), _static()],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(BodyLimit, limit=BODY_LIMIT, too_large=_too_large_sender(app_ref)),
        ],
        exception_handlers={HTTPException: http_error, 500: server_error},
    )
    app_ref.append(app)
    app.state.web = Web(
        db_file=db_file,
        alerts=alerts,
        base_url=base_url.rstrip("/"),
        templates=templates,
        csrf=Csrf(secret),
        tokens=Tokens(secret),
    )
    return app


def _static() -> Any:
    from starlette.routing import Mount

    return Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")
