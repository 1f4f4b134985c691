"""Operations that tell the truth: exit codes, never-run sources, the initial run of `serve`,
the run summary in words, logs apart from results, and a command line that starts fast."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from http_server import Answer, ScriptedServer
from ice_workbooks import make_ice_page, make_workbook
from watcher.cli import COMMANDS, cli, load_command
from watcher.config import load_config
from watcher.runtime.scheduler import build_scheduler

ROW = {"state": "ALABAMA", "agency": "Etowah County Sheriff's Office", "type": "County",
       "county": "Etowah County", "support": "Jail Enforcement Model",
       "signed": dt.date(2020, 6, 9)}  # fmt: skip
HEAVY = ("httpx", "sqlite_utils", "sqlite3", "starlette", "pydantic", "apscheduler", "jinja2",
         "lxml", "bs4", "python_calamine", "pypdfium2", "yaml")  # fmt: skip


def config_file(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "sources.yaml"
    lines = [f"  - {{name: s{i}, kind: ice_287g, url: '{url}'}}" for i, url in enumerate(urls)]
    path.write_text(
        "contact: t@example.org\nfetch: {retries: 0, timeout: 5}\nsources:\n"
        + "\n".join(lines)
        + "\n"
    )
    return path


def ice_site(server: ScriptedServer) -> str:
    server.route("/p.xlsx", Answer(body=make_workbook([ROW])))
    return server.route("/287g", Answer(body=make_ice_page({"Participating": "/p.xlsx"}).encode()))


def test_version_and_help_load_no_heavy_module(tmp_path: Path) -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['watcher', ARG]\n"
        "try:\n    from watcher.cli import main; main()\n"
        "except SystemExit:\n    pass\n"
        "print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    for arg in ("--version", "--help"):
        done = subprocess.run(
            [sys.executable, "-c", probe.replace("ARG", repr(arg))],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        loaded = set(done.stderr.split("MODULES", 1)[1].split())
        assert "click" in loaded
        assert not {m for m in loaded if m.split(".")[0] in HEAVY}, arg
        assert not {m for m in loaded if m.startswith("watcher.") and m not in _LIGHT}, arg
    assert (
        "0.1.0"
        in subprocess.run(
            [sys.executable, "-m", "watcher", "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


_LIGHT = {"watcher.cli", "watcher.cli.base"}


def test_command_table_matches_what_each_module_registers() -> None:
    registered: dict[str, click.Command] = {}
    for module in {module for module, _ in COMMANDS.values()}:
        holder = click.Group()
        importlib.import_module(f"watcher.cli.{module}").register(holder)
        registered.update(holder.commands)
    assert set(registered) == set(COMMANDS)
    for name, (module, _help) in COMMANDS.items():
        assert load_command(name) is registered[name]
        assert registered[name].callback is not None
        assert registered[name].callback.__module__ == f"watcher.cli.{module}"


def test_never_run_source_is_not_healthy(tmp_path: Path, http_server: ScriptedServer) -> None:
    config = config_file(tmp_path, ice_site(http_server))
    base = ["--config", str(config), "--db", str(tmp_path / "w.db")]
    result = CliRunner().invoke(cli, [*base, "status"])
    assert result.exit_code == 1
    assert "never run" in result.stdout and "NOT YET HEALTHY" in result.stdout
    result = CliRunner().invoke(cli, [*base, "status", "--json"])
    assert json.loads(result.stdout)["sources"][0]["state"] == "never run"
    assert CliRunner().invoke(cli, [*base, "run"]).exit_code == 0
    result = CliRunner().invoke(cli, [*base, "status", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sources"][0]["state"] == "ok"


def test_run_summary_says_all_or_some_in_words(tmp_path: Path, http_server: ScriptedServer) -> None:
    good = ice_site(http_server)
    bad = http_server.base + "/gone"  # 404
    db = ["--db", str(tmp_path / "w.db")]
    some = CliRunner().invoke(cli, ["--config", str(config_file(tmp_path, good, bad)), *db, "run"])
    assert some.exit_code == 1
    assert "s0: ok (0 new events)" in some.stdout
    assert "s1: FAILED" in some.stdout and "HTTP 404" in some.stdout
    assert "1 of 2 sources failed (s1); the others were processed" in some.stderr
    every = CliRunner().invoke(cli, ["--config", str(config_file(tmp_path, bad, bad)), *db, "run"])
    assert every.exit_code == 1
    assert "all 2 source(s) failed" in every.stderr
    assert "Report(" not in some.stdout + some.stderr
    assert http_server.hits("/gone") == 3  # one per failing source and run: a 404 is not retried


def test_logs_go_to_stderr_and_results_to_stdout(
    tmp_path: Path, http_server: ScriptedServer
) -> None:
    config = config_file(tmp_path, ice_site(http_server))
    done = subprocess.run(
        [sys.executable, "-m", "watcher", "--config", str(config), "--db", str(tmp_path / "w.db"),
         "run"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "s0: ok (0 new events)"
    assert "INFO watcher.runtime.pipeline: source=s0 status=ok" in done.stderr


def test_serve_runs_each_source_at_start_unless_told_not_to(tmp_path: Path) -> None:
    config = load_config(config_file(tmp_path, "https://example.org/a", "https://example.org/b"))
    before = dt.datetime.now(dt.UTC)
    scheduler = build_scheduler(config, tmp_path / "w.db", BackgroundScheduler(timezone="UTC"))
    scheduler.start(paused=True)
    try:
        for name in ("s0", "s1"):
            first = scheduler.get_job(f"source:{name}").next_run_time
            assert before <= first <= dt.datetime.now(dt.UTC)
    finally:
        scheduler.shutdown(wait=False)
    later = build_scheduler(
        config, tmp_path / "w.db", BackgroundScheduler(timezone="UTC"), initial_run=False
    )
    later.start(paused=True)
    try:
        first = later.get_job("source:s0").next_run_time
        assert first > dt.datetime.now(dt.UTC)  # the next 4-hourly slot
        assert first.minute == 0 and first.hour % 4 == 0
    finally:
        later.shutdown(wait=False)
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).stdout
    assert "--no-initial-run" in help_text


DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def test_systemd_units_need_no_user_or_folder_made_by_hand() -> None:
    units = {path.name: path.read_text() for path in (DEPLOY / "systemd").glob("*.service")}
    assert set(units) == {"watcher.service", "watcher-run.service", "watcher-web.service"}
    for name, text in units.items():
        assert "DynamicUser=yes" in text and "StateDirectory=watcher" in text, name
        assert "User=watcher" in text and "WATCHER_DB=/var/lib/watcher/watcher.db" in text
    assert "watcher web" in units["watcher-web.service"]
    for name, command in (("watcher.service", "serve"), ("watcher-run.service", "run")):
        assert f"/opt/watcher/venv/bin/watcher {command}" in units[name]


def test_crontab_line_does_what_its_comment_says() -> None:
    text = (DEPLOY / "cron" / "crontab").read_text()
    (line,) = [ln for ln in text.splitlines() if ln and not ln.startswith(("#", "MAILTO"))]
    assert line.startswith("7 */4 * * * ")  # "every four hours at minute 7"
    assert "--lock-wait 600" in line
    assert "2>&1" not in line and ">> /var/log/watcher/run.log" in line  # stderr mailed
    assert "mails them to MAILTO" in text
