"""`watcher web`: the public site over the archive (events, states, feeds, subscriptions).

``app`` builds the ASGI app, ``context`` holds what handlers share (rendering, error pages),
``routes`` maps URLs to ``pages`` and ``forms``. May import ``config``, ``states``,
``timestamps``, ``store``, ``alerts``, ``law``, ``costs`` (program figures), ``discovery``
(coverage) and ``documents`` (agenda items); nothing imports it but the ``cli``.
"""

from __future__ import annotations

from watcher.web.app import create_app

__all__ = ["create_app"]
