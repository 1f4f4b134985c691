"""Active agreements per model over time: monthly counts from the archive, drawn as SVG on the
server (readable without JavaScript; the same numbers go in a table beside it)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlite_utils
from markupsafe import Markup, escape

MAX_MONTHS = 60
# Dark enough for 4.5:1 on white; the dash patterns keep the lines apart without colour.
PALETTE = ("#1f4e9c", "#a33a00", "#1b6e3a", "#6b2c91", "#7a5c00", "#333333")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4")
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 36, 16, 40


@dataclass(frozen=True)
class Series:
    months: list[str]  # "2025-07"
    models: list[str]
    counts: dict[str, list[int]]  # model -> one count per month

    def rows(self) -> list[tuple[str, list[int]]]:
        return [
            (m, [self.counts[model][i] for model in self.models]) for i, m in enumerate(self.months)
        ]


def _month_end(year: int, month: int) -> str:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{last:02d}T23:59:59+00:00"


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months[-MAX_MONTHS:]


def monthly_active(db: sqlite_utils.Database, state: str, *, today: date | None = None) -> Series:
    """Participating agreements active at each month's end, per support model.

    Active at a month's end: first seen on or before it, and not ended by then.
    """
    rows = db.execute(
        "SELECT support_type, first_seen_at, ended_at FROM agreements "
        "WHERE state = ? AND list_kind = 'participating'",
        [state],
    ).fetchall()
    if not rows:
        return Series([], [], {})
    today = today or datetime.now(UTC).date()
    first = min(date.fromisoformat(row[1][:10]) for row in rows)
    models = sorted({row[0] or "Unknown model" for row in rows})
    # Up to ICE's latest list, not today: months after it are not known to be flat.
    latest = db.execute(
        "SELECT MAX(as_of) FROM publications WHERE list_kind = 'participating' "
        "AND status != 'rejected'"
    ).fetchone()[0]
    last = min(today, date.fromisoformat(latest[:10])) if latest else today
    months = _months(first, max(first, last))
    counts = {model: [0] * len(months) for model in models}
    for model, seen, ended in rows:
        for index, (year, month) in enumerate(months):
            end = _month_end(year, month)
            # Stamps are ISO text in UTC; comparing the first 19 characters is comparing times.
            if seen[:19] <= end[:19] and (ended is None or ended[:19] > end[:19]):
                counts[model or "Unknown model"][index] += 1
    labels = [f"{year:04d}-{month:02d}" for year, month in months]
    return Series(labels, models, counts)


def _nice_max(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return step * 4
    return value


def svg_chart(series: Series, *, title: str) -> Markup:
    """An accessible line chart: role=img, <title> and <desc>, axis labels, a legend."""
    count = len(series.months)
    peak = _nice_max(max((max(c) for c in series.counts.values()), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: int) -> float:
        return TOP + plot_h - plot_h * v / peak

    latest = ", ".join(f"{m}: {series.counts[m][-1]}" for m in series.models) or "none"
    desc = (
        f"Monthly counts from {series.months[0]} to {series.months[-1]}. Latest month: {latest}."
        if count
        else "No participating agreements are on file."
    )
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
    ]
    for tick in range(5):
        value = peak * tick // 4
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" '
            f'y2="{y(value):.1f}"/><text class="tick" x="{LEFT - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{value}</text>'
        )
    parts.append(
        f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>'
    )
    step = max(1, -(-count // 7))
    for i in range(0, count, step):
        parts.append(
            f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" '
            f'text-anchor="middle">{escape(series.months[i])}</text>'
        )
    for n, model in enumerate(series.models):
        colour, dash = PALETTE[n % len(PALETTE)], DASHES[n % len(DASHES)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(series.counts[model]))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"{dash_attr} '
            f'points="{points}"><title>{escape(model)}</title></polyline>'
        )
        # A mark on every month, so a single month (a line of one point) still shows.
        parts.extend(
            f'<circle class="point" cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}">'
            f"<title>{escape(model)}, {escape(series.months[i])}: {v}</title></circle>"
            for i, v in enumerate(series.counts[model])
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def legend(series: Series) -> list[dict[str, str]]:
    """Colour and dash per model, for the HTML legend under the chart."""
    return [
        {"model": m, "colour": PALETTE[n % len(PALETTE)], "dash": DASHES[n % len(DASHES)]}
        for n, m in enumerate(series.models)
    ]


def legend_swatch(colour: str, dash: str) -> Markup:
    dash_attr = f' stroke-dasharray="{escape(dash)}"' if dash else ""
    return Markup(
        '<svg class="swatch" width="36" height="12" aria-hidden="true" focusable="false">'
        f'<line x1="0" y1="6" x2="36" y2="6" stroke="{escape(colour)}" stroke-width="3"'
        f"{dash_attr}/></svg>"
    )
