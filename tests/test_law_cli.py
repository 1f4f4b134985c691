"""The legal commands as an advocate uses them: a ready letter, requests tracked to deadline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result

from watcher.cli import cli
from watcher.store.archive import open_archive


def watcher(tmp_path: Path, *args: str) -> Result:
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - {name: ice, kind: ice_287g, url: 'https://www.ice.gov/x'}\n"
    )
    return CliRunner().invoke(
        cli, ["--config", str(tmp_path / "sources.yaml"), "--db", str(tmp_path / "w.db"), *args]
    )


def test_letter_for_a_texas_sheriff_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "letter.txt"
    result = watcher(tmp_path, "records-request", "--agency", "Galveston County Sheriff's Office",
                     "--state", "TX", "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    letter = out.read_text()
    assert "Texas Public Information Act (Tex. Gov't Code chapter 552)" in letter
    assert "To: Public records officer, Galveston County Sheriff's Office" in letter
    assert "10 business days" in letter


def test_letter_for_an_agency_not_in_the_archive_has_placeholders(tmp_path: Path) -> None:
    result = watcher(tmp_path, "records-request", "--state", "CA")
    assert result.exit_code == 0
    assert "[AGENCY NAME]" in result.output and "[YOUR NAME]" in result.output


def test_unknown_state_is_a_clear_error(tmp_path: Path) -> None:
    result = watcher(tmp_path, "records-request", "--state", "ZZ")
    assert result.exit_code == 2
    assert "no state-law entry for 'ZZ'" in result.output


def test_requests_tracked_to_their_statutory_deadline(tmp_path: Path) -> None:
    added = watcher(tmp_path, "requests", "add", "--agency", "Galveston County Sheriff's Office",
                    "--state", "TX", "--sent", "2026-10-01", "--json")  # fmt: skip
    assert added.exit_code == 0, added.output
    record = json.loads(added.output)
    # 10 business days after Thu 1 Oct 2026, Columbus Day (12 Oct) skipped: Fri 16 Oct.
    assert record["due_date"] == "2026-10-16"
    listed = json.loads(watcher(tmp_path, "requests", "list", "--json").output)
    overdue = (dt.date.today() - dt.date(2026, 10, 16)).days
    assert listed[0]["days_overdue"] == max(0, overdue)
    status = json.loads(watcher(tmp_path, "status", "--json").output)
    assert [r["agency"] for r in status["overdue_requests"]] == (
        ["Galveston County Sheriff's Office"] if overdue > 0 else []
    )
    updated = watcher(tmp_path, "requests", "update", str(record["id"]), "--status", "fulfilled",
                      "--document", "https://example.org/response.pdf")  # fmt: skip
    assert updated.exit_code == 0 and "fulfilled, 1 response document(s)" in updated.output
    assert (
        json.loads(watcher(tmp_path, "requests", "list", "--json").output)[0]["days_overdue"] == 0
    )


def test_a_law_with_no_fixed_deadline_says_so(tmp_path: Path) -> None:
    added = watcher(tmp_path, "requests", "add", "--agency", "Polk County Sheriff's Office",
                    "--state", "FL", "--sent", "2026-10-01", "--json")  # fmt: skip
    record = json.loads(added.output)
    assert record["due_date"] is None
    assert record["due_explanation"]  # why there is no date, in words


def test_bad_requests_store_nothing(tmp_path: Path) -> None:
    assert watcher(tmp_path, "requests", "update", "99", "--status", "denied").exit_code == 2
    bad = watcher(tmp_path, "requests", "add", "--agency", "X", "--state", "ZZ")
    assert bad.exit_code == 2
    bad_date = watcher(tmp_path, "requests", "add", "--agency", "X", "--state", "TX",
                       "--sent", "yesterday")  # fmt: skip
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    db = open_archive(tmp_path / "w.db")
    assert db.execute("SELECT COUNT(*) FROM records_requests").fetchone() == (0,)


def test_letter_is_never_written_over_the_archive_or_an_existing_file(tmp_path: Path) -> None:
    open_archive(tmp_path / "w.db").close()
    before = (tmp_path / "w.db").read_bytes()
    result = watcher(tmp_path, "records-request", "--state", "TX", "--out", str(tmp_path / "w.db"))
    assert result.exit_code == 2
    assert "refusing to write over the archive's own file" in result.output
    assert (tmp_path / "w.db").read_bytes() == before
    letter = tmp_path / "letter.txt"
    letter.write_text("my edited draft")
    result = watcher(tmp_path, "records-request", "--state", "TX", "--out", str(letter))
    assert result.exit_code == 2 and "add --force to replace it" in result.output
    assert letter.read_text() == "my edited draft"
    forced = watcher(tmp_path, "records-request", "--state", "TX", "--out", str(letter), "--force")
    assert forced.exit_code == 0, forced.output
    assert "Texas Public Information Act" in letter.read_text()
    device = watcher(tmp_path, "records-request", "--state", "TX", "--out", "/dev/null", "--force")
    assert device.exit_code == 2 and "not a regular file" in device.output
