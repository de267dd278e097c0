"""Pages run a fixed number of queries however many requests and responses there are."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts.factories import CohortSessionFactory, MembershipFactory, TeamFactory
from feedback import services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

INBOX_LIMIT = 15
# The cohort feedback page: its team count comes with the cohort (was 9 with its own query).
COHORT_FEEDBACK_LIMIT = 7


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _grow(world, n):
    due = timezone.localdate() + datetime.timedelta(days=3)
    for i in range(n):
        extra = MembershipFactory(team=world["team_b"]).user
        mine = services.request_create(
            team=world["team_a"],
            requested_by=world["member_a"],
            artifact_title=f"Mine {i}",
            focusing_question="?",
            protocol="tuning-protocol",
            due_on=due,
            anonymous=bool(i % 2),
            reviewers=[],
            reviewer_team=world["team_b"],
        )
        services.response_save(
            request=mine, giver=extra, answers={"warm": f"w{i}"}, submit=bool(i % 3)
        )
        theirs = services.request_create(
            team=world["team_b"],
            requested_by=world["member_b"],
            artifact_title=f"Theirs {i}",
            focusing_question="?",
            protocol="i-like-i-wish-i-wonder",
            due_on=due,
            reviewers=[],
            reviewer_team=world["team_a"],
        )
        if i % 2:
            services.response_save(
                request=theirs, giver=world["member_a"], answers={"like": "x"}, submit=True
            )
        services.request_create(
            team=world["team_a"],
            requested_by=world["lead_a"],
            artifact_title=f"Teammate {i}",
            focusing_question="?",
            protocol="ladder-of-feedback",
            due_on=due,
            reviewers=[world["member_b"]],
        )
        CohortSessionFactory(
            cohort=world["cohort"],
            starts_at=timezone.now() - datetime.timedelta(days=10 + i),
            ends_at=timezone.now() - datetime.timedelta(days=10 + i, hours=-3),
        )
        TeamFactory(cohort=world["cohort"])
    # Make some overdue.
    from feedback.models import FeedbackRequest

    FeedbackRequest.objects.filter(artifact_title__startswith="Teammate").update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("role", "url"),
    [
        ("member_a", reverse("feedback:inbox")),
        ("member_b", reverse("feedback:inbox")),
        ("facilitator", reverse("feedback:inbox")),
        ("facilitator", reverse("feedback:cohort", args=["demo-cohort"])),
        ("facilitator", reverse("cohorts:cohort", args=["demo-cohort"])),
    ],
)
def test_query_count_does_not_grow(role, url, world):
    client = client_for(role, world)
    _grow(world, 1)  # one of each (an overdue request too: lists are paginated), then many
    small = _count(client, url)
    _grow(world, 12)
    large = _count(client, url)
    print(f"{role} {url}: small={small} large={large}")  # noqa: T201
    assert large == small
    if url == reverse("feedback:inbox"):
        assert large <= INBOX_LIMIT
    if url == reverse("feedback:cohort", args=["demo-cohort"]):
        assert large <= COHORT_FEEDBACK_LIMIT


def test_request_page_query_count_does_not_grow(world):
    req = world["anonymous_request"]
    client = client_for("member_a", world)
    small = _count(client, req.get_absolute_url())
    for _ in range(10):
        extra = MembershipFactory(team=world["team_b"]).user
        req.assignments.create(reviewer=extra, reviewer_team=world["team_b"])
        services.response_save(request=req, giver=extra, answers={"warm": "w"}, submit=True)
    assert _count(client, req.get_absolute_url()) == small


def test_named_request_page_reads_every_giver_at_once(world):
    """Named answers show the giver: their names come with the answers, not one query each."""
    req = world["named"]
    client = client_for("member_a", world)
    small = _count(client, req.get_absolute_url())
    for _ in range(10):
        extra = MembershipFactory(team=world["team_b"]).user
        req.assignments.create(reviewer=extra, reviewer_team=world["team_b"])
        services.response_save(request=req, giver=extra, answers={"warm": "w"}, submit=True)
    assert _count(client, req.get_absolute_url()) == small


def _teams_and_a_round(world, n):
    for i in range(n):
        TeamFactory(cohort=world["cohort"], name=f"Grown team {i:02}")
    client = client_for("facilitator", world)
    rounds = reverse("feedback:rounds", args=["demo-cohort"])
    for name in ("Fall", "Winter"):
        assert client.post(rounds, {"mode": "auto", "auto-name": name}).status_code == 302


@pytest.mark.parametrize("page", ["feedback:cohort", "feedback:rounds"])
def test_cohort_feedback_pages_query_count_is_the_same_for_2_and_50_teams(page, world):
    client = client_for("facilitator", world)
    url = reverse(page, args=["demo-cohort"])
    _teams_and_a_round(world, 0)
    small = _count(client, url)
    _teams_and_a_round(world, 48)
    assert _count(client, url) == small


def test_the_cohort_feedback_page_stays_small_with_50_teams(world):
    """A choice per team (50 lists of 51 teams) lives on the pair-by-hand page; the cohort page
    lists the latest round's pairs and sums up earlier rounds."""
    client = client_for("facilitator", world)
    _teams_and_a_round(world, 48)
    page = client.get(reverse("feedback:cohort", args=["demo-cohort"])).content.decode()
    assert "<select" not in page and "Pair teams by hand" in page
    assert page.count("reviews Grown team") == 48  # the latest round, Winter, in full
    assert "Fall" in page and "50 pairs" in page  # the earlier one summed up
    assert len(page) < 40_000
    by_hand = client.get(reverse("feedback:rounds", args=["demo-cohort"])).content.decode()
    assert by_hand.count("<select") == 50
