"""Run-chart rules: worked examples with answers fixed by hand or by the reference document."""

import itertools
import math
from datetime import date
from fractions import Fraction
from functools import cache

import pytest

from improvement.runchart import (
    IHI_RUNS_LIMITS,
    MIN_USEFUL_POINTS,
    Signal,
    analyse,
    anhoej_longest_run_limit,
    anhoej_min_crossings,
    binomial_quantile,
    gap_series,
    ihi_runs_limits,
    median,
)

# Ten baseline points: median 5, eight runs (the last one below), no shift, no trend.
BASELINE = [9.0, 8.0, 1.0, 2.0, 9.0, 1.0, 8.0, 2.0, 9.0, 1.0]


def spans(values, **kwargs):
    return [(s.rule, s.start, s.end) for s in analyse(values, **kwargs).signals]


def from_runs(*lengths):
    """+1 / -1 points in runs of the given lengths, starting above (constant values: no trend)."""
    return [1.0 if i % 2 == 0 else -1.0 for i, length in enumerate(lengths) for _ in range(length)]


# --- median ---------------------------------------------------------------------------------


def test_median_odd_and_even():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert median([7]) == 7


def test_median_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        median([])


def test_baseline_freezes_the_median():
    values = [1.0, 2.0, 3.0, 4.0, 5.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0]
    frozen = analyse(values, baseline_points=5)
    assert frozen.median == 3.0
    assert frozen.baseline_end == 4
    free = analyse(values)
    assert free.median == 50.0
    assert free.baseline_end is None


def test_baseline_longer_than_the_series_uses_every_point():
    result = analyse([1.0, 2.0, 3.0], baseline_points=12)
    assert result.median == 2.0
    assert result.baseline_end == 2


def test_frozen_baseline_lets_later_points_shift():
    values = BASELINE + [6.0, 8.0, 7.0, 6.5, 8.0, 7.0]
    # The median of all 16 points is 7, which hides the shift; the frozen median 5 shows it.
    assert ("shift", 10, 15) in spans(values, baseline_points=10)
    assert not any(rule == "shift" for rule, _, _ in spans(values))


# --- shift ------------------------------------------------------------------------------------


def test_shift_of_exactly_six_is_a_signal():
    values = BASELINE + [6.0, 8.0, 7.0, 6.5, 8.0, 7.0]
    assert spans(values, baseline_points=10) == [("shift", 10, 15)]


def test_run_of_five_is_not_a_shift():
    values = BASELINE + [6.0, 8.0, 7.0, 6.5, 8.0, 2.0]
    assert spans(values, baseline_points=10) == []


def test_point_on_the_median_neither_counts_nor_breaks_a_shift():
    # Index 12 sits on the median 5: five useful points above plus it is no shift ...
    five = BASELINE + [6.0, 8.0, 5.0, 7.0, 6.5, 8.0]
    assert spans(five, baseline_points=10) == []
    # ... and with a sixth point above, the run spans the point on the median.
    six = BASELINE + [6.0, 8.0, 5.0, 7.0, 6.5, 8.0, 7.0]
    assert spans(six, baseline_points=10) == [("shift", 10, 16)]


def test_points_on_the_median_are_not_useful_observations():
    result = analyse(BASELINE + [5.0, 5.0, 1.0], baseline_points=10)
    assert result.useful_points == 11
    # The run below that ends at index 9 goes on at index 12: the two 5s do not break it.
    assert result.runs == 8


# --- trend ------------------------------------------------------------------------------------


def test_trend_of_five_is_a_signal():
    values = BASELINE + [8.0, 3.0, 4.0, 6.0, 7.0, 8.0, 2.0]
    assert spans(values, baseline_points=10) == [("trend", 11, 15)]


def test_trend_of_four_is_not_a_signal():
    values = BASELINE + [8.0, 3.0, 4.0, 6.0, 7.0, 2.0]
    assert spans(values, baseline_points=10) == []


def test_tied_values_do_not_make_a_trend():
    # 3, 4, 4, 6, 7: the second 4 does not count, so only four points rise.
    values = BASELINE + [8.0, 3.0, 4.0, 4.0, 6.0, 7.0, 2.0]
    assert spans(values, baseline_points=10) == []


def test_tied_values_do_not_break_a_trend():
    values = BASELINE + [8.0, 3.0, 4.0, 4.0, 6.0, 7.0, 8.0, 2.0]
    assert spans(values, baseline_points=10) == [("trend", 11, 16)]


def test_falling_trend_and_the_point_where_it_turns():
    # 9 (index 10) starts the fall; index 14 ends it and starts a four-point rise.
    values = BASELINE + [9.0, 8.0, 7.0, 6.0, 2.0, 3.0, 4.0, 8.0]
    result = analyse(values, baseline_points=10, direction="up")
    assert [(s.rule, s.start, s.end) for s in result.signals] == [("trend", 10, 14)]
    assert result.signals[0].description == "Trend: 5 points in a row going down (deterioration)."


# --- too few or too many runs (IHI) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "limits"),
    [
        # Worked by hand from the Swed–Eisenhart counts for 5 + 5 points (252 orders):
        # 2 orders give 2 runs (0.8%), 8 give 3 runs (cumulative 4.0% > 2.5%).
        (10, (3, 9)),
        # 8 + 8 points (12870 orders): <= 4 runs 114 orders (0.9%), <= 5 runs 408 (3.2%);
        # >= 14 runs 114, >= 13 runs 408. The reference's example "16 points -> 5-12" is
        # Quality Digest's own table [I8]; the exact 5% two-sided limit above is 13.
        (16, (5, 13)),
        # 10 + 10 points: the standard runs-test table gives 7..15 (P(R <= 6) = 0.019,
        # P(R <= 7) = 0.051).
        (20, (7, 15)),
    ],
)
def test_runs_limits_worked_by_hand(n, limits):
    assert ihi_runs_limits(n) == limits


def _runs_counts_by_enumeration(n):
    """Count every arrangement of n // 2 points above among n, by number of runs."""
    counts = {}
    for above in itertools.combinations(range(n), n // 2):
        chosen = set(above)
        sides = [i in chosen for i in range(n)]
        runs = 1 + sum(a != b for a, b in itertools.pairwise(sides))
        counts[runs] = counts.get(runs, 0) + 1
    return counts


def _runs_counts_by_recursion(n):
    """The same counts by dynamic programming over sequences (independent of any formula)."""

    @cache
    def ways(above, below, last, runs):
        # Orders of the remaining points that produce exactly `runs` more runs.
        if above == below == 0:
            return 1 if runs == 0 else 0
        total = 0
        if above:
            total += ways(above - 1, below, 1, runs - (last != 1))
        if below:
            total += ways(above, below - 1, -1, runs - (last != -1))
        return total

    above = n // 2
    return {r: c for r in range(1, n + 1) if (c := ways(above, n - above, 0, r))}


def _limits_from_counts(counts):
    total = sum(counts.values())
    tail = Fraction(1, 40)  # 2.5% in each tail
    lower = min(
        r for r in counts if Fraction(sum(c for k, c in counts.items() if k <= r), total) > tail
    )
    upper = max(
        r for r in counts if Fraction(sum(c for k, c in counts.items() if k >= r), total) > tail
    )
    return lower, upper


@pytest.mark.parametrize("n", range(10, 19))
def test_runs_table_matches_brute_force_enumeration(n):
    assert IHI_RUNS_LIMITS[n] == _limits_from_counts(_runs_counts_by_enumeration(n))


def test_every_runs_table_row_matches_the_recursion():
    assert sorted(IHI_RUNS_LIMITS) == list(range(10, 61))
    for n, limits in IHI_RUNS_LIMITS.items():
        assert limits == _limits_from_counts(_runs_counts_by_recursion(n)), n


def test_runs_limits_beyond_the_table_are_computed_the_same_way():
    assert ihi_runs_limits(70) == _limits_from_counts(_runs_counts_by_recursion(70))


@pytest.mark.parametrize(
    ("lengths", "expected"),
    [
        # Quality Digest's worked example: 16 points in runs of 7, 7, 1, 1 -> 4 runs, too few.
        ((7, 7, 1, 1), "too_few_runs"),
        ((3, 3, 3, 5, 2), None),  # 5 runs: the lower limit itself is fine
        ((2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), None),  # 13 runs: the upper limit is fine
        ((2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), "too_many_runs"),  # 14 runs
    ],
)
def test_runs_rule_at_sixteen_points(lengths, expected):
    values = from_runs(*lengths)
    result = analyse(values)
    assert result.useful_points == 16
    assert result.runs == len(lengths)
    found = {s.rule for s in result.signals} & {"too_few_runs", "too_many_runs"}
    assert found == ({expected} if expected else set())


# --- Anhøj -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "longest_run", "crossings"),
    # Hand-typed from quality-improvement.md section 4, "Critical values" table.
    [
        (10, 6, 2),
        (12, 7, 3),
        (16, 7, 4),
        (20, 7, 6),
        (24, 8, 8),
        (30, 8, 10),
        (40, 8, 14),
        (50, 9, 19),
        (60, 9, 23),
        (80, 9, 32),
        (100, 10, 41),
    ],
)
def test_anhoej_limits_match_the_reference_table(n, longest_run, crossings):
    assert anhoej_longest_run_limit(n) == longest_run
    assert anhoej_min_crossings(n) == crossings


# Longest-run limits for n = 10..30 from the unaettie.com table the reference cites [Q8].
UNAETTIE_LONGEST_RUN = dict.fromkeys((10, 11), 6) | dict.fromkeys(range(12, 23), 7)
UNAETTIE_LONGEST_RUN |= dict.fromkeys(range(23, 31), 8)


@pytest.mark.parametrize("n", range(10, 31))
def test_anhoej_limits_from_ten_to_thirty(n):
    assert anhoej_longest_run_limit(n) == UNAETTIE_LONGEST_RUN[n]
    # qbinom(0.05, n - 1, 0.5) by brute force: the first x whose CDF reaches 5%.
    cdf, x = 0, -1
    while cdf * 20 < 2 ** (n - 1):  # cdf / 2**(n-1) < 0.05, in integers
        x += 1
        cdf += math.comb(n - 1, x)
    assert anhoej_min_crossings(n) == x


def test_binomial_quantile_matches_known_r_values():
    assert binomial_quantile(Fraction(1, 20), 9) == 2  # qbinom(0.05, 9, 0.5)
    assert binomial_quantile(Fraction(1, 2), 10) == 5  # qbinom(0.5, 10, 0.5)
    assert binomial_quantile(Fraction(0), 10) == 0
    assert binomial_quantile(Fraction(1), 10) == 10
    assert binomial_quantile(Fraction(1, 2), 4, Fraction(1, 10)) == 0  # P(X = 0) = 0.6561


def test_anhoej_run_longer_than_limit_is_a_signal():
    # 20 useful points (10 above, 10 below, 6 crossings): limit 7. A run of 8 below signals,
    # a run of 7 does not.
    eight = analyse(from_runs(1, 8, 3, 1, 3, 1, 3), rules="anhoej", direction="up")
    assert [(s.rule, s.start, s.end) for s in eight.signals] == [("long_run", 1, 8)]
    assert "(deterioration)" in eight.signals[0].description
    seven = analyse(from_runs(1, 7, 3, 2, 3, 1, 3), rules="anhoej")
    assert seven.useful_points == 20
    assert seven.signals == []


def test_anhoej_too_few_crossings():
    # 20 useful points: at least 6 crossings expected. Runs of at most 5 keep the run rule quiet.
    five_crossings = analyse(from_runs(4, 5, 3, 2, 3, 3), rules="anhoej")
    assert [s.rule for s in five_crossings.signals] == ["few_crossings"]
    six_crossings = analyse(from_runs(4, 4, 3, 3, 2, 3, 1), rules="anhoej")
    assert six_crossings.useful_points == 20
    assert six_crossings.signals == []


def test_anhoej_has_no_trend_rule():
    values = BASELINE + [8.0, 3.0, 4.0, 6.0, 7.0, 8.0, 2.0]
    assert spans(values, rules="anhoej", baseline_points=10) == []
    assert spans(values, rules="ihi", baseline_points=10) == [("trend", 11, 15)]


# --- minimum number of points -----------------------------------------------------------------


def test_no_signals_below_ten_useful_points():
    # Baseline 1, 2, 3 has median 2; with 2 on it, 1 below and 8 above leave 9 useful points
    # (an obvious shift and trend, but too few points to call them).
    nine = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]
    result = analyse(nine, baseline_points=3)
    assert result.useful_points == MIN_USEFUL_POINTS - 1
    assert result.enough_points is False
    assert result.signals == []
    ten = analyse([*nine, 11.0], baseline_points=3)
    assert ten.enough_points is True
    assert {s.rule for s in ten.signals} >= {"shift", "trend"}


def test_empty_series():
    result = analyse([])
    assert result.median is None
    assert result.useful_points == 0
    assert result.runs is None
    assert result.signals == []
    assert result.enough_points is False


def test_direction_labels_shift():
    values = BASELINE + [6.0, 8.0, 7.0, 6.5, 8.0, 7.0]
    unlabelled = analyse(values, baseline_points=10).signals[0]
    assert unlabelled == Signal("shift", 10, 15, "Shift: 6 points in a row above the median.")
    better = analyse(values, baseline_points=10, direction="up").signals[0]
    assert better.description.endswith("(improvement).")
    worse = analyse(values, baseline_points=10, direction="down").signals[0]
    assert worse.description.endswith("(deterioration).")


@pytest.mark.parametrize(
    "kwargs",
    [{"rules": "nelson"}, {"direction": "sideways"}, {"baseline_points": 0}],
)
def test_bad_arguments_are_rejected(kwargs):
    with pytest.raises(ValueError):
        analyse([1.0, 2.0, 3.0], **kwargs)


def test_non_finite_values_are_rejected():
    with pytest.raises(ValueError):
        analyse([1.0, float("nan"), 3.0])


# --- gap series -------------------------------------------------------------------------------


def test_gap_series_subtracts_on_shared_dates_in_order():
    focal = {date(2025, 3, 1): 12.0, date(2025, 1, 1): 10.0, date(2025, 2, 1): 9.0}
    reference = {date(2025, 2, 1): 4.0, date(2025, 1, 1): 6.5, date(2025, 4, 1): 1.0}
    assert gap_series(focal, reference) == [(date(2025, 1, 1), 3.5), (date(2025, 2, 1), 5.0)]
