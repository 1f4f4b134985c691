"""A backfill reads its lists ahead (calamine parses them in the background) and still applies
them one by one, in order: the same statuses as applying each in turn, every parse claimed."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest

from ice_workbooks import MOA_BASE, make_workbook
from watcher.config import Config
from watcher.formats import xlsx
from watcher.ice.backfill import READ_AHEAD, ArchivedCopy, ingest
from watcher.runtime.pipeline import rules_for
from watcher.store.archive import open_archive

START = dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)
CONFIG = Config.model_validate(
    {"sources": [{"name": "ice", "kind": "ice_287g", "url": "https://www.ice.gov/287g"}]}
)
COUNTIES = ["Tulsa", "Creek", "Wagoner", "Rogers", "Mayes", "Cherokee", "Okmulgee", "Pawnee"]


def sheriff(county: str) -> dict[str, Any]:
    signed = dt.date(2025, 6, 1 + COUNTIES.index(county))
    return {"state": "OKLAHOMA", "agency": f"{county} County Sheriff's Office", "type": "County",
            "county": county, "support": "Task Force Model", "signed": signed,
            "moa_url": f"{MOA_BASE}{county}CoSheriff_TFM_MOA_{signed:%m%d%Y}.pdf"}  # fmt: skip


def copies(folder: Path, lists: list[list[str]]) -> list[ArchivedCopy]:
    out, made = [], {}  # the same list twice is the same bytes
    for day, counties in enumerate(lists):
        path = folder / f"participatingAgencies{day}.xlsx"
        if tuple(counties) not in made:
            made[tuple(counties)] = make_workbook([sheriff(c) for c in counties])
        path.write_bytes(made[tuple(counties)])
        out.append(ArchivedCopy(path, START + dt.timedelta(days=day)))
    return out


# A county joins on days 1, 3, 4 and 5; day 2 republishes day 1's bytes (known by its digest:
# neither parsed nor read ahead).
LISTS = [COUNTIES[:3], COUNTIES[:4], COUNTIES[:4], COUNTIES[:5], COUNTIES[:6], COUNTIES[:7]]


def test_lists_read_ahead_are_applied_in_order_and_every_parse_is_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert READ_AHEAD >= 2  # more lists than the window, so the window slides
    checked: list[bytes] = []  # every workbook checked, the real check still made
    real_check = xlsx._check
    monkeypatch.setattr(
        xlsx, "_check", lambda data, caps: checked.append(data) or real_check(data, caps)
    )
    files = copies(tmp_path, [*LISTS, COUNTIES])
    files[-1].path.write_bytes(b"<html>not a workbook</html>")  # day 6
    db = open_archive(tmp_path / "watcher.db")
    results = ingest(db, CONFIG.sources[0], files, rules_for(CONFIG, alert=False))
    assert [r.status for r in results] == [
        "baseline", "accepted", "unchanged", "accepted", "accepted", "accepted", "rejected",
    ]  # fmt: skip
    assert [r.row_count for r in results[:6]] == [3, 4, 4, 5, 6, 7]
    assert (results[-1].reason or "").startswith("no recognisable header")
    # Each distinct workbook checked once: the first where it is applied, the 4 others ahead,
    # each parse then claimed by its own apply (none dropped and read again).
    assert len(checked) == len(set(checked)) == 5
    assert xlsx._PREFETCHED == {}
    added = db.execute("SELECT agency FROM events WHERE type = 'new' ORDER BY observed_at")
    assert [agency.split()[0] for (agency,) in added] == ["Rogers", "Mayes", "Cherokee", "Okmulgee"]


def test_a_file_gone_before_its_turn_stops_after_the_lists_before_it(tmp_path: Path) -> None:
    files = copies(tmp_path, LISTS)
    files[4].path.unlink()
    db = open_archive(tmp_path / "watcher.db")
    seen: list[str] = []
    with pytest.raises(FileNotFoundError):
        ingest(
            db, CONFIG.sources[0], files, rules_for(CONFIG, alert=False),
            progress=lambda copy, applied: seen.append(applied.status),
        )  # fmt: skip
    assert seen == ["baseline", "accepted", "unchanged", "accepted"]
    assert db.execute("SELECT COUNT(*) FROM publications").fetchone()[0] == 3


def test_the_collector_runs_less_often_during_a_backfill_only(tmp_path: Path) -> None:
    before = gc.get_threshold()
    during: list[int] = []
    db = open_archive(tmp_path / "watcher.db")
    ingest(
        db, CONFIG.sources[0], copies(tmp_path, LISTS[:2]), rules_for(CONFIG, alert=False),
        progress=lambda copy, applied: during.append(gc.get_threshold()[0]),
    )  # fmt: skip
    assert during == [10_000, 10_000]
    assert gc.get_threshold() == before
