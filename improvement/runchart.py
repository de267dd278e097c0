"""Run-chart analysis: the median centre line and the IHI and Anhøj signal rules.

Pure Python (standard library only) so the rules can be tested without Django.

Source: shared reference ``quality-improvement.md`` section 4. ``n`` is always the number of
*useful observations*, meaning points not on the median.

IHI rules (Perla, Provost & Murray 2011):

- shift: 6 or more consecutive points all above or all below the median; points on the
  median neither count nor break the run;
- trend: 5 or more consecutive points all going up or all going down; of tied consecutive
  values only the first counts, so a tie neither makes nor breaks a trend;
- too few or too many runs: runs = crossings + 1, compared with the Swed–Eisenhart table
  ``IHI_RUNS_LIMITS`` (indexed by n);
- astronomical point: not implemented, because the rule has no numeric threshold.

Anhøj rules (qicharts2 ``runs.analysis()``; Anhøj & Olesen 2014):

- unusually long run: the longest run is longer than ``round(log2(n)) + 3``;
- too few crossings: crossings < ``qbinom(0.05, n - 1, 0.5)``;
- no trend rule (the paper found it "virtually useless").

Signals are reported only from ``MIN_USEFUL_POINTS`` (10) useful observations on, following
the reference's advice never to show rule signals on fewer than about 10–12 points.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Literal

RuleSet = Literal["ihi", "anhoej"]
Direction = Literal["up", "down"]

MIN_USEFUL_POINTS = 10
IHI_SHIFT_LENGTH = 6
IHI_TREND_LENGTH = 5
# Both tails together: a random series falls outside the runs limits at most 5% of the time.
RUNS_TABLE_ALPHA = Fraction(5, 100)
ANHOEJ_CROSSINGS_QUANTILE = Fraction(5, 100)

# IHI too-few / too-many runs table: n -> (lower, upper). Fewer runs than `lower` or more
# than `upper` is a signal. The reference names the Swed–Eisenhart probability table but
# prints only one row; these rows are the exact Swed–Eisenhart critical values for an even
# split of n useful points around the median (n // 2 on one side), with at most 2.5% in each
# tail. They are kept as data so they can be read against printed tables; the tests re-derive
# every row independently. Beyond n = 60 the same values are computed by
# `swed_eisenhart_limits`.
IHI_RUNS_LIMITS: Mapping[int, tuple[int, int]] = {
    10: (3, 9),
    11: (4, 9),
    12: (4, 10),
    13: (4, 11),
    14: (4, 12),
    15: (5, 12),
    16: (5, 13),
    17: (6, 13),
    18: (6, 14),
    19: (6, 15),
    20: (7, 15),
    21: (7, 16),
    22: (8, 16),
    23: (8, 17),
    24: (8, 18),
    25: (9, 18),
    26: (9, 19),
    27: (10, 19),
    28: (10, 20),
    29: (10, 21),
    30: (11, 21),
    31: (11, 22),
    32: (12, 22),
    33: (12, 23),
    34: (12, 24),
    35: (13, 24),
    36: (13, 25),
    37: (14, 25),
    38: (14, 26),
    39: (14, 26),
    40: (15, 27),
    41: (15, 28),
    42: (16, 28),
    43: (16, 29),
    44: (17, 29),
    45: (17, 30),
    46: (17, 31),
    47: (18, 31),
    48: (18, 32),
    49: (19, 32),
    50: (19, 33),
    51: (20, 33),
    52: (20, 34),
    53: (20, 35),
    54: (21, 35),
    55: (21, 36),
    56: (22, 36),
    57: (22, 37),
    58: (23, 37),
    59: (23, 38),
    60: (24, 38),
}


@dataclass(frozen=True)
class Signal:
    """One rule firing. `start` and `end` index the analysed points, both inclusive."""

    rule: str
    start: int
    end: int
    description: str


@dataclass(frozen=True)
class RunChartAnalysis:
    median: float | None
    baseline_end: int | None
    useful_points: int
    runs: int | None
    signals: list[Signal]
    enough_points: bool


@dataclass(frozen=True)
class _Run:
    """A run of useful points on one side of the median (side is +1 above, -1 below)."""

    side: int
    start: int
    end: int
    length: int


# --- centre line ---------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    """Median of `values`; the mean of the two middle values when their count is even."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _sides(values: Sequence[float], centre: float) -> list[int]:
    # 0 marks a point on the median: it is not a useful observation.
    return [(value > centre) - (value < centre) for value in values]


def side_runs(sides: Sequence[int]) -> list[_Run]:
    """Runs of useful points; points on the median are skipped, so they never break a run."""
    runs: list[_Run] = []
    for index, side in enumerate(sides):
        if side == 0:
            continue
        if runs and runs[-1].side == side:
            last = runs[-1]
            runs[-1] = _Run(side, last.start, index, last.length + 1)
        else:
            runs.append(_Run(side, index, index, 1))
    return runs


# --- thresholds ----------------------------------------------------------------------------


def _runs_distribution(above: int, below: int) -> dict[int, int]:
    """Number of arrangements of `above` and `below` points giving each number of runs.

    Standard Swed–Eisenhart counts: an even number of runs 2k splits both sides into k
    blocks (two ways to start); an odd number 2k + 1 gives one side k + 1 blocks.
    """
    counts: dict[int, int] = {}
    for runs in range(2, above + below + 1):
        k, odd = divmod(runs, 2)
        if odd:
            ways = math.comb(above - 1, k) * math.comb(below - 1, k - 1) + math.comb(
                above - 1, k - 1
            ) * math.comb(below - 1, k)
        else:
            ways = 2 * math.comb(above - 1, k - 1) * math.comb(below - 1, k - 1)
        if ways:
            counts[runs] = ways
    return counts


@cache
def swed_eisenhart_limits(n: int) -> tuple[int, int]:
    """(lower, upper) runs limits for `n` useful points split evenly around the median.

    Fewer than `lower` or more than `upper` runs has probability at most 2.5% each under
    random variation (5% in all, ``RUNS_TABLE_ALPHA``).
    """
    if n < 2:
        raise ValueError("runs limits need at least 2 useful points")
    above = n // 2
    counts = _runs_distribution(above, n - above)
    total = math.comb(n, above)
    tail = RUNS_TABLE_ALPHA / 2
    lower = _first_beyond_tail(sorted(counts), counts, total, tail)
    upper = _first_beyond_tail(sorted(counts, reverse=True), counts, total, tail)
    return lower, upper


def _first_beyond_tail(order: list[int], counts: dict[int, int], total: int, tail: Fraction) -> int:
    # Walk in from one end: the first runs count whose cumulative probability exceeds the
    # tail is the first value that is not a signal.
    cumulative = 0
    for runs in order:
        cumulative += counts[runs]
        if Fraction(cumulative, total) > tail:
            return runs
    raise AssertionError("a probability distribution must sum to 1")


def ihi_runs_limits(n: int) -> tuple[int, int]:
    """IHI table lookup: (lower, upper) expected number of runs for `n` useful points."""
    return IHI_RUNS_LIMITS.get(n) or swed_eisenhart_limits(n)


def binomial_quantile(p: Fraction, size: int, prob: Fraction = Fraction(1, 2)) -> int:
    """R's ``qbinom(p, size, prob)``: the smallest x with P(X <= x) >= p, computed exactly."""
    if size < 0 or not 0 <= p <= 1 or not 0 <= prob <= 1:
        raise ValueError("invalid binomial quantile arguments")
    cumulative = Fraction(0)
    for x in range(size + 1):
        cumulative += math.comb(size, x) * prob**x * (1 - prob) ** (size - x)
        if cumulative >= p:
            return x
    return size


def anhoej_longest_run_limit(n: int) -> int:
    """Longest run allowed for `n` useful points: round(log2(n)) + 3 (Schilling 2012)."""
    # log2 of an integer is never exactly k + 0.5, so Python's and R's rounding agree.
    return round(math.log2(n)) + 3


def anhoej_min_crossings(n: int) -> int:
    """Fewest crossings expected for `n` useful points: qbinom(0.05, n - 1, 0.5) (Chen 2010)."""
    return binomial_quantile(ANHOEJ_CROSSINGS_QUANTILE, n - 1)


# --- rules ---------------------------------------------------------------------------------


def _label(rising: bool, direction: Direction | None) -> str:
    """' (improvement)' / ' (deterioration)' when the team said which way is better."""
    if direction is None:
        return ""
    return " (improvement)" if rising == (direction == "up") else " (deterioration)"


def _side_word(side: int) -> str:
    return "above" if side > 0 else "below"


def _shift_signals(runs: Sequence[_Run], direction: Direction | None) -> Iterator[Signal]:
    for run in runs:
        if run.length >= IHI_SHIFT_LENGTH:
            yield Signal(
                "shift",
                run.start,
                run.end,
                f"Shift: {run.length} points in a row {_side_word(run.side)} the median"
                f"{_label(run.side > 0, direction)}.",
            )


def trend_stretches(values: Sequence[float]) -> Iterator[tuple[int, int, int, bool]]:
    """Each stretch of points going one way: (first index, last index, points counted, rising).

    Of tied consecutive values only the first counts, so a tie neither makes nor breaks a
    stretch. The point where the direction turns ends one stretch and starts the next.
    """
    kept = [i for i in range(len(values)) if i == 0 or values[i] != values[i - 1]]
    start = 0  # position in `kept` where the current monotone stretch begins
    for pos in range(1, len(kept) + 1):
        stretch_ends = pos == len(kept) or (
            pos >= start + 2
            and (values[kept[pos]] > values[kept[pos - 1]])
            != (values[kept[pos - 1]] > values[kept[pos - 2]])
        )
        if not stretch_ends:
            continue
        if pos - start >= 2:
            rising = values[kept[pos - 1]] > values[kept[start]]
            yield kept[start], kept[pos - 1], pos - start, rising
        start = pos - 1


def _trend_signals(values: Sequence[float], direction: Direction | None) -> Iterator[Signal]:
    for start, end, points, rising in trend_stretches(values):
        if points >= IHI_TREND_LENGTH:
            yield Signal(
                "trend",
                start,
                end,
                f"Trend: {points} points in a row going {'up' if rising else 'down'}"
                f"{_label(rising, direction)}.",
            )


def _ihi_runs_signal(runs: int, n: int, last: int) -> Signal | None:
    lower, upper = ihi_runs_limits(n)
    if runs < lower:
        return Signal(
            "too_few_runs",
            0,
            last,
            f"Too few runs: {runs} runs, fewer than the {lower} expected for {n} useful points.",
        )
    if runs > upper:
        return Signal(
            "too_many_runs",
            0,
            last,
            f"Too many runs: {runs} runs, more than the {upper} expected for {n} useful points.",
        )
    return None


def _ihi_signals(
    values: Sequence[float], runs: list[_Run], n: int, direction: Direction | None
) -> list[Signal]:
    signals = [*_shift_signals(runs, direction), *_trend_signals(values, direction)]
    runs_signal = _ihi_runs_signal(len(runs), n, len(values) - 1)
    if runs_signal:
        signals.append(runs_signal)
    return signals


def _anhoej_signals(
    runs: list[_Run], n: int, last: int, direction: Direction | None
) -> list[Signal]:
    limit = anhoej_longest_run_limit(n)
    signals = [
        Signal(
            "long_run",
            run.start,
            run.end,
            f"Unusually long run: {run.length} points in a row {_side_word(run.side)} the "
            f"median, more than the limit of {limit} for {n} useful points"
            f"{_label(run.side > 0, direction)}.",
        )
        for run in runs
        if run.length > limit
    ]
    crossings = len(runs) - 1
    minimum = anhoej_min_crossings(n)
    if crossings < minimum:
        signals.append(
            Signal(
                "few_crossings",
                0,
                last,
                f"Too few crossings: the line crosses the median {crossings} times, fewer "
                f"than the {minimum} expected for {n} useful points.",
            )
        )
    return signals


# --- entry points --------------------------------------------------------------------------


def analyse(
    values: Sequence[float],
    *,
    rules: RuleSet = "ihi",
    baseline_points: int | None = None,
    direction: Direction | None = None,
) -> RunChartAnalysis:
    """Analyse a run chart with the IHI (default) or Anhøj rules.

    The median comes from the first `baseline_points` points (a frozen baseline) or, without
    one, from every point. A baseline longer than the series uses every point until enough
    points arrive. Rules are applied to the whole series against that median. `direction`
    ("up" or "down": which way is better) only labels signals as improvement or
    deterioration. Missing values must be dropped by the caller: NaN has no side.
    """
    if rules not in ("ihi", "anhoej"):
        raise ValueError(f"unknown rule set {rules!r}")
    if direction not in ("up", "down", None):
        raise ValueError(f"unknown direction {direction!r}")
    if baseline_points is not None and baseline_points < 1:
        raise ValueError("baseline_points must be at least 1")
    if any(not math.isfinite(value) for value in values):
        raise ValueError("run-chart values must be finite numbers")
    if not values:
        return RunChartAnalysis(None, None, 0, None, [], False)

    baseline_end = None if baseline_points is None else min(baseline_points, len(values)) - 1
    centre = median(values if baseline_end is None else values[: baseline_end + 1])
    runs = side_runs(_sides(values, centre))
    useful = sum(run.length for run in runs)
    enough = useful >= MIN_USEFUL_POINTS

    signals: list[Signal] = []
    if enough and rules == "ihi":
        signals = _ihi_signals(values, runs, useful, direction)
    elif enough:
        signals = _anhoej_signals(runs, useful, len(values) - 1, direction)
    signals.sort(key=lambda signal: (signal.start, signal.end, signal.rule))
    return RunChartAnalysis(
        median=centre,
        baseline_end=baseline_end,
        useful_points=useful,
        runs=len(runs) if runs else None,
        signals=signals,
        enough_points=enough,
    )


def gap_series(
    focal: Mapping[date, float], reference: Mapping[date, float]
) -> list[tuple[date, float]]:
    """Focal group minus reference group on every date both have, oldest first.

    Charting the gap (rather than two lines) lets the run-chart rules ask whether an equity
    gap is closing.
    """
    return [(day, focal[day] - reference[day]) for day in sorted(focal.keys() & reference.keys())]
