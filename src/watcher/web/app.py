"""The ASGI app: shared state, page rendering, polite error pages and the middleware stack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Receive, Scope, Send

from watcher.config import AlertsConfig, Config
from watcher.i18n import N_
from watcher.store.archive import open_archive
from watcher.web.charts import legend_swatch
from watcher.web.context import Language, Web, problem
from watcher.web.routes import routes
from watcher.web.security import (
    SECURITY_HEADERS,
    BodyLimit,
    Csrf,
    SecurityHeaders,
    load_secret,
)
from watcher.web.subscribing import Tokens

HERE = Path(__file__).parent
BODY_LIMIT = 32 * 1024
T = TypeVar("T")


_STATUS_TEXT = {
    400: (N_("Bad request"), N_("The request could not be understood.")),
    403: (N_("Not allowed"), N_("This request is not allowed.")),
    404: (N_("Page not found"), N_("There is no page at this address.")),
    405: (N_("Method not allowed"), N_("This page cannot be used that way.")),
    413: (N_("Request too large"), N_("That was more data than this site accepts.")),
}


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    title, message = _STATUS_TEXT.get(status, (N_("Something went wrong"), N_("Please try again.")))
    return problem(request, status, title, message)


async def server_error(request: Request, exc: Exception) -> Response:
    # Runs outside the middleware stack, so the security headers are added here.
    response = problem(
        request,
        500,
        N_("Something went wrong"),
        N_("An error occurred on our side. Please try again."),
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
    db_file = Path(db_file)
    # Upgraded once here, so each request can open it without migrating.
    open_archive(db_file).close()
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
            Middleware(Language),
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
