"""`watcher web`: the public site over the archive (events, states, feeds, subscriptions)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
