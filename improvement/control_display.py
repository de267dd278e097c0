"""A measure's control charts, ready for `improvement/_control_chart.html`.

Geometry is computed here; the markup lives in the (autoescaped) template. Each student group
whose figures the reader may see gets one chart: a P chart when the measure is a percentage
with a numerator and denominator at every shown point, else an individuals (XmR) chart. Small
groups are suppressed for outsiders exactly as on the run charts, before any limit is
computed, so the limits cannot reveal a hidden figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .charts import GROUP_ORDER, TABLE_ROWS, fmt, group_cells, points_svg
from .controlchart import (
    MIN_BASELINE_POINTS,
    NEAR_LIMIT_SIGMA,
    SHIFT_LENGTH,
    TREND_LENGTH,
    ControlChartAnalysis,
    p_chart,
    xmr,
)
from .models import GROUP_LABELS, Measure

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 24, 44


@dataclass(frozen=True)
class ControlRow:
    date: date
    value: str
    lower: str
    centre: str
    upper: str
    rules: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    tip: str
    signal: bool

    @property
    def diamond(self) -> str:
        x, y = self.x, self.y
        return f"{x},{y - 6} {x + 6},{y} {x},{y + 6} {x - 6},{y}"


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class ControlFigure:
    key: str
    chart_id: str
    kind_label: str
    title: str
    desc: str
    rows: list[ControlRow]
    signals: list[str]
    dots: list[Dot]
    line: str  # the values' polyline
    upper_lines: list[str]  # polylines, one per phase, as "x,y x,y"
    lower_lines: list[str]
    centre_lines: list[str]
    ticks: list[Tick]
    date_labels: list[tuple[float, str, str]]  # x, anchor, text
    trial_limits: bool
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_width: int = WIDTH - LEFT - RIGHT
    plot_height: int = HEIGHT - TOP - BOTTOM

    @property
    def dots_svg(self) -> SafeString:
        return points_svg((d.x, d.y, d.tip, d.diamond if d.signal else "") for d in self.dots)

    @property
    def recent_rows(self) -> list[ControlRow]:
        """The data table's rows: the latest points, as on the run charts (every point is in
        the observations CSV)."""
        return self.rows[-TABLE_ROWS:]

    @property
    def earlier_row_count(self) -> int:
        return max(0, len(self.rows) - TABLE_ROWS)


def rules_text() -> list[str]:
    """The rules and thresholds, stated on the page as the issue asks."""
    return [
        _("A point outside the control limits (3 sigma from the centre line)."),
        _("A shift: %(n)d or more points in a row on one side of the centre line.")
        % {"n": SHIFT_LENGTH},
        _("A trend: %(n)d or more points in a row going up, or going down.") % {"n": TREND_LENGTH},
        _("Two of three points in a row beyond %(n)d sigma on the same side.")
        % {"n": NEAR_LIMIT_SIGMA},
        _("Limits from fewer than %(n)d baseline points are trial limits: read them with care.")
        % {"n": MIN_BASELINE_POINTS},
    ]


def _phase_starts(days: list[date], measure: Measure) -> list[int]:
    if not measure.baseline_restart_on:
        return []
    cut = next((i for i, d in enumerate(days) if d >= measure.baseline_restart_on), None)
    return [cut] if cut else []


def _analyse(points, measure: Measure, proportions: bool) -> ControlChartAnalysis:
    days = [p[0] for p in points]
    options = {
        "phase_starts": _phase_starts(days, measure),
        "baseline_points": measure.baseline_points,
        "direction": measure.direction or None,
    }
    if proportions:
        return p_chart([p[2] for p in points], [p[3] for p in points], **options)
    return xmr([p[1] for p in points], **options)


def _scale(lo: float, hi: float):
    span = (hi - lo) or 1.0
    plot_h = HEIGHT - TOP - BOTTOM
    return lambda v: round(TOP + (1 - (v - lo) / span) * plot_h, 1)


def _figure(measure: Measure, group: str, points) -> ControlFigure:
    unit = measure.unit
    proportions = unit == Measure.Unit.PERCENT and all(p[2] is not None and p[3] for p in points)
    analysis = _analyse(points, measure, proportions)
    scale = 100.0 if proportions else 1.0
    label = str(GROUP_LABELS.get(group, group))
    kind_label = _("P chart") if proportions else _("XmR (individuals) chart")
    title = _("%(measure)s: %(group)s, %(kind)s") % {
        "measure": measure.name,
        "group": label,
        "kind": kind_label,
    }
    shown = [(cp.value * scale, cp.lower * scale, cp.centre * scale, cp.upper * scale)
             for cp in analysis.points]  # fmt: skip
    lo = min(min(v, low) for v, low, _c, _u in shown)
    hi = max(max(v, up) for v, _l, _c, up in shown)
    pad = (hi - lo) * 0.08 or 1.0
    lo, hi = lo - pad, hi + pad
    y = _scale(lo, hi)
    count = len(points)
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / max(count - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + (i * step if count > 1 else plot_w / 2), 1)

    signal_rules: dict[int, list[str]] = {}
    for signal in analysis.signals:
        for i in range(signal.start, signal.end + 1):
            signal_rules.setdefault(i, []).append(signal.rule)
    names = {"outside": _("outside the limits"), "shift": _("shift"), "trend": _("trend"),
             "near_limit": _("2 of 3 near a limit")}  # fmt: skip
    rows, dots = [], []
    for i, ((day, *_rest), (value, low, centre, up)) in enumerate(zip(points, shown, strict=True)):
        rules = ", ".join(str(names[r]) for r in dict.fromkeys(signal_rules.get(i, [])))
        rows.append(ControlRow(day, fmt(value, unit), fmt(low, unit), fmt(centre, unit),
                               fmt(up, unit), rules))  # fmt: skip
        dots.append(Dot(x(i), y(value), f"{day.isoformat()}: {fmt(value, unit)}", bool(rules)))

    def phase_line(values: list[float], phase) -> str:
        return " ".join(f"{x(i)},{y(values[i])}" for i in range(phase.start, phase.end + 1))

    uppers = [u for _v, _l, _c, u in shown]
    lowers = [low for _v, low, _c, _u in shown]
    centres = [c for _v, _l, c, _u in shown]
    signals = [s.description for s in analysis.signals]
    desc = _(
        "%(count)d points for %(group)s from %(start)s to %(end)s; centre line %(centre)s, "
        "limits %(lower)s to %(upper)s."
    ) % {
        "count": count,
        "group": label,
        "start": points[0][0].isoformat(),
        "end": points[-1][0].isoformat(),
        "centre": fmt(centres[-1], unit),
        "lower": fmt(lowers[-1], unit),
        "upper": fmt(uppers[-1], unit),
    }
    desc += " " + (" ".join(signals) if signals else _("No special cause: common-cause variation."))
    return ControlFigure(
        key=group,
        chart_id=f"cc{measure.pk}-{group}",
        kind_label=kind_label,
        title=title,
        desc=desc,
        rows=rows,
        signals=signals,
        dots=dots,
        line=" ".join(f"{d.x},{d.y}" for d in dots),
        upper_lines=[phase_line(uppers, p) for p in analysis.phases],
        lower_lines=[phase_line(lowers, p) for p in analysis.phases],
        centre_lines=[phase_line(centres, p) for p in analysis.phases],
        ticks=[
            Tick(y(lo + (hi - lo) * k / 4), fmt(lo + (hi - lo) * k / 4, unit)) for k in range(5)
        ],  # fmt: skip
        date_labels=[
            (
                x(i),
                "start" if i == 0 else ("end" if i == count - 1 else "middle"),
                date_format(points[i][0], "YEAR_MONTH_FORMAT"),
            )
            for i in sorted({0, count // 2, count - 1})
        ],  # fmt: skip
        trial_limits=analysis.trial_limits,
    )


def build_control_charts(
    measure: Measure, observations: Iterable, *, insider: bool, cells: list | None = None
) -> list[ControlFigure]:
    """One control chart per student group with at least two points the reader may see.

    `cells`: the observations already through `group_cells` for this reader, if the page has
    them (the run charts of the same page).
    """
    observations = list(observations)
    counts = {(o.date, o.group): (o.numerator, o.denominator) for o in observations}
    series: dict[str, list[tuple]] = {}
    by_date = group_cells(observations, insider=insider) if cells is None else cells
    for day, day_cells in by_date:
        for group, cell in day_cells.items():
            if not cell.suppressed and cell.value is not None:
                numerator, denominator = counts.get((day, group), (None, None))
                series.setdefault(group, []).append((day, cell.value, numerator, denominator))
    return [
        _figure(measure, group, series[group])
        for group in sorted(series, key=lambda g: GROUP_ORDER.get(g, 99))
        if len(series[group]) >= 2
    ]
