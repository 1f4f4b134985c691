"""Read what the archive knows about MOA links, for the rows whose link moved.

Only a publication that moves some row's MOA link pays for this: the history of those
agreements (``agreement_history.moa_url``, one row per observation that changed something),
which agreement linked which file in the last list, and the links held from a shifted block
(table ``moa_links_held``). The judgement itself is pure (``ice.moa``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlite_utils

from watcher.ice.detect import Diff, Known
from watcher.ice.moa import MoaEvidence, is_foreign, moa_document_name
from watcher.ice.models import AgreementRow


def held_links(db: sqlite_utils.Database, source: str, kind: str) -> dict[str, tuple[int, str]]:
    """key -> (agreement id, MOA document) held by the last publication for confirmation."""
    # CROSS JOIN: from the few held links to their agreements, not from every agreement of
    # the list to its held link (SQLite's choice otherwise, run before every publication).
    rows = db.execute(
        "SELECT a.key, h.agreement_id, h.moa_url FROM moa_links_held h "
        "CROSS JOIN agreements a ON a.id = h.agreement_id WHERE a.source = ? AND a.list_kind = ?",
        [source, kind],
    )
    return {key: (int(ident), moa_document_name(url) or "") for key, ident, url in rows}


def moa_evidence(
    db: sqlite_utils.Database,
    source: str,
    kind: str,
    known: Iterable[Known],
    changed: Iterable[AgreementRow],
    listed: list[AgreementRow],
    held: dict[str, tuple[int, str]],
) -> MoaEvidence:
    by_key = {k.key: k for k in known}
    moved = [
        (by_key[row.key], row)
        for row in changed
        if row.key in by_key and _moved(by_key[row.key].moa_url, row.moa_url)
    ]
    held_ids = dict(held.values())
    if not moved:
        return MoaEvidence(held=held_ids)
    seen: dict[int, set[str]] = defaultdict(set)
    ids = sorted({k.id for k, _ in moved})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for ident, url in db.execute(
            "SELECT DISTINCT agreement_id, moa_url FROM agreement_history WHERE moa_url IS NOT "
            f"NULL AND agreement_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            seen[int(ident)].add(moa_document_name(url) or "")
    linked_by: dict[str, set[str]] = defaultdict(set)
    before = db.execute(
        "SELECT key, moa_url FROM agreements WHERE source = ? AND list_kind = ? "
        "AND moa_url IS NOT NULL AND status IN ('active', 'missing')",
        [source, kind],
    )
    for key, url in [*before, *((row.key, row.moa_url) for row in listed)]:
        document = moa_document_name(url)
        if document:
            linked_by[document].add(key)
    evidence = MoaEvidence(
        seen={ident: frozenset(docs) for ident, docs in seen.items()},
        linked_by={doc: frozenset(keys) for doc, keys in linked_by.items()},
        held=held_ids,
    )
    foreign = sum(
        is_foreign(
            moa_document_name(row.moa_url) or "",
            key=row.key,
            agency_key=row.agency_key,
            evidence=evidence,
        )
        for _, row in moved
    )
    return MoaEvidence(evidence.seen, evidence.linked_by, held_ids, foreign)


def _moved(old_url: str | None, new_url: str | None) -> bool:
    old, new = moa_document_name(old_url), moa_document_name(new_url)
    return old is not None and new is not None and old != new


def record_held(db: sqlite_utils.Database, diff: Diff, pub_id: int, block: int) -> None:
    """Settle the links held before this publication and hold the ones it brought."""
    if diff.released:
        db.execute(
            f"DELETE FROM moa_links_held WHERE agreement_id IN "
            f"({', '.join('?' * len(diff.released))})",
            diff.released,
        )
    db.conn.executemany(
        "INSERT OR REPLACE INTO moa_links_held (agreement_id, moa_url, publication_id, "
        "block_size) VALUES (?, ?, ?, ?)",
        [
            (u.known.id, u.row.moa_url, pub_id, block)
            for u in diff.updates
            if u.change == "link_held"
        ],
    )
