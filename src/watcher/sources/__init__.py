"""Source kinds: one module per kind, registered here and nowhere else.

Owns what a source does on each run (fetch, hand to its stage, report). A kind's module may
import ``watcher.sources.base``, ``fetch``, ``config``, ``timestamps``, ``store`` and the stage
it feeds (``ice``, ``documents``, and for the agenda platforms their parsers in ``agendas`` and
the shared pass in ``watcher.sources.agenda``); it never imports this registry, so adding a
kind is one line below.
"""

from __future__ import annotations

from watcher.sources import (
    boarddocs,
    civicclerk,
    civicplus,
    document,
    granicus,
    ice,
    legistar,
    primegov,
)
from watcher.sources.base import SourceContext, SourceResult, SourceRunner

REGISTRY: dict[str, SourceRunner] = {
    "ice_287g": ice.run_ice,
    "document": document.run_document,
    "document_index": document.run_document_index,
    "legistar": legistar.run_legistar,
    "civicplus": civicplus.run_civicplus,
    "granicus": granicus.run_granicus,
    "civicclerk": civicclerk.run_civicclerk,
    "boarddocs": boarddocs.run_boarddocs,
    "primegov": primegov.run_primegov,
}


def get_runner(kind: str) -> SourceRunner:
    try:
        return REGISTRY[kind]
    except KeyError:
        raise LookupError(
            f"no source kind {kind!r} (known: {', '.join(sorted(REGISTRY))})"
        ) from None


__all__ = ["REGISTRY", "SourceContext", "SourceResult", "SourceRunner", "get_runner"]
