"""The Wagtail admin's dashboard greets facilitators with their cohorts, the week's changes and
the curriculum; the site is called by its name, not "localhost"."""

import pytest

from django.urls import reverse

from feedback.factories import FeedbackRequestFactory
from improvement.factories import PDSACycleFactory
from journals.factories import JournalEntryFactory
from programs.services import home_page_ensure
from tests.conftest import client_for

ADMIN_HOME = "/admin/"


@pytest.fixture
def world(roles):
    home_page_ensure()
    return roles


def busy_week(roles, teams, n):
    for team in teams:
        for _ in range(n):
            JournalEntryFactory(team=team, author=roles["member_a"], visibility="facilitator")
            JournalEntryFactory(team=team, author=roles["member_a"])  # private: not counted
            FeedbackRequestFactory(team=team, requested_by=roles["lead_a"])
        PDSACycleFactory.create_batch(n, project__team=team)


def panel(response) -> str:
    body = response.content.decode()
    start = body.index('class="w-panel facilitator-home"')
    return body[start : body.index("</section>", start)]


def test_a_facilitator_is_greeted_with_their_cohorts_and_the_week(world):
    busy_week(world, [world["team_a"], world["team_b"]], 2)
    response = client_for("facilitator", world).get(ADMIN_HOME)
    assert response.status_code == 200
    html = panel(response)
    assert "Demo cohort" in html
    assert reverse("cohorts:cohort", args=["demo-cohort"]) in html
    assert "Other cohort" not in html  # not theirs
    # Two teams, two shared entries each (private ones not counted), two requests, two cycles.
    assert html.count("<td>4</td>") == 3
    # The stock panels about page moderation are gone; the site has its name.
    body = response.content.decode()
    assert "Awaiting your review" not in body
    assert "localhost" not in body
    assert "Equity Improvement Project" in body


def test_a_site_admin_sees_every_cohort(world):
    response = client_for("site_admin", world).get(ADMIN_HOME)
    html = panel(response)
    assert "Demo cohort" in html and "Other cohort" in html


def test_the_curriculum_is_linked(world):
    from programs.demo import seed_curriculum

    program = seed_curriculum()
    html = panel(client_for("facilitator", world).get(ADMIN_HOME))
    assert f'href="{program.url}"' in html.split("Curriculum")[1]


@pytest.mark.parametrize("n", [1, 30])
def test_the_dashboard_queries_do_not_grow_with_the_week(world, n, django_assert_max_num_queries):
    busy_week(world, [world["team_a"], world["team_b"]], n)
    client = client_for("facilitator", world)
    client.get(ADMIN_HOME)  # warm per-session caches
    with django_assert_max_num_queries(30):
        response = client.get(ADMIN_HOME)
    assert response.status_code == 200
