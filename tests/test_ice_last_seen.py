"""When a list last showed each agreement (view agreement_last_seen): kept as one row per list
for the agreements still listed, and a row of its own once an agreement drops off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ice_workbooks import MOA_BASE, make_workbook
from watcher.config import Config
from watcher.ice.apply import apply_publication
from watcher.runtime.pipeline import rules_for
from watcher.store.archive import ensure_source, open_archive

START = dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)
CONFIG = Config.model_validate(
    {"sources": [{"name": "ice", "kind": "ice_287g", "url": "https://www.ice.gov/287g"}]}
)
COUNTIES = ["Tulsa", "Creek", "Wagoner", "Rogers", "Mayes", "Cherokee", "Okmulgee", "Pawnee"]


def sheriff(county: str, day: int) -> dict[str, Any]:
    signed = dt.date(2025, 6, 1 + COUNTIES.index(county))
    return {"state": "OKLAHOMA", "agency": f"{county} County Sheriff's Office", "type": "County",
            # written two ways on alternate days: each list is a distinct publication
            "county": f"{county} County" if county == "Tulsa" and day % 2 else county,
            "support": "Task Force Model", "signed": signed,
            "moa_url": f"{MOA_BASE}{county}CoSheriff_TFM_MOA_{signed:%m%d%Y}.pdf"}  # fmt: skip


def test_last_seen_of_listed_dropped_withdrawn_and_returning_agreements(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "watcher.db")
    ensure_source(db, "ice", "ice_287g", "https://www.ice.gov/287g")
    # Day 0 all eight; Creek gone from day 1 (withdrawn on day 4: three lists and three days);
    # Mayes gone on days 1-2 only, back on day 3.
    listed = {0: COUNTIES, 3: [c for c in COUNTIES if c != "Creek"]}
    listed[1] = listed[2] = [c for c in listed[3] if c != "Mayes"]
    listed[4] = listed[5] = listed[3]
    ids, as_of = {}, {}
    for day in range(6):
        moment = START + dt.timedelta(days=day)
        applied = apply_publication(
            db,
            source="ice",
            content=make_workbook([sheriff(county, day) for county in listed[day]]),
            url=f"https://www.ice.gov/doclib/participatingAgencies{day}.xlsx",
            as_of=moment,
            fetched_at=moment,
            rules=rules_for(CONFIG, alert=False),
        )
        assert applied.status == ("baseline" if day == 0 else "accepted"), applied.reason
        ids[day], as_of[day] = applied.publication_id, moment.isoformat()
    last_seen = dict(
        (agency.split()[0], (seen_at, pub))
        for agency, seen_at, pub in db.execute(
            "SELECT a.agency, s.last_seen_at, s.last_publication_id FROM agreements a "
            "JOIN agreement_last_seen s ON s.agreement_id = a.id"
        )
    )
    assert last_seen["Creek"] == (as_of[0], ids[0])  # the last list that showed it
    assert last_seen["Mayes"] == (as_of[5], ids[5])  # back, then seen with every list
    assert {last_seen[c] for c in COUNTIES if c != "Creek"} == {(as_of[5], ids[5])}
    assert db.execute(
        "SELECT type, agency, publication_id, previous_publication_id FROM events"
    ).fetchall() == [("withdrawal", "Creek County Sheriff's Office", ids[4], ids[0])]
    assert db.execute("SELECT * FROM list_last_seen").fetchall() == [
        ("ice", "participating", as_of[5], ids[5])
    ]
    db.close()
