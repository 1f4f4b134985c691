"""ICE correcting its own list must not alarm anyone: relabels and shifted MOA links, applied
through the real path (workbook bytes -> apply_publication -> a real archive -> the alert
queue), on small self-built lists that run on a fresh clone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner
from starlette.testclient import TestClient

from ice_workbooks import MOA_BASE, make_workbook
from test_web_helpers import make_config
from watcher.alerts.context import event_context
from watcher.alerts.delivery import queue_events
from watcher.alerts.enrich import enriched_events
from watcher.alerts.render import event_subject
from watcher.alerts.subscriptions import subscribe
from watcher.cli import cli
from watcher.config import Config
from watcher.ice.apply import Applied, apply_publication
from watcher.runtime.pipeline import rules_for
from watcher.store.archive import ensure_source, open_archive
from watcher.web import create_app

START = dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)
CONFIG = Config.model_validate(
    {
        "sources": [{"name": "ice", "kind": "ice_287g", "url": "https://www.ice.gov/287g"}],
        "alerts": {
            "from": "alerts@example.org",
            "operator": "ops@example.org",
            "smtp": {"host": "127.0.0.1", "port": 2525, "starttls": False},
        },
    }
)


class Lab:
    """A real archive fed one workbook a day, with subscribers whose queue we can read."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.day = 0
        ensure_source(db, "ice", "ice_287g", "https://www.ice.gov/287g")
        subscribe(db, "everything@example.org")
        subscribe(db, "corrections@example.org", types=["relabel"])
        subscribe(db, "muskogee@example.org", counties=["Muskogee"], types=["relabel", "new"])

    def publish(self, rows: list[dict[str, Any]]) -> Applied:
        as_of = START + dt.timedelta(days=self.day)
        self.day += 1
        applied = apply_publication(
            self.db,
            source="ice",
            content=make_workbook(rows),
            url=f"https://www.ice.gov/doclib/participatingAgencies{self.day}.xlsx",
            as_of=as_of,
            fetched_at=as_of,
            rules=rules_for(CONFIG),
        )
        assert applied.status in ("baseline", "accepted"), applied.reason
        queue_events(CONFIG, self.db, now=as_of)
        return applied

    def events(self) -> list[tuple[Any, ...]]:
        return self.db.execute(
            "SELECT type, agency, previous_agency, county FROM events ORDER BY id"
        ).fetchall()

    def queued(self) -> list[tuple[str, str, str]]:
        return self.db.execute(
            "SELECT s.email, e.type, e.agency FROM outbox o JOIN subscribers s "
            "ON s.id = o.subscriber_id JOIN events e ON e.id = o.event_id ORDER BY s.email, e.id"
        ).fetchall()

    def history(self, change: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT agency FROM agreement_history WHERE change = ? ORDER BY id", [change]
            )
        ]


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    db = open_archive(tmp_path / "watcher.db")
    yield Lab(db)
    db.close()


def sheriff(county: str, signed: dt.date, state: str = "OKLAHOMA") -> dict[str, Any]:
    return {"state": state, "agency": f"{county} County Sheriff's Office", "type": "County",
            "county": f"{county} County", "support": "Task Force Model", "signed": signed,
            "moa_url": f"{MOA_BASE}{county}CoSheriff_TFM_MOA_{signed:%m%d%Y}.pdf"}  # fmt: skip


FILLERS = ["Tulsa", "Creek", "Wagoner", "Rogers", "Mayes", "Cherokee", "Okmulgee", "Pawnee"]
HASKELL_PD = {"state": "OKLAHOMA", "agency": "Haskell Police Department", "type": "Municipality",
              "county": "Muskogee County", "support": "Task Force Model",
              "signed": dt.date(2026, 3, 28),
              "moa_url": MOA_BASE + "HaskellPDOK_TFM_MOA_03282026.pdf"}  # fmt: skip
HASKELL_SO = {**HASKELL_PD, "agency": "Haskell County Sheriff's Office", "type": "County",
              "county": "Haskell County",
              "moa_url": MOA_BASE + "HaskellCoSheriffOK_TFM_MOA_03282026.pdf"}  # fmt: skip


def fillers(day: int = 0) -> list[dict[str, Any]]:
    rows = [sheriff(name, dt.date(2025, 6, 1 + i)) for i, name in enumerate(FILLERS)]
    # A county cell written two ways on alternate days: each list is a distinct publication.
    rows[0]["county"] = "Tulsa County" if day % 2 else "Tulsa"
    return rows


def test_relabel_is_one_correction_never_a_withdrawal_and_a_new_agreement(lab: Lab) -> None:
    lab.publish([*fillers(), HASKELL_PD])
    lab.publish([*fillers(1), HASKELL_SO])
    for day in range(2, 10):  # well past the withdrawal debounce (3 lists, 3 days)
        lab.publish([*fillers(day), HASKELL_SO])
    assert lab.events() == [
        (
            "relabel",
            "Haskell County Sheriff's Office",
            "Haskell Police Department",
            "Haskell County",
        )
    ]
    detail = lab.db.execute("SELECT json_extract(detail, '$.previous_county') FROM events")
    assert detail.fetchone() == ("Muskogee County",)
    # One agreement, relabeled in place: nothing missing, nothing withdrawn.
    assert lab.db.execute(
        "SELECT agency, county, status FROM agreements WHERE agency LIKE 'Haskell%'"
    ).fetchall() == [("Haskell County Sheriff's Office", "Haskell County", "active")]
    assert lab.history("relabeled") == ["Haskell County Sheriff's Office"]
    # Only those who asked for corrections hear of it; the old county's reader too.
    assert lab.queued() == [
        ("corrections@example.org", "relabel", "Haskell County Sheriff's Office"),
        ("muskogee@example.org", "relabel", "Haskell County Sheriff's Office"),
    ]


def test_two_candidates_fall_back_to_new_agreements_and_a_withdrawal(lab: Lab) -> None:
    division = {**HASKELL_SO, "agency": "Haskell County Sheriff's Office Jail Division"}
    lab.publish([*fillers(), HASKELL_PD])
    for day in range(1, 8):
        lab.publish([*fillers(day), HASKELL_SO, division])
    assert sorted(lab.events()) == [
        ("new", "Haskell County Sheriff's Office", None, "Haskell County"),
        ("new", "Haskell County Sheriff's Office Jail Division", None, "Haskell County"),
        ("withdrawal", "Haskell Police Department", None, "Muskogee County"),
    ]


ALPHA = ["Avon", "Bell", "Cove", "Dale", "Eden", "Fern", "Glen", "Hope"]
SIGNED = dt.date(2025, 2, 26)


def block(links: list[str], extra: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Eight Florida police departments signed 26 Feb 2025 whose MOA files are dated 10 Apr
    2025 (more than 30 days later: what made the old rule call a fixed link a renewal)."""
    rows = []
    for name, link in zip(ALPHA, links, strict=True):
        rows.append(
            {"state": "FLORIDA", "agency": f"{name} Police Department", "type": "Municipality",
             "county": "#N/A", "support": "Task Force Model", "signed": SIGNED,
             "moa_url": MOA_BASE + (extra or {}).get(name, link)}
        )  # fmt: skip
    return rows


OWN = [f"{name}PoliceDeptFL_TFM_MOA_04102025.pdf" for name in ALPHA]
SHIFTED = [*OWN[1:], OWN[-1]]  # each row links its neighbour's file; the last keeps its own


def no_renewal_or_withdrawal(lab: Lab) -> None:
    assert not lab.db.execute(
        "SELECT type FROM events WHERE type IN ('renewal', 'withdrawal', 'new')"
    ).fetchall()
    assert lab.queued() == []


def test_shifted_then_fixed_links_are_link_corrections(lab: Lab) -> None:
    lab.publish(block(OWN))
    lab.publish(block(SHIFTED))
    lab.publish(block(OWN))
    lab.publish([*block(OWN), sheriff("Tulsa", SIGNED, "FLORIDA")])  # a later list, unrelated
    assert lab.history("link_correction") == [f"{name} Police Department" for name in ALPHA[:7]] * 2
    assert lab.events() == [
        ("new", "Tulsa County Sheriff's Office", None, "Tulsa County"),
    ]
    lab.db.execute("DELETE FROM events WHERE type = 'new'")
    lab.db.execute("DELETE FROM outbox")
    no_renewal_or_withdrawal(lab)


def test_fix_of_a_block_shifted_before_watching_began_is_no_renewal(lab: Lab) -> None:
    lab.publish(block(SHIFTED))  # the baseline already carried the shift
    lab.publish(block(OWN))
    lab.publish([*block(OWN), sheriff("Tulsa", SIGNED, "FLORIDA")])
    # Bell..Glen move to files their neighbours linked; Avon's own file was never linked, but
    # it is no later than the file Avon had (both 10 Apr 2025): an update, not a renewal.
    assert lab.history("link_correction") == [f"{name} Police Department" for name in ALPHA[1:7]]
    assert "Avon Police Department" in lab.history("updated")
    assert lab.history("renewal") == []
    assert [event[0] for event in lab.events()] == ["new"]


def test_a_renewal_inside_a_shifted_block_waits_for_the_next_list(lab: Lab) -> None:
    renewed = {"Hope": "HopePoliceDeptFL_TFM_MOA_02262026.pdf"}
    shifted = [*OWN[1:6], OWN[0], OWN[6], OWN[7]]  # six rows on other agencies' files
    lab.publish(block(OWN))
    lab.publish(block(shifted, renewed))
    assert lab.events() == [] and lab.history("link_held") == ["Hope Police Department"]
    assert lab.db.execute("SELECT block_size FROM moa_links_held").fetchall() == [(6,)]
    confirming = block(OWN, renewed)
    confirming[-1]["county"] = "Wakulla County"  # another edit of the row does not hide it
    lab.publish(confirming)  # the block is fixed; Hope's new file is still linked
    assert lab.events() == [("renewal", "Hope Police Department", None, "Wakulla County")]
    moa = lab.db.execute("SELECT moa_url, json_extract(detail, '$.moa_confirmed') FROM events")
    assert moa.fetchone() == (MOA_BASE + renewed["Hope"], 1)
    assert lab.db.execute("SELECT COUNT(*) FROM moa_links_held").fetchone() == (0,)
    assert [event[1] for event in lab.queued()] == ["renewal"]  # everything@ hears once


def test_a_held_link_that_goes_away_never_becomes_a_renewal(lab: Lab) -> None:
    renewed = {"Hope": "HopePoliceDeptFL_TFM_MOA_02262026.pdf"}
    shifted = [*OWN[1:6], OWN[0], OWN[6], OWN[7]]
    lab.publish(block(OWN))
    lab.publish(block(shifted, renewed))
    lab.publish(block(OWN))
    lab.publish([*block(OWN), sheriff("Tulsa", SIGNED, "FLORIDA")])
    assert [event[0] for event in lab.events()] == ["new"]
    assert lab.db.execute("SELECT COUNT(*) FROM moa_links_held").fetchone() == (0,)


def test_a_lone_new_moa_file_is_still_a_renewal(lab: Lab) -> None:
    lab.publish(block(OWN))
    lab.publish(block(OWN, {"Hope": "HopePoliceDeptFL_TFM_MOA_02262026.pdf"}))
    assert [event[:2] for event in lab.events()] == [("renewal", "Hope Police Department")]


def test_relabel_reads_as_a_correction_in_mail_and_on_the_command_line(
    lab: Lab, tmp_path: Path
) -> None:
    lab.publish([*fillers(), HASKELL_PD])
    lab.publish([*fillers(1), HASKELL_SO])
    [event] = enriched_events(lab.db, event_type="relabel")
    context = event_context(event)
    assert event_subject(event) == (
        "287(g) listing corrected: Haskell County Sheriff's Office, OK - Task Force Model"
    )
    assert context["what"] == (
        "ICE corrected its listing: the agreement under the Task Force Model it listed as "
        "Haskell Police Department (Muskogee County) is now listed as Haskell County Sheriff's "
        "Office (Oklahoma). The agreement itself did not change."
    )
    assert "did not change" in (context["legal"] or {}).get("text", "")
    (tmp_path / "sources.yaml").write_text(
        "contact: tests@example.org\nsources:\n"
        "  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/287g'}\n"
    )
    db_path = lab.db.execute("PRAGMA database_list").fetchone()[2]
    result = CliRunner().invoke(
        cli,
        ["--config", str(tmp_path / "sources.yaml"), "--db", db_path, "events", "--type",
         "relabel"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output == (
        "2026-04-02  relabel    OK  Haskell County Sheriff's Office - Task Force Model, "
        "signed 2026-03-28 (was Haskell Police Department)\n"
    )


def test_relabel_on_the_web_page(lab: Lab, tmp_path: Path) -> None:
    lab.publish([*fillers(), HASKELL_PD])
    lab.publish([*fillers(1), HASKELL_SO])
    db_path = Path(lab.db.execute("PRAGMA database_list").fetchone()[2])
    with TestClient(create_app(make_config(tmp_path / "outbox"), db_path)) as client:
        listing = client.get("/", params={"type": "relabel"})
        assert listing.status_code == 200
        assert "Haskell County Sheriff&#39;s Office" in listing.text
        assert '<option value="relabel" selected>' in listing.text
        event_id = lab.db.execute("SELECT id FROM events WHERE type = 'relabel'").fetchone()[0]
        page = client.get(f"/events/{event_id}").text
    assert "<h1>287(g) listing corrected: Haskell County Sheriff&#39;s Office</h1>" in page
    assert "Haskell Police Department (Muskogee County)" in page
