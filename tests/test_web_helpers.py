"""Shared by the web tests: an archive built through the real ingest path (ICE workbooks and a
county document), an alerts config, and reading the emails the outbox delivered."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

from ice_workbooks import MOA_BASE, make_workbook
from watcher.alerts.delivery import queue_events
from watcher.alerts.sending import deliver
from watcher.alerts.smtp import OutboxDirSender
from watcher.config import Config, Jurisdiction
from watcher.documents.apply import apply_document
from watcher.ice.apply import Rules, apply_publication
from watcher.store.archive import ensure_source, open_archive

BASE_URL = "http://testserver"
UTC = dt.UTC


def agency(state: str, name: str, model: str, county: str, signed: dt.date) -> dict[str, object]:
    slug = re.sub(r"\W+", "", name)
    return {
        "state": state,
        "agency": name,
        "type": "County",
        "county": county,
        "support": model,
        "signed": signed,
        "moa_url": f"{MOA_BASE}{slug}_MOA.pdf",
    }


GALVESTON = agency(
    "TEXAS", "Galveston County Sheriff's Office", "Task Force Model", "Galveston County",
    dt.date(2025, 3, 4),
)  # fmt: skip
HARRIS = agency(
    "TEXAS", "Harris County Sheriff's Office", "Jail Enforcement Model", "Harris County",
    dt.date(2024, 2, 1),
)  # fmt: skip
LUBBOCK = agency(
    "TEXAS", "Lubbock County Sheriff's Office", "Warrant Service Officer", "Lubbock County",
    dt.date(2024, 6, 1),
)  # fmt: skip
ETOWAH = agency(
    "ALABAMA", "Etowah County Sheriff's Office", "Jail Enforcement Model", "Etowah County",
    dt.date(2020, 6, 9),
)  # fmt: skip
COLLIER = agency(
    "FLORIDA", "Collier County Sheriff's Office", "Task Force Model", "Collier County",
    dt.date(2025, 2, 20),
)  # fmt: skip
BUDGET_ITEM = (
    "<html><body><h1>Commissioners Court agenda</h1><p>Sheriff's Office - Requesting approval "
    "of the Certification of Revenue in the amount of $302,500 as certified by the County "
    "Auditor for the DHS ICE 287(g) Task Force and appropriation of the same</p></body></html>"
)

RULES = Rules(debounce=lambda state: 1, min_row_share=0.0, min_absent=dt.timedelta(0))


def publish(db: object, rows: list[dict[str, object]], when: dt.datetime, n: int) -> list[int]:
    applied = apply_publication(
        db,  # type: ignore[arg-type]
        source="ice",
        content=make_workbook(rows),
        url=f"https://www.ice.gov/doclib/287g/participatingAgencies{n:02d}.xlsx",
        as_of=when,
        fetched_at=when,
        rules=RULES,
    )
    assert applied.status in ("baseline", "accepted"), applied
    return applied.event_ids


def build_archive(path: Path) -> Path:
    """Three ICE lists over four months (new agreements, a withdrawal) and a cost figure."""
    db = open_archive(path)
    ensure_source(db, "ice", "ice_287g", "https://www.ice.gov/identify-and-arrest/287g")
    publish(db, [ETOWAH, HARRIS, LUBBOCK], dt.datetime(2025, 1, 10, 9, tzinfo=UTC), 1)
    publish(
        db, [ETOWAH, HARRIS, LUBBOCK, GALVESTON, COLLIER], dt.datetime(2025, 3, 10, tzinfo=UTC), 2
    )
    publish(db, [ETOWAH, HARRIS, GALVESTON, COLLIER], dt.datetime(2025, 5, 12, tzinfo=UTC), 3)
    ensure_source(db, "galveston", "document", "https://galveston.example/agenda")
    apply_document(
        db,
        source="galveston",
        url="https://galveston.example/agenda/2025-04-01.html",
        content=BUDGET_ITEM.encode(),
        content_type="text/html",
        jurisdiction=Jurisdiction(state="TX", county="Galveston"),
        fetched_at=dt.datetime(2025, 4, 1, tzinfo=UTC),
    )
    db.close()
    return path


def make_config(outbox: Path, base_url: str = BASE_URL) -> Config:
    return Config.model_validate(
        {
            "sources": [
                {"name": "ice", "kind": "ice_287g", "url": "https://www.ice.gov/287g"},
            ],
            "alerts": {
                "from": "watcher@example.org",
                "base_url": base_url,
                "outbox_dir": str(outbox),
            },
        }
    )


def deliver_all(db_file: Path, outbox: Path, *, base_url: str = BASE_URL) -> None:
    db = open_archive(db_file)
    try:
        deliver(
            db,
            OutboxDirSender(outbox),
            now=dt.datetime.now(UTC) + dt.timedelta(seconds=5),
            base_url=base_url,
            from_addr="watcher@example.org",
        )
    finally:
        db.close()


def queue_alerts(config: Config, db_file: Path) -> int:
    """Queue alerts for every event (a fresh archive's events were recorded as alertable)."""
    db = open_archive(db_file)
    try:
        db.execute("DELETE FROM alert_payloads")
        db.execute("UPDATE events SET alert = 1")
        return queue_events(config, db)
    finally:
        db.close()


def emails(outbox: Path) -> list[EmailMessage]:
    found = []
    for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        found.append(message)
    return found


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())  # type: ignore[attr-defined]


def link_in(message: EmailMessage, path: str, base_url: str = BASE_URL) -> str:
    match = re.search(re.escape(base_url) + re.escape(path) + r"[^\s<>\"]+", text_of(message))
    assert match, f"no {path} link in {text_of(message)!r}"
    return match.group(0)


def test_archive_has_events_and_costs(tmp_path: Path) -> None:
    from watcher.alerts.enrich import enriched_events

    db = open_archive(build_archive(tmp_path / "w.db"))
    events = enriched_events(db)
    assert {e["type"] for e in events} == {"new", "withdrawal"}
    galveston = next(e for e in events if e["agency"].startswith("Galveston"))
    assert galveston["cost_figures"][0]["amount"] == 302500
