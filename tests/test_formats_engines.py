"""calamine (fast path) and the pure-Python reader must read ICE's lists identically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import SHARED
from ice_workbooks import make_workbook, sample_rows
from watcher.errors import ParseError
from watcher.formats import xlsx
from watcher.ice.models import ParsedList
from watcher.ice.parse.workbook import parse_ice_workbook

AS_OF = dt.date(2026, 11, 28)


def both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[ParsedList, ParsedList]:
    assert xlsx.CalamineWorkbook is not None, "python-calamine is a dependency"
    fast = parse_ice_workbook(data, as_of=AS_OF)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx, "CalamineWorkbook", None)
        slow = parse_ice_workbook(data, as_of=AS_OF)
    return fast, slow


def test_engines_agree_on_a_built_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = both(make_workbook(sample_rows()), monkeypatch)
    assert fast.rows == slow.rows and fast.row_numbers == slow.row_numbers
    assert [r.signed for r in fast.rows][:2] == [dt.date(2020, 6, 9), dt.date(2025, 9, 22)]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (SHARED / "ice_data").glob("*.xlsx")) or ["(absent)"]
)
def test_engines_agree_on_real_lists(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = SHARED / "ice_data" / name
    if not path.exists():
        pytest.skip(f"{path.parent} is absent: the real ICE lists live in ../shared")
    fast, slow = both(path.read_bytes(), monkeypatch)
    assert (fast.kind, fast.layout) == (slow.kind, slow.layout)
    assert fast.rows == slow.rows
    assert fast.row_numbers == slow.row_numbers


def test_bad_bytes_give_parse_errors_with_calamine_on(tmp_path: Path) -> None:
    good = make_workbook(sample_rows())
    for body in (good[: len(good) // 2], b"PK\x03\x04" + b"\0" * 100, b""):
        with pytest.raises(ParseError):
            parse_ice_workbook(body)
