"""Run charts drawn on the server as SVG, with the numbers behind them.

Why SVG from the server: no JavaScript (the CSP allows none inline, and the pages must work
without it), nothing fetched from elsewhere, a real text alternative (`role="img"`,
`<title>`, `<desc>` and a data table beside every chart), and printable. The geometry is
computed here (`run_chart_geometry`) and joined into markup with `format_html`, which escapes
every text (`svg_markup`; a template loop per point cost most of a page). Only presentation
attributes are used (fill, stroke): a `style` attribute would break the strict CSP.

Figures pass through `improvement.suppression` before they reach a chart or table whenever
the reader is not a member of the owning team.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
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


# The data table beside a chart lists the latest points; every point is in the CSV export, so a
# long series (years of weekly data by group) does not make the page heavy.
TABLE_ROWS = 20


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

    @property
    def recent_rows(self) -> list[Row]:
        return self.rows[-TABLE_ROWS:]

    @property
    def earlier_row_count(self) -> int:
        return max(0, len(self.rows) - TABLE_ROWS)

    @property
    def recent_rows_html(self) -> SafeString:
        """The data table's rows, joined with format_html (every value escaped; each date
        formatted once per language), as a template loop per row cost more than the chart."""
        language, yes = get_language(), _("yes")
        return format_html_join(
            "",
            "<tr><td>{}</td>{}<td>{}</td>{}<td>{}</td></tr>",
            (
                (
                    _short_date(row.date, language),
                    format_html_join("", "<td>{}</td>", ((e,) for e in row.extra)),
                    row.value,
                    "" if self.is_gap else format_html("<td>{}</td>", row.n),
                    yes if row.signal else "",
                )
                for row in self.recent_rows
            ),
        )


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


@functools.lru_cache(maxsize=4096)
def _short_date(day: date, language: str) -> str:
    """A point's date in the active language's short format (the same weeks recur on every
    group's chart: formatted once each)."""
    return date_format(day, "SHORT_DATE_FORMAT")


def run_chart_geometry(
    result: SeriesResult,
    *,
    unit: str,
    markers: Sequence[tuple[date, str]] = (),
    zero_line: bool = False,
    compact: bool = False,
) -> dict:
    """Where everything on a run chart goes: numbers and short texts, no markup.

    `compact` (the printable project, where nothing hovers): the ordinary points are one path
    of round dots instead of a circle with a tooltip each; signal points stay diamonds. The
    chart's data table carries the values.
    """
    points = result.points
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    frame = {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "top": TOP,
        "plot_w": plot_w,
        "plot_h": plot_h,
        "plot_right": WIDTH - RIGHT,
        "plot_bottom": TOP + plot_h,
        "center_x": WIDTH / 2,
        "center_y": HEIGHT / 2,
    }
    if not points:
        return {**frame, "empty": True}

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

    grid = []  # horizontal grid with value labels
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        grid.append({"y": y(v), "label_y": y(v) + 4, "label": fmt(v, unit)})
    date_labels = [  # kept inside the drawing
        {
            "x": x(i),
            "anchor": "start" if i == 0 else ("end" if i == count - 1 else "middle"),
            "text": date_format(points[i][0], "YEAR_MONTH_FORMAT"),
        }
        for i in sorted({0, count // 2, count - 1})
    ]
    cycle_markers = []  # PDSA cycle markers
    for day, label in markers:
        if day < points[0][0] or day > points[-1][0]:
            continue
        i = next(j for j, (d, _v) in enumerate(points) if d >= day)
        cycle_markers.append(
            {"x": x(i), "text_x": x(i) + 2, "label": label, "short": label.split(":")[0]}
        )
    median_lines = []  # solid over the baseline, dashed after it
    for seg in result.segments:
        m = seg.analysis.median
        if m is None:
            continue
        base_end = seg.start + (
            seg.analysis.baseline_end
            if seg.analysis.baseline_end is not None
            else seg.end - seg.start
        )
        median_lines.append(
            {
                "x1": x(seg.start),
                "x2": x(base_end),
                "y": y(m),
                "extended_x2": x(seg.end) if base_end < seg.end else None,
            }
        )
    xs = [x(i) for i in range(count)]
    ys = [y(v) for v in values]
    percent = "%" if unit == Measure.Unit.PERCENT else ""
    dots = []
    dot_path = []
    for i, (day, v) in enumerate(points):
        cx, cy = xs[i], ys[i]
        if compact and i not in result.signal_points:
            dot_path.append(f"M{cx},{cy}h0")
            continue
        dots.append(
            {
                "cx": cx,
                "cy": cy,
                # The active language's date and number formats (the template escapes them).
                "tip": f"{_short_date(day, get_language())}: {number_format(v, 1)}{percent}",
                # Diamonds: a signal is not shown by colour alone.
                "diamond": f"{cx},{cy - 6} {cx + 6},{cy} {cx},{cy + 6} {cx - 6},{cy}"
                if i in result.signal_points
                else "",
            }
        )
    return {
        **frame,
        "empty": False,
        "grid": grid,
        "zero_y": y(0) if zero_line and lo < 0 < hi else None,
        "date_labels": date_labels,
        "date_label_y": HEIGHT - BOTTOM + 16,
        "marker_text_y": TOP - 6,
        "markers": cycle_markers,
        "medians": median_lines,
        "polyline": " ".join(f"{cx},{cy}" for cx, cy in zip(xs, ys, strict=True)),
        "dots": dots,
        "dot_path": "".join(dot_path),
    }


def points_svg(points: Iterable[tuple[float, float, str, str]]) -> SafeString:
    """Chart points as (x, y, tooltip, diamond): a circle with its tooltip, or for a signal
    (diamond: the polygon's points) a diamond. Joined here with format_html (every value
    escaped), as a template loop over a hundred points cost more than the rest of the chart;
    run and control charts share it."""
    signal = _("signal")
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    '<polygon class="signal-point" points="{}" fill="#b3261e">'
                    "<title>{} ({})</title></polygon>",
                    diamond,
                    tip,
                    signal,
                )
                if diamond
                else format_html(
                    '<circle cx="{}" cy="{}" r="3.5" fill="#24508f"><title>{}</title></circle>',
                    x,
                    y,
                    tip,
                ),
            )
            for x, y, tip, diamond in points
        ),
    )


def _dots_svg(dots) -> SafeString:
    return points_svg((dot["cx"], dot["cy"], dot["tip"], dot["diamond"]) for dot in dots)


def _html(template: str, rows: Iterable[tuple]) -> SafeString:
    return format_html_join("", template, rows)


def svg_markup(g: dict, *, chart_id: str, title: str, desc: str) -> SafeString:
    """The run chart's SVG from its geometry (`run_chart_geometry`), joined with format_html:
    every text escaped, every number as Python writes it ("1.5" in any language, as SVG needs).
    Built here rather than in a template: the first drawing of a page's charts cost most of
    the page (the drawn markup is kept, see `chart_cache`)."""
    head = format_html(
        '<svg class="run-chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-labelledby="{}-t {}-d" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="#8a8f98" '
        'stroke-width="1"/>',
        g["width"], g["height"], g["width"], g["height"], chart_id, chart_id,
        chart_id, title, chart_id, desc,
        g["left"], g["top"], g["plot_w"], g["plot_h"],
    )  # fmt: skip
    if g["empty"]:
        body = format_html(
            '<text x="{}" y="{}" text-anchor="middle" fill="#444">{}</text>',
            g["center_x"], g["center_y"], _("No data yet"),
        )  # fmt: skip
        return format_html("{}{}</svg>", head, body)
    left, right = g["left"], g["plot_right"]
    parts = [
        _html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#e3e5e8"/><text x="{}" y="{}" '
            'text-anchor="end" font-size="11" fill="#3d4451">{}</text>',
            (
                (left, right, line["y"], line["y"], left - 6, line["label_y"], line["label"])
                for line in g["grid"]
            ),
        ),  # fmt: skip
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#3d4451"/>',
            left,
            right,
            g["zero_y"],
            g["zero_y"],
        )  # fmt: skip
        if g["zero_y"] is not None
        else "",
        _html(
            '<text x="{}" y="{}" text-anchor="{}" font-size="11" fill="#3d4451">{}</text>',
            (
                (label["x"], g["date_label_y"], label["anchor"], label["text"])
                for label in g["date_labels"]
            ),
        ),  # fmt: skip
        _html(
            '<g class="pdsa-marker"><title>{}</title><line x1="{}" x2="{}" y1="{}" y2="{}" '
            'stroke="#6b4fa0" stroke-dasharray="2 3"/><text x="{}" y="{}" font-size="10" '
            'fill="#4b3478">{}</text></g>',
            (
                (
                    m["label"],
                    m["x"],
                    m["x"],
                    g["top"],
                    g["plot_bottom"],
                    m["text_x"],
                    g["marker_text_y"],
                    m["short"],
                )
                for m in g["markers"]
            ),
        ),  # fmt: skip
        _html(
            '<line class="median" x1="{}" x2="{}" y1="{}" y2="{}" stroke="#1f6f43" '
            'stroke-width="2"/>{}',
            (
                (
                    m["x1"],
                    m["x2"],
                    m["y"],
                    m["y"],
                    format_html(
                        '<line class="median-extended" x1="{}" x2="{}" y1="{}" y2="{}" '
                        'stroke="#1f6f43" stroke-width="2" stroke-dasharray="6 4"/>',
                        m["x2"],
                        m["extended_x2"],
                        m["y"],
                        m["y"],
                    )
                    if m["extended_x2"] is not None
                    else "",
                )
                for m in g["medians"]
            ),
        ),  # fmt: skip
        format_html(
            '<polyline points="{}" fill="none" stroke="#24508f" stroke-width="1.5"/>',
            g["polyline"],
        ),
        format_html(
            '<path class="dots" d="{}" fill="none" stroke="#24508f" stroke-width="7" '
            'stroke-linecap="round"/>',
            g["dot_path"],
        )
        if g["dot_path"]
        else "",
        # The points: circles with a tooltip, diamonds for signals.
        _dots_svg(g["dots"]),
    ]
    return format_html("{}{}</svg>", head, _html("{}", ((part,) for part in parts)))


def render_svg(
    result: SeriesResult,
    *,
    chart_id: str,
    title: str,
    desc: str,
    unit: str,
    markers: Sequence[tuple[date, str]] = (),
    zero_line: bool = False,
    compact: bool = False,
) -> SafeString:
    """The run chart as SVG markup (`svg_markup`)."""
    geometry = run_chart_geometry(
        result, unit=unit, markers=markers, zero_line=zero_line, compact=compact
    )
    return svg_markup(geometry, chart_id=chart_id, title=title, desc=desc)


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
    cells: list[tuple[date, dict[str, Cell]]] | None = None,
    compact: bool = False,
    only: Collection[str] | None = None,
) -> list[Chart]:
    """Small multiples, one per student group, plus a gap chart (focal group minus ALL).

    `only`: the chart keys (groups, "gap") a page shows, or the first group's chart when none
    of them can be drawn; the others are not analysed or drawn at all.

    `cells`: the observations already through `group_cells` for this reader (a page that also
    draws control charts groups and suppresses them once). `compact`: see `run_chart_geometry`.
    """
    cells_by_date = group_cells(observations, insider=insider) if cells is None else cells
    present = {g for _d, cells in cells_by_date for g in cells}
    groups = sorted(set(measure.group_codes()) | present, key=lambda g: GROUP_ORDER.get(g, 99))
    unit = measure.unit
    charts: list[Chart] = []
    entries_by_group = {
        group: [(day, cells[group]) for day, cells in cells_by_date if group in cells]
        for group in groups
    }
    shown_by_group: dict[str, dict[date, float]] = {
        group: {day: cell.value for day, cell in entries if not cell.suppressed}
        for group, entries in entries_by_group.items()
    }
    has_gap = bool(
        focal and focal != "ALL" and shown_by_group.get(focal) and shown_by_group.get("ALL")
    )
    drawn = groups if only is None else [g for g in groups if g in only]
    if only is not None and not drawn and not (has_gap and "gap" in only):
        drawn = groups[:1]  # none of the wanted charts: the first group's
    for group in drawn:
        label = str(GROUP_LABELS.get(group, group))
        entries = entries_by_group[group]
        shown = [(day, cell.value) for day, cell in entries if not cell.suppressed]
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
        desc = _describe(label, result, unit)
        charts.append(
            Chart(
                key=group,
                title=title,
                desc=desc,
                svg=render_svg(
                    result,
                    chart_id=f"m{measure.pk}-{group}",
                    title=title,
                    desc=desc,
                    unit=unit,
                    markers=markers,
                    compact=compact,
                ),
                rows=rows,
                signals=result.signals,
                medians=[s.analysis.median for s in result.segments],
                enough_points=result.enough,
            )
        )
    if has_gap and (only is None or "gap" in only):
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
                    compact=compact,
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
