"""Improvement pages at statewide size (issue 16): the printable project stays under 150 KB with
two years of weekly points for every group, each chart keeping its data table; the measure page
groups and suppresses its observations once for both kinds of chart."""

import datetime
import random

import pytest

from django.urls import reverse

from improvement import charts, control_display
from improvement.charts import TABLE_ROWS
from improvement.factories import ImprovementProjectFactory, MeasureFactory
from improvement.models import Observation
from improvement.services import measure_signals_refresh
from improvement.views import measures as measure_views
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

GROUPS = ["ALL", "HI", "EL", "SED", "SWD"]


def _weeks(measure, weeks):
    """Noise around a steady level, as seed_scale writes (few rule signals)."""
    rng = random.Random(measure.pk)  # noqa: S311 (made-up chart data)
    start = datetime.date(2025, 1, 6)
    Observation.objects.bulk_create(
        Observation(
            measure=measure,
            date=start + datetime.timedelta(weeks=w),
            group=group,
            value=round(rng.gauss(10 + i, 2), 1),
            n=200,
        )
        for w in range(weeks)
        for i, group in enumerate(GROUPS)
    )


def _project(roles):
    project = ImprovementProjectFactory(team=roles["team_a"], focal_groups=["HI"])
    return project, [
        MeasureFactory(project=project, name=f"Measure {k}", groups=GROUPS, unit="percent")
        for k in range(2)
    ]


def test_the_printable_project_with_a_thousand_points_stays_under_150_kb(roles):
    _project_, measures = _project(roles)
    for measure in measures:
        _weeks(measure, 100)  # 2 measures x 5 groups x 100 weeks, as seed_scale writes
    page = client_for("member_a", roles).get(reverse("improvement:print", args=["team-a"]))
    html = page.content.decode()
    assert page.status_code == 200 and len(page.content) < 150 * 1024
    figures = html.count('<figure class="run-chart-figure">')
    assert figures == 2 * (len(GROUPS) + 1)  # every group and the gap, for each measure
    assert html.count("<table>") == figures  # each chart keeps its data table
    assert html.count(f"The latest {TABLE_ROWS} points of 100.") == figures
    assert reverse("improvement:export_observations", args=["team-a"]) in html


def test_the_printable_project_query_count_is_the_same_for_1_and_30_weeks(
    roles, django_assert_max_num_queries
):
    _project_, measures = _project(roles)
    client = client_for("member_a", roles)
    url = reverse("improvement:print", args=["team-a"])
    client.get(url)
    drawn = {}
    for weeks in (1, 30):
        Observation.objects.all().delete()
        for measure in measures:
            _weeks(measure, weeks)
        measure_signals_refresh(measures)  # as the services do: the page is drawn again
        with django_assert_max_num_queries(40) as queries:
            client.get(url)
        drawn[weeks] = len(queries.captured_queries)
    assert drawn[1] == drawn[30], drawn
    with django_assert_max_num_queries(4):  # kept: the person, team, roles and project (was 10)
        client.get(url)


def test_the_measure_page_groups_its_observations_once_for_run_and_control_charts(
    roles, monkeypatch
):
    _project_, measures = _project(roles)
    measure = measures[0]
    measure.charts = "both"
    measure.save()
    _weeks(measure, 30)
    calls = []

    def counted(observations, *, insider):
        calls.append(insider)
        return original(observations, insider=insider)

    original = charts.group_cells
    for module in (charts, control_display, measure_views):
        monkeypatch.setattr(module, "group_cells", counted)
    page = client_for("member_a", roles).get(
        reverse("improvement:measure", args=["team-a", measure.pk])
    )
    html = page.content.decode()
    assert 'class="run-chart control-chart"' in html and 'class="run-chart"' in html
    assert calls == [True]
