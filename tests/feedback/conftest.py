import datetime

import pytest

from django.utils import timezone

from cohorts.factories import CohortSessionFactory, MembershipFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(roles):
    """The `roles` people plus a second reviewer on team B, a named request from member_a
    answered by member_b, an anonymous request, and a session that has ended."""
    from feedback import services

    peer2 = MembershipFactory(
        team=roles["team_b"],
        user__email="peer2@example.org",
        user__display_name="Quinn Zephyrine",
    ).user
    roles["member_b"].display_name = "Priya Shahzadeh"
    roles["member_b"].save(update_fields=["display_name"])
    due = timezone.localdate() + datetime.timedelta(days=7)
    named = services.request_create(
        team=roles["team_a"],
        requested_by=roles["member_a"],
        artifact_title="Named aim statement",
        focusing_question="Can someone else measure this?",
        protocol="warm-and-cool-feedback",
        due_on=due,
        reviewers=[roles["member_b"]],
    )
    response = services.response_save(
        request=named,
        giver=roles["member_b"],
        answers={"warm": "Clear baseline.", "cool": "Define engaged."},
        submit=True,
    )
    anonymous = services.request_create(
        team=roles["team_a"],
        requested_by=roles["member_a"],
        artifact_title="Anonymous fishbone",
        focusing_question="What is the school's part?",
        protocol="tuning-protocol",
        due_on=due,
        anonymous=True,
        reviewer_team=roles["team_b"],
    )
    session = CohortSessionFactory(
        cohort=roles["cohort"],
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=3),
    )
    return {
        **roles,
        "peer2": peer2,
        "named": named,
        "named_response": response,
        "anonymous_request": anonymous,
        "session": session,
    }
