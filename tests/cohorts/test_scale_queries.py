"""At statewide scale the dashboard and the program overview read summaries, not raw data."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.factories import CohortFactory
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
