"""Relabels and shifted MOA links built from a real 2025 list (../shared): ICE's 18 July 2025
participating list (832 rows), edited in the test the way ICE's own corrections look, written
back as workbooks and applied to a real archive. Skipped when ../shared is absent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_path
from ice_workbooks import workbook_rows
from test_ice_corrections import Lab
from watcher.ice.moa import moa_document_name, moa_file_date, names_agency
from watcher.ice.models import AgreementRow
from watcher.ice.names import place_words
from watcher.ice.parse.workbook import parse_ice_document
from watcher.store.archive import open_archive

JULY_18 = "2025-07-18pm_participatingAgencies07182025pm.xlsx"


@pytest.fixture(scope="module")
def real_rows() -> list[AgreementRow]:
    parsed = parse_ice_document(shared_path("ice_data", JULY_18).read_bytes())
    assert len(parsed.rows) == 832
    return parsed.rows


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    db = open_archive(tmp_path / "watcher.db")
    yield Lab(db)
    db.close()


def relabel_target(rows: list[AgreementRow]) -> int:
    """The first city police department whose place word no other row of its state, model
    and SIGNED date shares: the shape of the Haskell case."""
    for i, row in enumerate(rows):
        words = place_words(row.agency_key)
        if "police department" not in row.agency_key or not words or row.signed is None:
            continue
        rivals = [
            other
            for other in rows
            if other is not row
            and (other.state, other.model, other.signed) == (row.state, row.model, row.signed)
            and words & place_words(other.agency_key)
        ]
        if not rivals:
            return i
    raise AssertionError("no police department to relabel in the real list")


def test_relabel_in_a_real_list_is_one_correction(lab: Lab, real_rows: list[AgreementRow]) -> None:
    rows = workbook_rows(real_rows)
    target = relabel_target(real_rows)
    old = dict(rows[target])
    place = " ".join(sorted(place_words(real_rows[target].agency_key))).title()
    relabeled = {**old, "agency": f"{place} County Sheriff's Office", "type": "County",
                 "county": f"{place} County"}  # fmt: skip
    lab.publish(rows)
    after = [*rows[:target], relabeled, *rows[target + 1 :]]
    for day in range(8):  # past every debounce, each list a distinct publication
        after[0] = {**after[0], "county": f"{rows[0]['county']}{' County' * (day % 2)}"}
        lab.publish(after)
    assert lab.events() == [
        ("relabel", relabeled["agency"], old["agency"], relabeled["county"]),
    ]
    assert lab.queued() == [("corrections@example.org", "relabel", relabeled["agency"])]
    assert lab.db.execute("SELECT COUNT(*) FROM agreements WHERE status = 'active'").fetchone() == (
        len(real_rows),
    )


def shift_block(rows: list[AgreementRow]) -> list[int]:
    """Eight rows of one state, in sheet order, of eight agencies, each linking its own dated
    MOA file that names it (ICE's shifted blocks run down the sheet the same way)."""
    by_state: dict[str, list[int]] = {}
    agencies: set[str] = set()
    for i, row in enumerate(rows):
        doc = moa_document_name(row.moa_url)
        if not doc or not moa_file_date(doc) or not names_agency(doc, row.agency_key):
            continue
        if row.agency_key in agencies:
            continue  # one agency's other model may rightly share a newer file
        agencies.add(row.agency_key)
        block = by_state.setdefault(row.state, [])
        block.append(i)
        if len(block) == 8:
            return block
    raise AssertionError("no block of eight linked rows in the real list")


def with_links(rows: list[AgreementRow], block: list[int], shift: bool) -> list[dict[str, Any]]:
    """The real list with the block's SIGNED set 60 days before each row's own MOA file date
    (so a fixed link looks like a renewal to a rule that only compares with SIGNED), and,
    when ``shift``, each row of the block linking its neighbour's file as ICE did."""
    edited = list(rows)
    for i in block:
        own = moa_file_date(moa_document_name(rows[i].moa_url) or "")
        assert own is not None
        edited[i] = dataclasses.replace(rows[i], signed=own - dt.timedelta(days=60))
    if shift:
        for i, j in itertools.pairwise(block):
            edited[i] = dataclasses.replace(edited[i], moa_url=rows[j].moa_url)
    return workbook_rows(edited)


def test_shifted_and_fixed_block_of_a_real_list_alerts_nobody(
    lab: Lab, real_rows: list[AgreementRow]
) -> None:
    block = shift_block(real_rows)
    lab.publish(with_links(real_rows, block, shift=False))
    lab.publish(with_links(real_rows, block, shift=True))
    lab.publish(with_links(real_rows, block, shift=False))
    agencies = [real_rows[i].agency for i in block[:7]]
    assert lab.history("link_correction") == agencies * 2
    assert lab.events() == [] and lab.queued() == []
    assert lab.db.execute("SELECT COUNT(*) FROM moa_links_held").fetchone() == (0,)


def test_fix_of_a_real_block_shifted_before_watching_is_no_renewal(
    lab: Lab, real_rows: list[AgreementRow]
) -> None:
    block = shift_block(real_rows)
    lab.publish(with_links(real_rows, block, shift=True))
    lab.publish(with_links(real_rows, block, shift=False))
    assert [real_rows[i].agency for i in block[1:7]] == lab.history("link_correction")
    assert lab.events() == [] and lab.queued() == []
