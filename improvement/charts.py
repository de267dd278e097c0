"""Run charts drawn on the server as SVG, with the numbers behind them.

Why SVG from Python: no JavaScript (the CSP allows none inline, and the pages must work
without it), nothing fetched from elsewhere, a real text alternative (`role="img"`,
`<title>`, `<desc>` and a data table beside every chart), fast (plain string building) and
printable. Only presentation attributes are used (fill, stroke): a `style` attribute would
break the strict CSP.

Figures pass through `improvement.suppression` before they reach a chart or table whenever
the reader is not a member of the owning team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import GROUP_LABELS, Measure, StudentGroup
from .runchart import RunChartAnalysis, analyse, gap_series
from .suppression import Cell, suppress

GROUP_ORDER = {code: i for i, code in enumerate(StudentGroup.values)}
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 24, 44
SIGNAL_RULES_WITH_POINTS = {"shift", "trend", "long_run"}


@dataclass
class Row:
    date: date
    value: str
    n: str
    signal: bool = False
    suppressed: bool = False
    extra: tuple[str, ...] = ()


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    svg: SafeString
    rows: list[Row]
    signals: list[str]
    medians: list[float]
    enough_points: bool
    is_gap: bool = False
    extra_headers: tuple[str, ...] = ()


@dataclass
class Segment:
    start: int  # index into the shown points
    end: int
    analysis: RunChartAnalysis


@dataclass
class SeriesResult:
    points: list[tuple[date, float]]
    segments: list[Segment] = field(default_factory=list)
    signal_points: set[int] = field(default_factory=set)
    signals: list[str] = field(default_factory=list)

    @property
    def enough(self) -> bool:
        return any(s.analysis.enough_points for s in self.segments)


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    return text + ("%" if unit == Measure.Unit.PERCENT else "")


# --- analysis ------------------------------------------------------------------------------------


def analyse_series(points: Sequence[tuple[date, float]], measure: Measure) -> SeriesResult:
    """Run the measure's rules on shown points, split at a restarted baseline."""
    result = SeriesResult(points=list(points))
    if not points:
        return result
    cut = len(points)
    if measure.baseline_restart_on:
        cut = next((i for i, (d, _v) in enumerate(points) if d >= measure.baseline_restart_on), cut)
    bounds = [(0, cut), (cut, len(points))] if 0 < cut < len(points) else [(0, len(points))]
    for start, end in bounds:
        analysis = analyse(
            [v for _d, v in points[start:end]],
            rules=measure.rules,
            baseline_points=measure.baseline_points,
            direction=measure.direction or None,
        )
        result.segments.append(Segment(start, end - 1, analysis))
        for signal in analysis.signals:
            result.signals.append(signal.description)
            if signal.rule in SIGNAL_RULES_WITH_POINTS:
                result.signal_points.update(range(start + signal.start, start + signal.end + 1))
    return result


def group_cells(observations: Iterable, *, insider: bool) -> list[tuple[date, dict[str, Cell]]]:
    """Observations as (date, {group: Cell}), suppressed unless the reader is an insider."""
    by_date: dict[date, dict[str, tuple[int | None, float | None]]] = defaultdict(dict)
    for obs in observations:
        by_date[obs.date][obs.group] = (obs.n, obs.value)
    ordered = sorted(by_date.items())
    if insider:
        return [
            (day, {g: Cell(g, n, v, False, "") for g, (n, v) in cells.items()})
            for day, cells in ordered
        ]
    return [(day, suppress_groups(cells)) for day, cells in ordered]


RACE_GROUPS = ("AA", "AI", "AS", "FI", "HI", "PI", "WH", "MR")


def suppress_groups(cells) -> dict[str, Cell]:
    """`suppression.suppress` for one date's (or one indicator's) student groups.

    Race/ethnicity groups are mutually exclusive, so they are the partition that
    complementary suppression protects against subtraction from ALL; EL, SED, SWD, FOS,
    HOM and LTEL overlap, so subtracting them from ALL reveals no one group and they get
    primary suppression only.
    """
    total = "ALL" if "ALL" in cells else None
    partition = [g for g in RACE_GROUPS if g in cells] if total else None
    return suppress(cells, total_key=total, partition=partition)


def current_signal(cells_by_date, measure: Measure) -> bool:
    """Does any group's series show a signal that reaches one of its last three points?"""
    series: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for day, cells in cells_by_date:
        for group, cell in cells.items():
            if not cell.suppressed:
                series[group].append((day, cell.value))
    for points in series.values():
        result = analyse_series(points, measure)
        if result.signal_points and max(result.signal_points) >= len(points) - 3:
            return True
    return False


# --- drawing -------------------------------------------------------------------------------------


def _scale(lo: float, hi: float, size: float, offset: float, invert: bool):
    span = (hi - lo) or 1.0

    def to(v: float) -> float:
        ratio = (v - lo) / span
        return round(offset + (1 - ratio if invert else ratio) * size, 1)

    return to


def render_svg(
    result: SeriesResult,
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit: str,
    markers: Sequence[tuple[date, str]] = (),
    zero_line: bool = False,
) -> SafeString:
    points = result.points
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg class="run-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#ffffff" '
        f'stroke="#8a8f98" stroke-width="1"/>',
    ]
    if not points:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#444">'
            f"{escape(_('No data yet'))}</text></svg>"
        )
        return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)

    values = [v for _d, v in points]
    medians = [s.analysis.median for s in result.segments if s.analysis.median is not None]
    lo, hi = (
        min(values + medians + ([0.0] if zero_line else [])),
        max(values + medians + ([0.0] if zero_line else [])),
    )
    pad = (hi - lo) * 0.08 or 1.0
    lo, hi = lo - pad, hi + pad
    y = _scale(lo, hi, plot_h, TOP, invert=True)
    count = len(points)
    step = plot_w / max(count - 1, 1)

    def x(i: int) -> float:
        return round(LEFT + (i * step if count > 1 else plot_w / 2), 1)

    for k in range(5):  # horizontal grid with value labels
        v = lo + (hi - lo) * k / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(v)}" y2="{y(v)}" stroke="#e3e5e8"/>'
            f'<text x="{LEFT - 6}" y="{y(v) + 4}" text-anchor="end" font-size="11" '
            f'fill="#3d4451">{escape(fmt(v, unit))}</text>'
        )
    if zero_line and lo < 0 < hi:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0)}" y2="{y(0)}" stroke="#3d4451"/>'
        )
    for i in sorted({0, count // 2, count - 1}):  # date labels, kept inside the drawing
        anchor = "start" if i == 0 else ("end" if i == count - 1 else "middle")
        parts.append(
            f'<text x="{x(i)}" y="{HEIGHT - BOTTOM + 16}" text-anchor="{anchor}" font-size="11" '
            f'fill="#3d4451">{points[i][0]:%b %Y}</text>'
        )
    first_day = points[0][0]
    for day, label in markers:  # PDSA cycle markers
        if day < first_day or day > points[-1][0]:
            continue
        i = next(j for j, (d, _v) in enumerate(points) if d >= day)
        parts.append(
            f'<g class="pdsa-marker"><title>{escape(label)}</title>'
            f'<line x1="{x(i)}" x2="{x(i)}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#6b4fa0" '
            f'stroke-dasharray="2 3"/>'
            f'<text x="{x(i) + 2}" y="{TOP - 6}" font-size="10" fill="#4b3478">'
            f"{escape(label.split(':')[0])}</text></g>"
        )
    for seg in result.segments:  # median lines: solid over the baseline, dashed after it
        m = seg.analysis.median
        if m is None:
            continue
        base_end = seg.start + (
            seg.analysis.baseline_end
            if seg.analysis.baseline_end is not None
            else seg.end - seg.start
        )
        parts.append(
            f'<line class="median" x1="{x(seg.start)}" x2="{x(base_end)}" y1="{y(m)}" '
            f'y2="{y(m)}" stroke="#1f6f43" stroke-width="2"/>'
        )
        if base_end < seg.end:
            parts.append(
                f'<line class="median-extended" x1="{x(base_end)}" x2="{x(seg.end)}" '
                f'y1="{y(m)}" y2="{y(m)}" stroke="#1f6f43" stroke-width="2" '
                f'stroke-dasharray="6 4"/>'
            )
    xs = [x(i) for i in range(count)]
    ys = [y(v) for v in values]
    coords = " ".join(f"{cx},{cy}" for cx, cy in zip(xs, ys, strict=True))
    parts.append(f'<polyline points="{coords}" fill="none" stroke="#24508f" stroke-width="1.5"/>')
    signal_word = escape(_("signal"))
    signal_points = result.signal_points
    percent = "%" if unit == Measure.Unit.PERCENT else ""
    for i, (day, v) in enumerate(points):
        cx, cy = xs[i], ys[i]
        # The active language's date and number formats (month names are escaped too).
        tip = escape(f"{date_format(day, 'SHORT_DATE_FORMAT')}: {number_format(v, 1)}{percent}")
        if i in signal_points:  # diamonds: a signal is not shown by colour alone
            parts.append(
                f'<polygon class="signal-point" points="{cx},{cy - 6} {cx + 6},{cy} {cx},{cy + 6} '
                f'{cx - 6},{cy}" fill="#b3261e"><title>{tip} ({signal_word})</title></polygon>'
            )
        else:
            parts.append(
                f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="#24508f"><title>{tip}</title></circle>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)


# --- building a measure's charts -----------------------------------------------------------------


def _describe(label: str, result: SeriesResult, unit: str) -> str:
    if not result.points:
        return _("No points yet for %(group)s.") % {"group": label}
    medians = ", ".join(fmt(s.analysis.median, unit) for s in result.segments)
    text = _("%(count)s points for %(group)s from %(start)s to %(end)s; median %(median)s.") % {
        "count": len(result.points),
        "group": label,
        "start": result.points[0][0].isoformat(),
        "end": result.points[-1][0].isoformat(),
        "median": medians,
    }
    if not result.enough:
        return text + " " + _("Too few useful points for rule signals (10 needed).")
    if result.signals:
        return text + " " + " ".join(result.signals)
    return text + " " + _("No signal: the variation looks random.")


def build_measure_charts(
    measure: Measure,
    observations: Iterable,
    *,
    insider: bool,
    focal: str | None = None,
    markers: Sequence[tuple[date, str]] = (),
) -> list[Chart]:
    """Small multiples, one per student group, plus a gap chart (focal group minus ALL)."""
    cells_by_date = group_cells(observations, insider=insider)
    present = {g for _d, cells in cells_by_date for g in cells}
    groups = sorted(set(measure.group_codes()) | present, key=lambda g: GROUP_ORDER.get(g, 99))
    unit = measure.unit
    charts: list[Chart] = []
    shown_by_group: dict[str, dict[date, float]] = {}
    for group in groups:
        label = str(GROUP_LABELS.get(group, group))
        entries = [(day, cells[group]) for day, cells in cells_by_date if group in cells]
        shown = [(day, cell.value) for day, cell in entries if not cell.suppressed]
        shown_by_group[group] = dict(shown)
        result = analyse_series(shown, measure)
        shown_index = {day: i for i, (day, _v) in enumerate(shown)}
        rows = []
        for day, cell in entries:
            if cell.suppressed:
                hidden = _(cell.label)
                rows.append(Row(day, hidden, hidden, suppressed=True))
            else:
                rows.append(
                    Row(
                        day,
                        fmt(cell.value, unit),
                        "" if cell.n is None else str(cell.n),
                        signal=shown_index[day] in result.signal_points,
                    )
                )
        title = _("%(measure)s: %(group)s") % {"measure": measure.name, "group": label}
        charts.append(
            Chart(
                key=group,
                title=title,
                desc=_describe(label, result, unit),
                svg=render_svg(
                    result,
                    chart_id=f"m{measure.pk}-{group}",
                    title=title,
                    desc=_describe(label, result, unit),
                    unit=unit,
                    markers=markers,
                ),
                rows=rows,
                signals=result.signals,
                medians=[s.analysis.median for s in result.segments],
                enough_points=result.enough,
            )
        )
    if focal and focal != "ALL" and shown_by_group.get(focal) and shown_by_group.get("ALL"):
        gap = gap_series(shown_by_group[focal], shown_by_group["ALL"])
        result = analyse_series(gap, measure)
        focal_label = str(GROUP_LABELS.get(focal, focal))
        title = _("%(measure)s: gap, %(group)s minus all students") % {
            "measure": measure.name,
            "group": focal_label,
        }
        desc = _describe(_("the gap"), result, "")
        charts.append(
            Chart(
                key="gap",
                title=title,
                desc=desc,
                svg=render_svg(
                    result,
                    chart_id=f"m{measure.pk}-gap",
                    title=title,
                    desc=desc,
                    unit="",
                    markers=markers,
                    zero_line=True,
                ),
                rows=[
                    Row(
                        day,
                        fmt(v, ""),
                        "",
                        signal=i in result.signal_points,
                        extra=(
                            fmt(shown_by_group[focal][day], unit),
                            fmt(shown_by_group["ALL"][day], unit),
                        ),
                    )
                    for i, (day, v) in enumerate(gap)
                ],
                signals=result.signals,
                medians=[s.analysis.median for s in result.segments],
                enough_points=result.enough,
                is_gap=True,
                extra_headers=(focal_label, str(GROUP_LABELS["ALL"])),
            )
        )
    return charts
