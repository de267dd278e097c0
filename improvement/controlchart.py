"""Control charts (Shewhart): XmR (individuals) and P charts with the IHI/NAHQ special-cause rules.

Pure Python, like the run-chart rules in `runchart.py`, so the arithmetic is tested against
published worked examples without a database.

Limits (shared reference ``quality-improvement.md`` section 4, qicharts2 and NHS "Making Data
Count"):

- XmR: centre = mean of the baseline values; sigma = mean moving range / 1.128, so the limits
  are centre ± 2.66 × mean moving range;
- P chart: centre = total numerator / total denominator of the baseline; each point has its own
  sigma, sqrt(p(1 − p) / n), and limits centre ± 3 sigma clipped to 0 and 1.

The baseline is the first ``baseline_points`` points of a phase (all of them when not given).
A marked process change starts a new phase whose limits are computed from its own baseline; a
rule never looks across a phase boundary.

Special-cause rules (IHI/NAHQ control-chart rules, Perla, Provost & Murray 2011; the same
thresholds as Life QI):

1. ``outside``: one point outside the control limits;
2. ``shift``: 8 or more consecutive points on one side of the centre line (a point on the line
   neither adds to nor breaks the run);
3. ``trend``: 6 or more consecutive points going steadily up or down (ties are skipped, as on
   the run chart);
4. ``near_limit``: 2 of 3 consecutive points in the outer third, beyond 2 sigma, on one side.

Limits from fewer than ``MIN_BASELINE_POINTS`` points are *trial* limits, and the page says so.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .runchart import Direction, Signal, side_runs, trend_stretches

ChartKind = Literal["xmr", "p"]

SIGMA_LIMIT = 3
NEAR_LIMIT_SIGMA = 2
D2 = 1.128  # bias constant of the moving range of two points: sigma = mean moving range / d2
SHIFT_LENGTH = 8
TREND_LENGTH = 6
NEAR_LIMIT_OF = (2, 3)  # 2 of 3 consecutive points
MIN_BASELINE_POINTS = 12


@dataclass(frozen=True)
class ControlPoint:
    value: float
    centre: float
    lower: float
    upper: float
    sigma: float
    phase: int


@dataclass(frozen=True)
class Phase:
    """Points `start`..`end` (inclusive); limits come from `start`..`baseline_end`."""

    start: int
    end: int
    baseline_end: int
    centre: float
    mean_moving_range: float | None  # XmR only

    @property
    def baseline_size(self) -> int:
        return self.baseline_end - self.start + 1

    @property
    def trial_limits(self) -> bool:
        return self.baseline_size < MIN_BASELINE_POINTS


@dataclass(frozen=True)
class ControlChartAnalysis:
    kind: ChartKind
    points: list[ControlPoint]
    phases: list[Phase]
    signals: list[Signal]

    @property
    def trial_limits(self) -> bool:
        return any(phase.trial_limits for phase in self.phases)

    def signals_at(self, index: int) -> list[Signal]:
        return [s for s in self.signals if s.start <= index <= s.end]


# --- phases and limits -----------------------------------------------------------------------


def _phase_bounds(count: int, phase_starts: Sequence[int]) -> list[tuple[int, int]]:
    starts = sorted({0, *(s for s in phase_starts if 0 < s < count)})
    ends = [*(s - 1 for s in starts[1:]), count - 1]
    return list(zip(starts, ends, strict=True))


def _baseline_end(start: int, end: int, baseline_points: int | None) -> int:
    if not baseline_points or baseline_points < 1:
        return end
    return min(end, start + baseline_points - 1)


def mean_moving_range(values: Sequence[float]) -> float:
    if len(values) < 2:
        return 0.0
    ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    return sum(ranges) / len(ranges)


def xmr(
    values: Sequence[float],
    *,
    phase_starts: Sequence[int] = (),
    baseline_points: int | None = None,
    direction: Direction | None = None,
) -> ControlChartAnalysis:
    """An individuals (XmR) chart of `values` in time order."""
    points: list[ControlPoint] = []
    phases: list[Phase] = []
    for number, (start, end) in enumerate(_phase_bounds(len(values), phase_starts)):
        baseline_end = _baseline_end(start, end, baseline_points)
        baseline = values[start : baseline_end + 1]
        centre = sum(baseline) / len(baseline)
        mr_bar = mean_moving_range(baseline)
        sigma = mr_bar / D2
        phases.append(Phase(start, end, baseline_end, centre, mr_bar))
        for value in values[start : end + 1]:
            points.append(
                ControlPoint(
                    float(value),
                    centre,
                    centre - SIGMA_LIMIT * sigma,
                    centre + SIGMA_LIMIT * sigma,
                    sigma,
                    number,
                )
            )
    return ControlChartAnalysis("xmr", points, phases, _signals(points, phases, direction))


def p_chart(
    numerators: Sequence[int],
    denominators: Sequence[int],
    *,
    phase_starts: Sequence[int] = (),
    baseline_points: int | None = None,
    direction: Direction | None = None,
) -> ControlChartAnalysis:
    """A P chart of the proportions numerator/denominator (every denominator above 0)."""
    if len(numerators) != len(denominators):
        raise ValueError("numerators and denominators differ in length")
    if any(d <= 0 for d in denominators):
        raise ValueError("a P chart needs a denominator above 0 at every point")
    points: list[ControlPoint] = []
    phases: list[Phase] = []
    for number, (start, end) in enumerate(_phase_bounds(len(numerators), phase_starts)):
        baseline_end = _baseline_end(start, end, baseline_points)
        centre = sum(numerators[start : baseline_end + 1]) / sum(
            denominators[start : baseline_end + 1]
        )
        phases.append(Phase(start, end, baseline_end, centre, None))
        for numerator, denominator in zip(
            numerators[start : end + 1], denominators[start : end + 1], strict=True
        ):
            sigma = math.sqrt(centre * (1 - centre) / denominator)
            points.append(
                ControlPoint(
                    numerator / denominator,
                    centre,
                    max(0.0, centre - SIGMA_LIMIT * sigma),
                    min(1.0, centre + SIGMA_LIMIT * sigma),
                    sigma,
                    number,
                )
            )
    return ControlChartAnalysis("p", points, phases, _signals(points, phases, direction))


# --- rules -----------------------------------------------------------------------------------


def _label(rising: bool, direction: Direction | None) -> str:
    if direction is None:
        return ""
    return _(" (improvement)") if rising == (direction == "up") else _(" (deterioration)")


def _side(point: ControlPoint) -> int:
    return (point.value > point.centre) - (point.value < point.centre)


def _outside(points: Sequence[ControlPoint], offset: int, direction) -> Iterator[Signal]:
    for index, point in enumerate(points, start=offset):
        if point.value > point.upper or point.value < point.lower:
            above = point.value > point.upper
            where = _("above the upper limit") if above else _("below the lower limit")
            yield Signal(
                "outside",
                index,
                index,
                _("Point outside the limits: %(where)s%(label)s.")
                % {"where": where, "label": _label(above, direction)},
            )


def _shifts(points: Sequence[ControlPoint], offset: int, direction) -> Iterator[Signal]:
    # A point on the centre line (side 0) neither adds to nor breaks the run, as on run charts.
    for run in side_runs([_side(point) for point in points]):
        if run.length >= SHIFT_LENGTH:
            yield Signal(
                "shift",
                run.start + offset,
                run.end + offset,
                ngettext(
                    "Shift: %(count)d point in a row %(where)s the centre line%(label)s.",
                    "Shift: %(count)d points in a row %(where)s the centre line%(label)s.",
                    run.length,
                )
                % {
                    "count": run.length,
                    "where": _("above") if run.side > 0 else _("below"),
                    "label": _label(run.side > 0, direction),
                },
            )


def _trends(points: Sequence[ControlPoint], offset: int, direction) -> Iterator[Signal]:
    for start, end, count, rising in trend_stretches([p.value for p in points]):
        if count >= TREND_LENGTH:
            yield Signal(
                "trend",
                start + offset,
                end + offset,
                ngettext(
                    "Trend: %(count)d point in a row going %(way)s%(label)s.",
                    "Trend: %(count)d points in a row going %(way)s%(label)s.",
                    count,
                )
                % {
                    "count": count,
                    "way": _("up") if rising else _("down"),
                    "label": _label(rising, direction),
                },
            )


def _near_limit(points: Sequence[ControlPoint], offset: int, direction) -> Iterator[Signal]:
    hits, window = NEAR_LIMIT_OF
    reported_until = -1
    for first in range(len(points) - window + 1):
        group = points[first : first + window]
        for side in (1, -1):
            near = [
                first + i
                for i, p in enumerate(group)
                if p.sigma > 0 and side * (p.value - p.centre) > NEAR_LIMIT_SIGMA * p.sigma
            ]
            if len(near) >= hits and near[-1] > reported_until:
                reported_until = near[-1]
                yield Signal(
                    "near_limit",
                    near[0] + offset,
                    near[-1] + offset,
                    _("Two of three points near the %(limit)s limit (beyond 2 sigma)%(label)s.")
                    % {
                        "limit": _("upper") if side > 0 else _("lower"),
                        "label": _label(side > 0, direction),
                    },
                )


def _signals(
    points: Sequence[ControlPoint], phases: Sequence[Phase], direction: Direction | None
) -> list[Signal]:
    signals: list[Signal] = []
    for phase in phases:
        chunk = points[phase.start : phase.end + 1]
        for rule in (_outside, _shifts, _trends, _near_limit):
            signals.extend(rule(chunk, phase.start, direction))
    return sorted(signals, key=lambda s: (s.start, s.end, s.rule))
