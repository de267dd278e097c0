"""Control-chart limits and special-cause rules (issue 21, item 3).

The limits are checked against two published worked examples; the rules against series built
at each threshold, one point short of it and at it.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from improvement.controlchart import (
    MIN_BASELINE_POINTS,
    SHIFT_LENGTH,
    TREND_LENGTH,
    p_chart,
    xmr,
)

# Montgomery, D. C. (2009). Introduction to Statistical Quality Control, 6th ed., Wiley.
# Example 6.5: cost of processing mortgage loan applications, 20 weeks. The book gives
# x-bar = 300.5, mean moving range = 7.79, UCL = 321.22 and LCL = 279.78, and finds the
# process in control.
MORTGAGE_COSTS = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306,
                  294, 299, 297, 299, 314, 295, 293, 306, 301, 304]  # fmt: skip

# Montgomery (2009), Example 7.1: frozen orange juice cans, 30 samples of n = 50, the number
# of nonconforming cans in each. The book gives p-bar = 0.2313, UCL = 0.4102, LCL = 0.0524,
# and samples 15 and 23 above the upper limit.
JUICE_NONCONFORMING = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22,
                       8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]  # fmt: skip


def test_xmr_limits_match_montgomerys_mortgage_example():
    chart = xmr(MORTGAGE_COSTS)

    phase = chart.phases[0]
    assert phase.centre == pytest.approx(300.5)
    assert phase.mean_moving_range == pytest.approx(7.79, abs=0.005)
    assert chart.points[0].upper == pytest.approx(321.22, abs=0.01)
    assert chart.points[0].lower == pytest.approx(279.78, abs=0.01)
    assert [s for s in chart.signals if s.rule == "outside"] == []


def test_p_chart_limits_and_outliers_match_montgomerys_orange_juice_example():
    chart = p_chart(JUICE_NONCONFORMING, [50] * 30)

    assert chart.phases[0].centre == pytest.approx(0.2313, abs=0.00005)
    assert chart.points[0].upper == pytest.approx(0.4102, abs=0.00005)
    assert chart.points[0].lower == pytest.approx(0.0524, abs=0.00005)
    outside = [s.start + 1 for s in chart.signals if s.rule == "outside"]
    assert outside == [15, 23]  # the book's sample numbers, counted from 1


def test_p_chart_limits_widen_where_the_denominator_is_small():
    chart = p_chart([10, 10, 40], [100, 25, 400])

    narrow, wide = chart.points[0], chart.points[1]
    assert wide.upper - wide.centre == pytest.approx(2 * (narrow.upper - narrow.centre))


def _rules(chart):
    return {s.rule for s in chart.signals}


def test_one_point_outside_the_limits_is_a_signal():
    values = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9]
    assert "outside" not in _rules(xmr(values))
    flagged = xmr([*values, 30], baseline_points=len(values))
    assert [(s.rule, s.start) for s in flagged.signals if s.rule == "outside"] == [("outside", 12)]


@pytest.mark.parametrize("length", [SHIFT_LENGTH - 1, SHIFT_LENGTH])
def test_a_shift_needs_eight_points_on_one_side(length):
    baseline = [14, 10, 15, 9] * 3  # centre 12, ends below it
    # Just above the centre (12), well inside the limits, never a trend.
    above = [13, 12.5, 13, 12.5, 13, 12.5, 13, 12.5][:length]
    chart = xmr([*baseline, *above], baseline_points=len(baseline))

    shifts = [s for s in chart.signals if s.rule == "shift"]
    if length < SHIFT_LENGTH:
        assert shifts == []
    else:
        assert [(s.start, s.end) for s in shifts] == [(12, 12 + length - 1)]


def test_a_point_on_the_centre_line_neither_adds_to_nor_breaks_a_shift():
    baseline = [14, 10, 15, 9] * 3  # centre 12, ends below it
    above = [13, 12.5, 13, 12, 12.5, 13, 12.5, 13, 12.5]  # 12 is the centre line
    chart = xmr([*baseline, *above], baseline_points=len(baseline))

    shifts = [s for s in chart.signals if s.rule == "shift"]
    assert len(shifts) == 1
    assert "8 points" in shifts[0].description


@pytest.mark.parametrize("length", [TREND_LENGTH - 1, TREND_LENGTH])
def test_a_trend_needs_six_points_going_one_way(length):
    baseline = [14, 10, 15, 9] * 3  # centre 12, ends below it
    rising = [8.0, 8.5, 9.0, 9.5, 10.0, 10.5][:length]  # after a fall from 9
    chart = xmr([*baseline, *rising], baseline_points=len(baseline))

    trends = [s for s in chart.signals if s.rule == "trend" and s.start >= 12]
    assert (len(trends) == 1) is (length == TREND_LENGTH)


def test_two_of_three_points_beyond_two_sigma_on_one_side():
    baseline = [10, 12] * 6  # centre 11, mean moving range 2, sigma 1.77
    near = 11 + 2.5 * (2 / 1.128)  # beyond 2 sigma, inside 3 sigma
    chart = xmr([*baseline, near, 11, near], baseline_points=len(baseline))

    found = [s for s in chart.signals if s.rule == "near_limit"]
    assert [(s.start, s.end) for s in found] == [(12, 14)]
    assert "outside" not in _rules(chart)

    one_only = xmr([*baseline, near, 11, 11], baseline_points=len(baseline))
    assert "near_limit" not in _rules(one_only)


def test_a_marked_process_change_recomputes_the_limits_and_rules_stop_at_it():
    before = [20, 22, 21, 23, 20, 22, 21, 23, 20, 22, 21, 23]
    after = [30, 32, 31, 33, 30, 32, 31, 33, 30, 32, 31, 33]
    one_phase = xmr(before + after, baseline_points=12)
    two_phases = xmr(before + after, phase_starts=[12], baseline_points=12)

    assert "outside" in _rules(one_phase)
    assert [p.centre for p in two_phases.phases] == [21.5, 31.5]
    assert two_phases.points[12].centre == 31.5
    assert two_phases.signals == []


def test_limits_from_fewer_than_twelve_points_are_trial_limits():
    assert xmr(MORTGAGE_COSTS, baseline_points=MIN_BASELINE_POINTS - 1).trial_limits
    assert not xmr(MORTGAGE_COSTS, baseline_points=MIN_BASELINE_POINTS).trial_limits


def test_the_direction_names_a_signal_improvement_or_deterioration():
    chart = p_chart(JUICE_NONCONFORMING, [50] * 30, direction="down")
    outside = [s for s in chart.signals if s.rule == "outside"]
    assert all("deterioration" in s.description for s in outside)


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=2, max_size=60))
def test_every_point_gets_limits_around_its_centre(values):
    chart = xmr(values)
    assert len(chart.points) == len(values)
    for point in chart.points:
        assert point.lower <= point.centre <= point.upper
