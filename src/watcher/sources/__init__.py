"""Source kinds, registered in one place: ``@register("kind")`` on a run function."""

from __future__ import annotations

from collections.abc import Callable

from .base import SourceContext, SourceResult

SourceRunner = Callable[[SourceContext], SourceResult]
REGISTRY: dict[str, SourceRunner] = {}


def register(kind: str) -> Callable[[SourceRunner], SourceRunner]:
    def decorate(runner: SourceRunner) -> SourceRunner:
        REGISTRY[kind] = runner
        return runner

    return decorate


def get_runner(kind: str) -> SourceRunner:
    _load_builtins()
    try:
        return REGISTRY[kind]
    except KeyError:
        raise LookupError(
            f"no source kind {kind!r} (known: {', '.join(sorted(REGISTRY))})"
        ) from None


def _load_builtins() -> None:
    # Imported here, not at module top, so each kind registers itself through the same path.
    from . import documents, ice_287g  # noqa: F401


__all__ = ["REGISTRY", "SourceContext", "SourceResult", "get_runner", "register"]
