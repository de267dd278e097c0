"""Years of weekly points: the data tables show the latest points and link to every point."""

import datetime

import pytest

from django.urls import reverse
from django.utils.formats import date_format

from improvement.charts import TABLE_ROWS
from improvement.factories import ImprovementProjectFactory, MeasureFactory
from improvement.models import Observation
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_long_series_shows_its_latest_points_and_links_to_the_csv(roles):
    measure = MeasureFactory(project=ImprovementProjectFactory(team=roles["team_a"]))
    start = datetime.date(2026, 1, 5)
    Observation.objects.bulk_create(
        Observation(
            measure=measure,
            date=start + datetime.timedelta(weeks=w),
            group="ALL",
            value=20 + w % 3,
            n=300,
        )
        for w in range(TABLE_ROWS + 15)
    )
    client = client_for("member_a", roles, reauthenticated=True)
    export = reverse("improvement:export_observations", args=["team-a"])
    for url in (
        reverse("improvement:measure", args=["team-a", measure.pk]),
        reverse("improvement:project", args=["team-a"]),
        reverse("improvement:print", args=["team-a"]),
    ):
        page = client.get(url).content.decode()
        last = start + datetime.timedelta(weeks=TABLE_ROWS + 14)
        shown = [
            start + datetime.timedelta(weeks=w) for w in range(TABLE_ROWS + 15)
        ]  # fmt: skip
        rows = [f"<tr><td>{date_format(day, 'SHORT_DATE_FORMAT')}</td>" for day in shown]
        assert sum(page.count(row) for row in rows) == TABLE_ROWS, url
        assert rows[-1] in page and date_format(last, "SHORT_DATE_FORMAT") in rows[-1]
        assert rows[0] not in page
        assert f"The latest {TABLE_ROWS} points of {TABLE_ROWS + 15}." in page
        assert export in page
    csv = client.get(export).content.decode()
    assert start.isoformat() in csv


def test_a_long_series_control_chart_table_shows_its_latest_points_too(roles):
    measure = MeasureFactory(
        project=ImprovementProjectFactory(team=roles["team_a"]), charts="control", unit="count"
    )
    start = datetime.date(2026, 1, 5)
    weeks = TABLE_ROWS + 15
    Observation.objects.bulk_create(
        Observation(measure=measure, date=start + datetime.timedelta(weeks=w), group="ALL",
                    value=20 + w % 3, n=300)
        for w in range(weeks)
    )  # fmt: skip
    page = client_for("member_a", roles).get(
        reverse("improvement:measure", args=["team-a", measure.pk])
    )
    html = page.content.decode()
    table = html.split('class="run-chart control-chart"', 1)[1]
    first = f"<tr><td>{date_format(start, 'SHORT_DATE_FORMAT')}</td>"
    assert table.count("<tr><td>") == TABLE_ROWS and first not in table
    assert f"The latest {TABLE_ROWS} points of {weeks}." in table
    assert reverse("improvement:export_observations", args=["team-a"]) in table
