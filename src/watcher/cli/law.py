"""Commands for the legal side: a ready records-request letter, and requests tracked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from watcher.cli.base import UsageProblem, current_app, emit_json
from watcher.law import UnknownStateError, records_request_letter
from watcher.law.requests import (
    STATUSES,
    RequestError,
    add_request,
    list_requests,
    update_request,
)


def _date(value: str | None, option: str) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageProblem(f"{option} {value!r} is not a date such as 2026-12-01") from None


@click.command("records-request")
@click.option("--agency", help="The agency to write to (placeholders are used when omitted).")
@click.option("--state", required=True, help="Two-letter state code: whose records law applies.")
@click.option("--name", "requester", help="Your name, for the signature.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the letter to this file instead of printing it.",
)
@click.option("--force", is_flag=True, help="Replace --out if it is an existing regular file.")
def records_request(
    agency: str | None, state: str, requester: str | None, out: Path | None, force: bool
) -> None:
    """A plain-text public-records request for an agency's 287(g) costs, under its state's law."""
    try:
        letter = records_request_letter(
            agency=agency, state=state, requester_name=requester, today=dt.date.today()
        )
    except UnknownStateError as exc:
        raise UsageProblem(str(exc).strip("'\"")) from None
    if out is None:
        click.echo(letter)
        return
    from watcher.analyst.export import AnalystError, check_export_target, output_file

    app = current_app()
    try:
        # The same guards as `export --out`: never over the archive, a device or a link.
        check_export_target(out, app.db_file, force=force, private=app.private_file)
        with output_file(out) as handle:
            handle.write(letter)
    except AnalystError as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(f"wrote {out}")


@click.group()
def requests() -> None:
    """Public-records requests tracked to their statutory deadline."""


@requests.command("add")
@click.option("--agency", required=True)
@click.option("--state", required=True, help="Two-letter state code.")
@click.option("--sent", help="Date sent (default today), YYYY-MM-DD.")
@click.option("--notes")
@click.option("--json", "as_json", is_flag=True)
def requests_add(
    agency: str, state: str, sent: str | None, notes: str | None, as_json: bool
) -> None:
    """Record a request you sent; its statutory due date is computed."""
    try:
        record = add_request(
            current_app().open_db(),
            state=state,
            agency=agency,
            sent=_date(sent, "--sent"),
            notes=notes,
        )
    except RequestError as exc:
        raise UsageProblem(str(exc)) from None
    if as_json:
        emit_json(record)
        return
    due = record["due_date"] or "no fixed deadline"
    click.echo(
        f"request #{record['id']}: {record['agency']} ({record['state']}), "
        f"sent {record['sent_date']}, due {due}"
    )
    click.echo(f"  {record['due_explanation']}")


@requests.command("list")
@click.option("--json", "as_json", is_flag=True)
def requests_list(as_json: bool) -> None:
    """Every request, with days past the statutory deadline."""
    records = list_requests(current_app().open_db())
    if as_json:
        emit_json(records)
        return
    for r in records:
        late = f", {r['days_overdue']} day(s) OVERDUE" if r["days_overdue"] else ""
        click.echo(
            f"#{r['id']} {r['agency']} ({r['state']}) sent {r['sent_date']}, due "
            f"{r['due_date'] or 'no fixed deadline'}, {r['status']}{late}"
        )


@requests.command("update")
@click.argument("request_id", type=int)
@click.option("--status", type=click.Choice(STATUSES))
@click.option(
    "--document", "documents", multiple=True, help="A response document (URL or path); repeatable."
)
@click.option("--notes")
def requests_update(
    request_id: int, status: str | None, documents: tuple[str, ...], notes: str | None
) -> None:
    """Record a response: new status, response documents, notes."""
    try:
        record = update_request(
            current_app().open_db(),
            request_id,
            status=status,
            add_documents=list(documents),
            notes=notes,
        )
    except RequestError as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(
        f"request #{record['id']}: {record['status']}, "
        f"{len(record['response_documents'])} response document(s)"
    )


def register(group: click.Group) -> None:
    group.add_command(records_request)
    group.add_command(requests)
