"""One whole pass (`watcher run`, and each scheduled job of `watcher serve`): fetch, detect,
queue the alerts, deliver what is due. Always under the archive lock."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx

from watcher.config import Config
from watcher.discovery.registry import with_accepted_portals
from watcher.fetch import build_client
from watcher.lock import ArchiveLock
from watcher.runtime.pipeline import RunReport, run_sources
from watcher.store.archive import open_archive

log = logging.getLogger(__name__)


def run_once(
    config: Config,
    db_file: Path,
    names: list[str] | None = None,
    *,
    lock_wait: float = 0.0,
    client: httpx.Client | None = None,
    deliver: bool = True,
) -> RunReport:
    with ArchiveLock(db_file, wait=lock_wait):
        db = open_archive(db_file)
        # Portals the operator accepted (`watcher portals accept`) run beside sources.yaml's.
        config = with_accepted_portals(config, db)
        own_client = client is None
        http = client or build_client(config.contact, config.fetch.timeout)
        try:
            report = run_sources(config, db, http, names)
        finally:
            if own_client:
                http.close()
        from watcher.alerts.delivery import delivery_words, queue_and_deliver

        delivered = queue_and_deliver(config, db, deliver_now=deliver)
        report.delivery = delivery_words(delivered) if delivered else None
        db.close()
    return report
