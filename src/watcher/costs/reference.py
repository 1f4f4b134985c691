"""Program-level 287(g) money (federal reimbursement terms, state grants), shipped as data.

These are what a program pays in general, for alerts about a jurisdiction with no local
figure. They are kept apart from :class:`watcher.costs.extract.CostFigure` (what one county's
own document says) so an alert can show both without mixing them. Every entry carries its
source URL and date; the loader refuses entries that do not.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, Literal

RefKind = Literal["reimbursement", "award", "grant", "bonus"]
_KINDS = ("reimbursement", "award", "grant", "bonus")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_JURISDICTION = re.compile(r"^[A-Z]{2}$")
_REQUIRED = ("id", "program", "jurisdiction", "kind", "description", "unit", "source_url")


class ReferenceDataError(ValueError):
    """The reference data file is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class Applies:
    """Which agreements a program term concerns. ``agency``: "sheriff" = sheriffs' offices only;
    ``models``: the 287(g) models (empty = all); ``population_min``/``population_max``: the
    county population bracket; ``agency_specific`` False = a statewide total or a locally
    reported amount, never an agency's own figure."""

    agency: str | None = None
    models: tuple[str, ...] = ()
    population_min: int | None = None
    population_max: int | None = None
    agency_specific: bool = True


@dataclass(frozen=True)
class ReferenceFigure:
    """One program term. Exactly one of ``amount``, (``amount_min``/``amount_max``: a range,
    or "up to" when only the max is set) and ``percent`` is given; ``unit`` says per what.
    Dates are ISO strings as precise as the source is ("2025-10-01", "2026-01", "2024")."""

    id: str
    program: str
    jurisdiction: str  # "US" for federal terms, else a state code
    kind: RefKind
    description: str
    unit: str
    source_url: str
    source_date: str
    effective_date: str | None = None
    amount: Decimal | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    percent: Decimal | None = None
    conditions: str | None = None
    secondary: bool = False
    uncertain: bool = False
    note: str | None = None
    applies: Applies = Applies()


def reference_figures_for(state: str) -> list[ReferenceFigure]:
    """The federal terms plus those of ``state`` (a two-letter code, any case)."""
    code = state.strip().upper()
    if not _JURISDICTION.match(code):
        raise ValueError(f"not a two-letter state code: {state!r}")
    return [f for f in _shipped() if f.jurisdiction in ("US", code)]


@functools.cache
def _shipped() -> tuple[ReferenceFigure, ...]:
    raw = resources.files("watcher").joinpath("data/reference_figures.json").read_text("utf-8")
    return tuple(load_reference_figures(raw))


def load_reference_figures(raw: str) -> list[ReferenceFigure]:
    """Parse and validate a reference data file's text."""
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReferenceDataError(f"reference figures: not JSON: {exc}") from exc
    entries = doc.get("figures") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ReferenceDataError("reference figures: no 'figures' list")
    out: list[ReferenceFigure] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        figure = _figure(entry, position)
        if figure.id in seen:
            raise ReferenceDataError(f"reference figure {figure.id}: duplicate id")
        seen.add(figure.id)
        out.append(figure)
    return out


def _figure(entry: Any, position: int) -> ReferenceFigure:
    if not isinstance(entry, dict):
        raise ReferenceDataError(f"reference figure #{position}: not an object")
    name = str(entry.get("id") or f"#{position}")

    def fail(message: str) -> ReferenceDataError:
        return ReferenceDataError(f"reference figure {name}: {message}")

    for key in _REQUIRED:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise fail(f"missing or empty {key!r}")
    if not _JURISDICTION.match(entry["jurisdiction"]):
        raise fail(f"jurisdiction {entry['jurisdiction']!r} is not US or a state code")
    if entry["kind"] not in _KINDS:
        raise fail(f"kind {entry['kind']!r} is not one of {', '.join(_KINDS)}")
    if not re.match(r"^https?://\S+$", entry["source_url"]):
        raise fail("source_url is not an http(s) URL")
    source_date = _date_text(entry.get("source_date"), fail, "source_date", required=True)
    numbers = {k: _decimal(entry.get(k), fail, k) for k in _NUMBER_KEYS}
    given = [k for k in ("amount", "percent") if numbers[k] is not None]
    if numbers["amount_min"] is not None or numbers["amount_max"] is not None:
        given.append("range")
    if len(given) != 1:
        raise fail("needs exactly one of amount, amount_min/amount_max, percent")
    low, high = numbers["amount_min"], numbers["amount_max"]
    if low is not None and high is not None and low > high:
        raise fail("amount_min is above amount_max")
    return ReferenceFigure(
        id=entry["id"],
        program=entry["program"],
        jurisdiction=entry["jurisdiction"],
        kind=entry["kind"],
        description=entry["description"],
        unit=entry["unit"],
        source_url=entry["source_url"],
        source_date=source_date or "",
        effective_date=_date_text(entry.get("effective_date"), fail, "effective_date"),
        conditions=entry.get("conditions"),
        secondary=bool(entry.get("secondary", False)),
        uncertain=bool(entry.get("uncertain", False)),
        note=entry.get("note"),
        applies=_applies(entry.get("applies"), fail),
        **numbers,
    )


def _applies(value: Any, fail: Any) -> Applies:
    if value is None:
        return Applies()
    if not isinstance(value, dict) or set(value) - _APPLIES_KEYS:
        raise fail(f"applies must be an object with keys among {sorted(_APPLIES_KEYS)}")
    agency, models = value.get("agency"), value.get("models", [])
    if agency not in (None, "sheriff"):
        raise fail(f"applies.agency {agency!r} is not 'sheriff'")
    if not isinstance(models, list) or not all(m in _MODELS for m in models):
        raise fail(f"applies.models must list models among {', '.join(_MODELS)}")
    bounds = [value.get("population_min"), value.get("population_max")]
    if any(b is not None and (not isinstance(b, int) or b < 0) for b in bounds):
        raise fail("applies.population_min/max must be non-negative integers")
    return Applies(
        agency=agency,
        models=tuple(models),
        population_min=bounds[0],
        population_max=bounds[1],
        agency_specific=bool(value.get("agency_specific", True)),
    )


_APPLIES_KEYS = {"agency", "models", "population_min", "population_max", "agency_specific"}
_MODELS = ("Jail Enforcement Model", "Task Force Model", "Warrant Service Officer")


_NUMBER_KEYS = ("amount", "amount_min", "amount_max", "percent")


def _date_text(value: Any, fail: Any, key: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        raise fail(f"{key} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise fail(f"{key} {value!r} is not a date") from exc
    return value


def _decimal(value: Any, fail: Any, key: str) -> Decimal | None:
    if value is None:
        return None
    # Strings, not JSON floats: money must not pass through binary floating point.
    if not isinstance(value, str):
        raise fail(f'{key} must be a decimal string such as "7500", not {value!r}')
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise fail(f"{key} {value!r} is not a number") from exc
    if not number.is_finite() or number < 0:
        raise fail(f"{key} {value!r} must be a non-negative number")
    return number
