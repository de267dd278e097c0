"""The improvement pages keep their rendered charts (improvement.chart_cache, issue 16): a write
shows at once, each kind of reader gets the charts drawn for it, and Redis being down only
means drawing them again."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement import services
from improvement.models import Aim, Observation
from improvement.services import measure_signals_refresh
from tests.cohort_site.outage import redis_down_caches
from tests.conftest import client_for

from .conftest import add_points

pytestmark = pytest.mark.django_db

PAGES = ("project", "print", "measure")
# A Foster youth figure (n=7 in the project fixture): the team sees it, nobody else does.
SMALL_CELL = "<td>31.0%</td>"


def url(page, project):
    if page == "measure":
        return reverse("improvement:measure", args=["team-a", project["measure"].pk])
    return reverse(f"improvement:{page}", args=["team-a"])


def html(client, page, project):
    response = client.get(url(page, project))
    assert response.status_code == 200
    return response.content.decode()


def test_a_point_added_through_the_page_shows_at_once_on_every_page(roles, project):
    member, facilitator = client_for("member_a", roles), client_for("facilitator", roles)
    for page in PAGES:  # both kinds of reader have the charts kept
        assert "77.7%" not in html(member, page, project)
        assert "77.7%" not in html(facilitator, page, project)

    response = member.post(
        reverse("improvement:observation_add", args=["team-a", project["measure"].pk]),
        {"date": "2026-05-01", "group": "ALL", "value": "77.7", "n": "400",
         "submission_key": "k" * 24},
    )  # fmt: skip

    assert response.status_code == 302
    for page in PAGES:
        assert "77.7%" in html(member, page, project), page
        assert "77.7%" in html(facilitator, page, project), page


@pytest.mark.parametrize("first", ["member_a", "facilitator"])
def test_each_reader_gets_the_charts_drawn_for_them_whoever_came_first(first, roles, project):
    Aim.objects.filter(project=project["project"]).update(for_whom="FOS")  # on the project page
    html(client_for(first, roles), "measure", project)  # keeps that reader's charts
    for page in PAGES:
        html(client_for(first, roles), page, project)
        assert SMALL_CELL in html(client_for("member_a", roles), page, project)
        assert SMALL_CELL in html(client_for("lead_a", roles), page, project)
        outsider = html(client_for("facilitator", roles), page, project)
        assert "31.0" not in outsider and "Foster youth" in outsider
        assert client_for("member_b", roles).get(url(page, project)).status_code == 404
        assert client_for("facilitator_other", roles).get(url(page, project)).status_code == 404


def test_a_spanish_reader_gets_spanish_charts_after_an_english_one(roles, project):
    english = client_for("lead_a", roles)
    for page in PAGES:
        assert "Data table" in html(english, page, project)
    roles["member_a"].preferred_language = "es"
    roles["member_a"].save(update_fields=["preferred_language"])
    spanish = client_for("member_a", roles)
    for page in PAGES:
        text = html(spanish, page, project)
        assert "Tabla de datos" in text and "Data table" not in text, page


def test_a_new_pdsa_cycle_marks_the_kept_charts(roles, project):
    member = client_for("member_a", roles)
    for page in PAGES:
        assert "Home visits" not in html(member, page, project)
    cycle = services.cycle_create(
        project=project["project"], user=roles["member_a"], change_idea=project["idea"],
        ramp="Home visits", title="Visit", purpose="test", planned_start=datetime.date(2025, 6, 2),
    )  # fmt: skip
    for page in PAGES:  # linked to no measure yet: no marker
        assert "C1: Home visits #1" not in html(member, page, project), page
    services.cycle_update(cycle=cycle, user=roles["member_a"], measures=[project["measure"]])
    for page in PAGES:
        assert "C1: Home visits #1" in html(member, page, project), page


def test_kept_charts_cost_no_observation_query_however_many_points(roles, project):
    member = client_for("member_a", roles)
    measure = project["measure"]
    counts = {}
    for weeks in (1, 30):
        Observation.objects.filter(measure=measure).delete()
        add_points(measure, "ALL", [20 + i % 4 for i in range(weeks)], n=400)
        measure_signals_refresh([measure])  # as every service that writes points does
        for page in PAGES:
            html(member, page, project)  # draws and keeps the charts
            with CaptureQueriesContext(connection) as queries:
                text = html(member, page, project)
            assert not any("improvement_observation" in q["sql"] for q in queries.captured_queries)
            counts[page, weeks] = len(queries.captured_queries)
        assert text.count('class="run-chart"') == 3  # the measure page: every group's chart
    for page in PAGES:
        assert counts[page, 1] == counts[page, 30], page


def test_the_pages_draw_their_charts_while_redis_is_down(settings, roles, project):
    settings.CACHES = redis_down_caches()
    member = client_for("member_a", roles)
    for page in PAGES:
        text = html(member, page, project)
        assert 'class="run-chart"' in text and "<td>12.0%</td>" in text, page
