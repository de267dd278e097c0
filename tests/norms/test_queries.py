import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.factories import MembershipFactory, TeamFactory
from norms.models import Condition, Endorsement, NormSet, Vote
from tests.conftest import client_for

from .conftest import make_check_in, make_set, statement

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12  # during a vote; two fewer otherwise


def populate(roles, *, members, norms, meetings):
    team = roles["team_a"]
    people = [roles["lead_a"], roles["member_a"]]
    people += [MembershipFactory(team=team).user for _ in range(members)]
    statements = [f"Norm {i}" for i in range(norms)]
    ratified = make_set(team, status=NormSet.Status.RATIFIED, statements=statements)
    voting = make_set(team, number=2, status=NormSet.Status.VOTING, statements=statements)
    for person in people:
        Condition.objects.create(team=team, author=person, text=f"{person.email} needs time")
        Vote.objects.create(norm_set=voting, user=person, choice="agree")
        for day in range(meetings):
            make_check_in(
                ratified,
                person,
                datetime.date(2026, 9, 1) + datetime.timedelta(days=7 * day),
                [1 + (day + i) % 4 for i in range(norms)],
            )
    current = statement(team, roles["lead_a"])
    Endorsement.objects.bulk_create(Endorsement(statement=current, user=p) for p in people)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_norms_page_query_count_does_not_grow(roles, django_assert_max_num_queries):
    client = client_for("member_a", roles)
    url = reverse("norms:index", args=["team-a"])
    populate(roles, members=0, norms=1, meetings=1)
    small = count_queries(client, url)
    populate_more(roles)
    large = count_queries(client, url)
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(url)
    print(f"norms page queries: small={small} large={large}")
    assert small == large, (small, large)
    assert large <= MAX_QUERIES


def populate_more(roles):
    """Replace the small data set with a large one (12 more members, 8 norms, 20 meetings)."""
    NormSet.objects.all().delete()
    Condition.objects.all().delete()
    roles["team_a"].identity_statements.all().delete()
    populate(roles, members=12, norms=8, meetings=20)


def test_facilitator_sees_norms_columns_in_a_fixed_number_of_queries(roles):
    client = client_for("facilitator", roles)
    url = reverse("cohorts:cohort", args=["demo-cohort"])
    team_b = roles["team_b"]
    make_set(team_b, status=NormSet.Status.VOTING)
    Vote.objects.create(
        norm_set=NormSet.objects.get(team=team_b), user=roles["member_b"], choice="agree"
    )
    MembershipFactory(team=team_b)
    ratified = make_set(roles["team_a"], status=NormSet.Status.RATIFIED)
    ratified.ratified_at = datetime.datetime(2026, 10, 2, 18, tzinfo=datetime.UTC)
    ratified.save()
    make_check_in(ratified, roles["member_a"], datetime.date(2026, 10, 8), [3])
    statement(roles["team_a"], roles["lead_a"])
    Endorsement.objects.create(
        statement=roles["team_a"].identity_statements.get(), user=roles["member_a"]
    )
    first = count_queries(client, url)
    for _ in range(5):
        team = TeamFactory(cohort=roles["cohort"])
        MembershipFactory(team=team)
        make_set(team, status=NormSet.Status.VOTING)
        make_check_in(
            make_set(team, number=2, status=NormSet.Status.RATIFIED),
            team.memberships.get().user,
            datetime.date(2026, 10, 1),
            [4],
        )
        statement(team, None)
    more = count_queries(client, url)
    assert first == more
    html = client.get(url).content.decode()
    assert "ratified on 2026-10-02" in html
    assert "voting (1 of 2)" in html
    assert "2026-10-08" in html
    assert "version 1, endorsed by 1 of 3" in html
