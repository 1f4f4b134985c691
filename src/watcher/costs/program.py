"""The program figures that apply to one agency: the rules of
:mod:`watcher.costs.reference` applied to its state, its kind (a sheriff's office or not), its
287(g) model and its county's 2020 population. At most three, each saying how it was worked
out; other states' terms and the brackets of other county sizes are left out."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from watcher.costs.reference import ReferenceFigure, reference_figures_for
from watcher.places import County

MAX_FIGURES = 3
_SHERIFF = re.compile(r"\bsheriff", re.IGNORECASE)
_AWARDS = "us-ice-287g-award-"
_TFM = "Task Force Model"


@dataclass(frozen=True)
class AgencyFigure:
    """A program term for this agency: ``computed`` says what it means for the agency,
    ``basis`` how that was worked out (the rule and the data used)."""

    figure: ReferenceFigure
    computed: str
    basis: str
    covers: tuple[str, ...] = ()  # shipped figures it stands for, when it combines several

    @property
    def figure_ids(self) -> tuple[str, ...]:
        return self.covers or (self.figure.id,)


def agency_figures(
    state: str, agency: str, model: str, county: County | None
) -> list[AgencyFigure]:
    """State programs first (they are this agency's own money), then ICE's terms for the
    model; no more than :data:`MAX_FIGURES`."""
    figures = reference_figures_for(state)
    found = [f for f in (_state_figure(f, agency, model, county) for f in figures) if f]
    found += _federal(figures, model)
    return found[:MAX_FIGURES]


def _applies_to(figure: ReferenceFigure, agency: str, model: str) -> bool:
    rule = figure.applies
    if not rule.agency_specific or (figure.uncertain and figure.secondary):
        return False
    if rule.agency == "sheriff" and not _SHERIFF.search(agency):
        return False
    return not rule.models or model in rule.models


def _state_figure(
    figure: ReferenceFigure, agency: str, model: str, county: County | None
) -> AgencyFigure | None:
    if figure.jurisdiction == "US" or not _applies_to(figure, agency, model):
        return None
    rule = figure.applies
    bracketed = rule.population_min is not None or rule.population_max is not None
    if not bracketed:
        return AgencyFigure(
            figure,
            computed=f"{agency}: {_money_text(figure)} {_unit(figure)} ({figure.description})",
            basis=f"{figure.program}: applies to every {figure.jurisdiction} agency with a "
            f"287(g) agreement{_sheriffs_only(figure)}",
        )
    if county is None or county.population is None:
        return None  # no bracket without the county's population: never a guess
    low, high = rule.population_min or 0, rule.population_max
    if county.population < low or (high is not None and county.population > high):
        return None
    return AgencyFigure(
        figure,
        computed=f"{county.name}, {county.population:,} people ({county.population_source}): "
        f"{_kind_word(figure)} of {_money_text(figure)}",
        basis=f"{figure.program}: the bracket {figure.conditions or ''}{_sheriffs_only(figure)}"
        f"; the county's population is the {county.population_source} count (U.S. Census "
        "Bureau)",
    )


def _federal(figures: list[ReferenceFigure], model: str) -> list[AgencyFigure]:
    terms = {f.id: f for f in figures if f.jurisdiction == "US"}
    out = []
    salary = terms.get("us-ice-287g-salary-benefits")
    if salary is not None:
        out.append(
            AgencyFigure(
                salary,
                computed=f"{model}: ICE reimburses {salary.percent}% of each eligible trained "
                "officer's annual salary and benefits",
                basis=f"{salary.program}, in force from {salary.effective_date or '?'} for "
                "every 287(g) model",
            )
        )
    tiers = sorted(
        (f for key, f in terms.items() if key.startswith(_AWARDS) and f.amount is not None),
        key=lambda f: f.amount or 0,
    )
    if model == _TFM and tiers:
        low, high = tiers[0], tiers[-1]
        steps = "; ".join(f"{f.conditions}: {_money_text(f)}" for f in reversed(tiers))
        awards = dataclasses.replace(
            high,
            id="us-ice-287g-awards",
            description="Quarterly award per eligible task force officer, by the share of "
            "ICE-provided targets located.",
            amount=None,
            amount_min=low.amount,
            amount_max=high.amount,
            conditions=steps,
        )
        out.append(
            AgencyFigure(
                awards,
                computed=f"{model}: {_money_text(low)} to {_money_text(high)} per task force "
                "officer per quarter, by the share of ICE-provided targets located",
                basis=f"{high.program}, for Task Force Model officers only ({steps})",
                covers=tuple(f.id for f in tiers),
            )
        )
    elif (overtime := terms.get("us-ice-287g-overtime-cap")) is not None:
        out.append(
            AgencyFigure(
                overtime,
                computed=f"{model}: overtime reimbursed up to {overtime.percent}% of each "
                "officer's annual salary",
                basis=f"{overtime.program}, in force from {overtime.effective_date or '?'}",
            )
        )
    return out


def _sheriffs_only(figure: ReferenceFigure) -> str:
    return " (sheriffs' offices only)" if figure.applies.agency == "sheriff" else ""


def _kind_word(figure: ReferenceFigure) -> str:
    return {"grant": "grant", "bonus": "bonus", "award": "award"}.get(figure.kind, "payment")


def _unit(figure: ReferenceFigure) -> str:
    return figure.unit.removeprefix("USD ").strip()


def _money_text(figure: ReferenceFigure) -> str:
    def money(value: object) -> str:
        return f"${value:,.0f}"

    if figure.amount is not None:
        return money(figure.amount)
    if figure.amount_min is not None and figure.amount_max is not None:
        return f"{money(figure.amount_min)} to {money(figure.amount_max)}"
    if figure.amount_max is not None:
        return f"up to {money(figure.amount_max)}"
    return f"{figure.percent}%"
