"""Run-chart rules seen through the pages (drawing time is measured by `make bench`)."""

import datetime
import random

import pytest

from django.urls import reverse

from improvement.charts import build_measure_charts
from improvement.factories import MeasureFactory
from improvement.models import Observation
from tests.conftest import client_for

from .conftest import add_points, monthly

pytestmark = pytest.mark.django_db


def measure_page(role, roles, measure):
    return client_for(role, roles).get(reverse("improvement:measure", args=["team-a", measure.pk]))


def test_a_shift_shows_as_a_signal_with_its_points_and_data_table(roles, project):
    html = measure_page("member_a", roles, project["measure"]).content.decode()
    assert "Shift: 8 points in a row below the median (improvement)." in html
    assert html.count('class="signal-point"') >= 8  # drawn as diamonds, not colour alone
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert html.count("<table") >= html.count('class="run-chart"')  # a table for every chart
    assert "style=" not in html.split("<main", 1)[1]  # strict CSP: no inline styles


def test_no_signal_is_reported_before_ten_useful_points(roles, project):
    measure = MeasureFactory(project=project["project"], name="New measure", groups=["ALL"])
    add_points(measure, "ALL", [20, 12, 11, 10, 9, 8, 7, 6, 5])
    html = measure_page("member_a", roles, measure).content.decode()
    assert "Rule signals appear from 10 useful points on." in html
    assert "signal-point" not in html


def test_anhoej_rules_report_a_long_run(roles, project):
    measure = MeasureFactory(project=project["project"], name="Anhoej", groups=["ALL"])
    measure.rules = "anhoej"
    measure.save()
    add_points(measure, "ALL", [5, 6, 5, 6, 5, 6, 5, 6, 5, 6] + [9] * 8)
    html = measure_page("member_a", roles, measure).content.decode()
    assert "Unusually long run" in html


def test_freezing_the_baseline_moves_the_median_line(roles, project):
    client = client_for("member_a", roles)
    measure = project["measure"]
    before = measure_page("member_a", roles, measure).content.decode()
    assert "median 19.0%" in before
    response = client.post(
        reverse("improvement:baseline", args=["team-a", measure.pk]), {"baseline_points": "12"}
    )
    assert response.status_code == 302
    after = measure_page("member_a", roles, measure).content.decode()
    assert "median 20.5%" in after  # the median of the first 12 points only
    assert 'class="median-extended"' in after  # dashed beyond the frozen baseline


def test_restarting_the_baseline_gives_a_second_median(roles, project):
    measure = project["measure"]
    client_for("member_a", roles).post(
        reverse("improvement:baseline", args=["team-a", measure.pk]),
        {"baseline_restart_on": "2025-09-01"},
    )
    html = measure_page("member_a", roles, measure).content.decode()
    assert "median 20.5%, 12.0%" in html


def test_the_gap_chart_compares_the_focal_group_with_all_students(roles, project):
    html = measure_page("member_a", roles, project["measure"]).content.decode()
    assert "gap, Hispanic minus all students" in html


def test_pdsa_cycles_appear_as_markers_on_linked_measures(roles, project):
    cycle = project["cycle"]
    cycle.done_on = datetime.date(2025, 9, 15)
    cycle.save()
    html = measure_page("member_a", roles, project["measure"]).content.decode()
    assert 'class="pdsa-marker"' in html
    assert "C1: Check-in #1" in html


def test_two_hundred_points_for_six_groups_draw_every_point(project):
    measure = MeasureFactory(
        project=project["project"], groups=["ALL", "HI", "EL", "SED", "SWD", "AA"]
    )
    rng = random.Random(8)
    days = [datetime.date(2019, 1, 1) + datetime.timedelta(days=7 * i) for i in range(200)]
    observations = [
        Observation(measure=measure, date=d, group=g, value=rng.uniform(10, 30), n=200)
        for g in measure.groups
        for d in days
    ]
    charts = build_measure_charts(measure, observations, insider=False, focal="HI")
    assert len(charts) == 7  # six groups and the gap
    assert sum(len(c.rows) for c in charts[:6]) == 1200


def test_monthly_helper_spans_years():
    assert monthly(14)[-1] == datetime.date(2025, 10, 1)
