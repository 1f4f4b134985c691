"""How an alert says things to a reader: the first paragraph, the place, the model, the few
program-level figures worth a line each. Pure functions on the payload's plain data."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from watcher.i18n import N_, gettext_for
from watcher.states import STATE_NAMES

MAX_PROGRAM_LINES = 3
Gettext = Callable[[str], str]
# The names Spanish writes differently; the others are the same in both languages.
_SPANISH_NAMES = (
    N_("District of Columbia"), N_("Hawaii"), N_("Louisiana"), N_("Mississippi"),
    N_("New Hampshire"), N_("New Jersey"), N_("New Mexico"), N_("New York"),
    N_("North Carolina"), N_("North Dakota"), N_("Pennsylvania"), N_("South Carolina"),
    N_("South Dakota"), N_("West Virginia"), N_("U.S. Virgin Islands"), N_("American Samoa"),
    N_("Northern Mariana Islands"),
)  # fmt: skip


def state_name(code: str, lang: str = "en") -> str:
    """The state's name ("Texas"; "Nuevo México" in Spanish) from the one state table; the
    code itself when it names no state or territory we know."""
    code = (code or "").strip().upper()
    name = STATE_NAMES.get(code)
    return gettext_for(lang)(name) if name else code


def state_label(code: str, lang: str = "en") -> str:
    """The name people know with the code lists and feeds use: "Texas (TX)"."""
    name = state_name(code, lang)
    return f"{name} ({code})" if name and name != code else code


def model_phrase(model: str, lang: str = "en") -> str:
    """The model as a phrase: "the Task Force Model", "the Warrant Service Officer model"."""
    _ = gettext_for(lang)
    model = " ".join((model or "").split())
    if not model:
        return _("the 287(g) program")
    if model.lower().endswith(("model", "program")):
        return _("the {model}").format(model=model)
    return _("the {model} model").format(model=model)


def place(county: str, state: str, agency: str = "", lang: str = "en") -> str:
    """The county and the state ("Galveston County, Texas"); the state alone when no county is
    known or the agency's name already says it."""
    county = " ".join((county or "").split())
    name = state_name(state, lang)
    if county and not county.lower().endswith(("county", "parish", "borough")):
        county += " County"
    if county and county.lower() in agency.lower():
        county = ""
    return ", ".join(part for part in (county, name) if part)


def _plain(text: object) -> str:
    return " ".join(str(text or "").split()).rstrip(". ")


def _value(item: Mapping[str, Any]) -> float | None:
    for key in ("amount", "amount_max", "amount_min"):
        value = item.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def _rank(item: Mapping[str, Any], state: str) -> tuple[int, int]:
    # The state's own programs first, then federal terms; figures only reported second-hand
    # (a county official quoted in the press) after those a program document states.
    return (0 if item.get("jurisdiction") == state else 1, 1 if item.get("secondary") else 0)


def program_lines(
    references: Sequence[Mapping[str, Any]], state: str, money: Any, _: Gettext = str
) -> list[dict[str, Any]]:
    """At most three one-line program-level figures, most specific to the state first.

    Tiers of one program (awards by result, grants by county size) become one line with their
    range. Each line has ``text``, ``url`` (a web link or None) and ``source_date``."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for item in references:
        key = (str(item.get("program") or item.get("description") or ""), str(item.get("unit")))
        groups.setdefault(key, []).append(item)
    ordered = sorted(groups.values(), key=lambda items: _rank(items[0], state))
    lines = []
    for items in ordered[:MAX_PROGRAM_LINES]:
        first = items[0]
        unit = _plain(first.get("unit"))
        computed = _plain(first.get("computed"))
        short = ""
        if computed:
            # The figure worked out for this agency (its county's size, its model): the line
            # says what it means here, then the program it comes from.
            program = _plain(first.get("program")).split(" (")[0]
            text = f"{computed} ({program})" if program else computed
            short = computed
        elif len(items) == 1:
            value = _value(first)
            amount = str(first.get("amount_text") or (money(value) if value is not None else ""))
            text = _plain(first.get("description"))
            if amount and amount not in text:
                figure = amount + (f" {unit}" if unit and not amount.endswith(unit) else "")
                program = _plain(first.get("program"))
                # Whichever says it in fewer words: the description with the figure added,
                # or the program's name with the figure.
                options = [f"{text}: {figure}"] + ([f"{program}: {figure}"] if program else [])
                text = min(options, key=len)
        else:
            values = sorted(v for v in (_value(item) for item in items) if v is not None)
            text = _plain(first.get("program"))
            if values:
                text += _(": {low} to {high} {unit}, by tier").format(
                    low=money(values[0]), high=money(values[-1]), unit=unit
                )
        lines.append(
            {
                "text": text,
                "short_text": short or text,  # for the plain-text list, where space is short
                "id": str(first.get("id") or ""),
                "url": _web_url(first.get("source_url")),
                "source_date": first.get("source_date") or "",
                "secondary": bool(first.get("secondary")),
            }
        )
    return lines


def _web_url(value: object) -> str | None:
    text = str(value or "").strip()
    return text if re.match(r"https?://[^\s<>\"]+$", text, re.IGNORECASE) else None


def lead_figure(
    costs: Sequence[Mapping[str, Any]], programs: Sequence[Mapping[str, Any]], _: Gettext = str
) -> str:
    """The one figure for the first paragraph: the local one, else the closest program term."""
    if costs:
        cost = costs[0]
        details = ", ".join(
            str(part) for part in (cost.get("kind"), cost.get("fiscal_year")) if part
        )
        amount = cost.get("amount") or _("an amount")
        figure = f"{amount} ({details})" if details else str(amount)
        return _("Local figure on file: {figure}.").format(figure=figure)
    if programs:
        return _("No local cost figure yet; closest program figure: {figure}.").format(
            figure=programs[0]["text"]
        )
    return _("No local cost figure yet.")
