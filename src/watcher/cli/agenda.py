"""``watcher agenda``: 287(g) items found on county meeting agendas."""

from __future__ import annotations

import re
from typing import Any

import click

from watcher.cli.base import UsageProblem, current_app, emit_json


@click.command()
@click.option("--state", help="Two-letter state code.")
@click.option("--upcoming", is_flag=True, help="Only meetings from today on (not cancelled).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def agenda(state: str | None, upcoming: bool, as_json: bool) -> None:
    """287(g) agenda items: body, meeting date, item, document and page, figures, vote."""
    from watcher.documents.meetings import agenda_events

    if state is not None and not re.fullmatch(r"[A-Za-z]{2}", state.strip()):
        raise UsageProblem(f"--state {state!r} is not a two-letter state code such as TX")
    items = agenda_events(
        current_app().open_db(), state=state.strip() if state else None, upcoming=upcoming
    )
    if as_json:
        emit_json(items)
        return
    if not items:
        click.echo(
            "No 287(g) agenda items on file" + (" for upcoming meetings." if upcoming else ".")
        )
        return
    for item in items:
        click.echo(_line(item))


def _line(item: dict[str, Any]) -> str:
    when = item["meeting_date"] + (" (upcoming)" if item["upcoming"] else "")
    number = f" item {item['item_number']}" if item["item_number"] else ""
    place = f"{item['county']} County, {item['state']}" if item["county"] else item["state"]
    lines = [f"{when}  {place}  {item['body']}{number}: {item['title']}"]
    for document in item["documents"]:
        page = f", page {document['page']}" if document["page"] else ""
        lines.append(f"    {document['kind']}: {document['url']}{page}")
    for figure in item["cost_figures"][:3]:
        lines.append(f"    ${figure['amount']:,.0f} {figure['kind']}: {figure['sentence'][:120]}")
    if item["vote"]:
        lines.append(f"    vote: {item['vote']}")
    return "\n".join(lines)


def register(group: click.Group) -> None:
    group.add_command(agenda)
