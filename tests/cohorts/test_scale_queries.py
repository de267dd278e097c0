"""At statewide scale the dashboard and the program overview read summaries, not raw data."""

import pytest

from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.factories import CohortFactory
from cohorts.models import Team
from tests.conftest import client_for
from tests.workload import team_with_every_feature

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_the_dashboard_never_reads_observations_nor_runs_a_query_twice(roles):
    for _ in range(3):
        team_with_every_feature(roles["cohort"])
    client = client_for("facilitator", roles)
    queries = _queries(client, reverse("cohorts:cohort", args=["demo-cohort"]))
    assert not [q for q in queries if "improvement_observation" in q]
    repeated = {q for q in queries if queries.count(q) > 1}
    assert not repeated


def test_program_overview_queries_do_not_grow_with_cohorts(roles):
    client = client_for("site_admin", roles)
    url = reverse("cohorts:program")
    team_with_every_feature(roles["cohort"])
    small = len(_queries(client, url))
    for n in range(8):
        team_with_every_feature(CohortFactory(slug=f"more-{n}"))
    large = _queries(client, url)
    assert len(large) == small
    summaries = {s.cohort.slug: s for s in client.get(url).context["summaries"]}
    assert summaries["more-3"].teams == 1 and summaries["more-3"].people == 3


def test_program_overview_builds_no_team_object_per_team(roles):
    """A thousand teams at statewide size: the overview reads their figures as rows, so the
    work per request does not grow with a model instance per team."""
    client = client_for("site_admin", roles)
    url = reverse("cohorts:program")
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=Team)
    try:
        team_with_every_feature(roles["cohort"])
        built.clear()
        client.get(url)
        small = len(built)
        for n in range(4):
            team_with_every_feature(CohortFactory(slug=f"more-{n}"))
        built.clear()
        response = client.get(url)
        large = len(built)
    finally:
        post_init.disconnect(count, sender=Team)
    assert large == small
    summaries = {s.cohort.slug: s for s in response.context["summaries"]}
    assert summaries["more-2"].teams == 1 and summaries["more-2"].people == 3
