"""`watcher web`: serve the public site (events, states, feeds, subscriptions) with uvicorn."""

from __future__ import annotations

import click

from watcher.cli.base import AppContext, UsageProblem
from watcher.errors import ArchiveError


@click.command("web")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def web(app: AppContext, host: str, port: int) -> None:
    """Serve the web pages and the subscription forms over the archive."""
    try:
        import uvicorn

        from watcher.web import create_app
    except ImportError as exc:
        raise UsageProblem(
            f"the web extra is not installed ({exc.name}): pip install 'watcher[web]'"
        ) from None
    try:
        asgi = create_app(app.config, app.db_file)
    except ArchiveError as exc:
        raise UsageProblem(str(exc)) from None
    # proxy_headers: behind a reverse proxy on this host (forwarded_allow_ips defaults to
    # 127.0.0.1), the rate limit sees the real client address, not the proxy's.
    uvicorn.run(asgi, host=host, port=port, proxy_headers=True, server_header=False)


def register(group: click.Group) -> None:
    group.add_command(web)
