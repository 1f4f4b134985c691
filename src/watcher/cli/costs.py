"""`watcher costs`: the 287(g) cost figures found in county documents."""

from __future__ import annotations

from typing import Any

import click

from watcher.cli.base import AppContext, current_app, emit_json

KINDS = ("cost", "revenue", "reimbursement", "grant", "per_diem", "net", "unknown")
COLUMNS = ("id", "state", "county", "agency", "amount", "kind", "fiscal_year", "period",
           "sentence", "url", "page", "doc_date", "seen_in", "first_seen_at", "amount_high",
           "hedge", "unit", "fiscal_text", "place", "note")  # fmt: skip


def query_costs(
    app: AppContext, state: str | None, county: str | None, kind: str | None
) -> list[dict[str, Any]]:
    where: list[str] = ["1 = 1"]
    params: list[str] = []
    if state:
        where.append("state = ?")
        params.append(state.strip().upper())
    if county:
        where.append("(county = ? COLLATE NOCASE OR county || ' County' = ? COLLATE NOCASE)")
        params += [county.strip(), county.strip()]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    rows = app.open_db().execute(
        f"SELECT {', '.join(COLUMNS)} FROM cost_figures WHERE {' AND '.join(where)} "
        "ORDER BY state, county, doc_date, id",
        params,
    )
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


@click.command()
@click.option("--state", help="Two-letter state code.")
@click.option("--county", help="County name (with or without 'County').")
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def costs(state: str | None, county: str | None, kind: str | None, as_json: bool) -> None:
    """287(g) cost figures from county budgets and agendas, with where each was found."""
    figures = query_costs(current_app(), state, county, kind)
    if as_json:
        emit_json(figures)
        return
    for f in figures:
        where = f"{f['county']} County, {f['state']}" if f["county"] else f["state"]
        if f["place"]:
            where = f"{f['place']} (named in a {f['state']} document)"
        page = f", page {f['page']}" if f["page"] else ""
        period = " ".join(p for p in (f["fiscal_year"], f["period"]) if p)
        click.echo(
            f"{_amount(f)} {f['kind']}{' ' + period if period else ''} - {where} "
            f"({f['doc_date'] or 'undated'}{page})"
        )
        click.echo(f"    {f['sentence'][:200]}")
        click.echo(f"    {f['url']}")


def _amount(figure: dict[str, Any]) -> str:
    text = f"${figure['amount']:,.2f}"
    if figure["amount_high"] is not None:
        text += f" to ${figure['amount_high']:,.2f}"
    if figure["unit"]:
        text += f" per {figure['unit']}"
    return f"{figure['hedge']} {text}" if figure["hedge"] else text


def register(group: click.Group) -> None:
    group.add_command(costs)
