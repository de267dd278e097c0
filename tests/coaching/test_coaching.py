import datetime

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coaching.models import Conversation, NextStep
from tests.conftest import client_for
from tests.matrix import assert_access, cells, expect

pytestmark = pytest.mark.django_db

MATRIX = {
    "list": expect(404, lead_a=200, facilitator=200),
    "new": expect(404, facilitator=200),
}
# POST: the step's owner, the team's leads and the cohort's facilitators mark it done; a site
# admin opens the team but does not act in its coaching (404, as for everyone else).
POST_MATRIX = {"step_done": expect(404, member_a=302, lead_a=302, facilitator=302)}
COVERS = {f"coaching:{key}" for key in MATRIX | POST_MATRIX}


@pytest.fixture
def conversation(roles):
    conversation = Conversation.objects.create(
        team=roles["team_a"],
        facilitator=roles["facilitator"],
        notes="Private coaching notes about the principal",
    )
    NextStep.objects.create(
        conversation=conversation,
        description="Share the draft aim",
        owner=roles["member_a"],
        due_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    return conversation


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in row.items()],
)
def test_access_matrix(roles, conversation, url_name, role, expected):
    response = client_for(role, roles).get(reverse(f"coaching:{url_name}", args=["team-a"]))
    assert_access(response, expected)


@pytest.mark.parametrize(("url_name", "role", "expected"), cells(POST_MATRIX))
def test_post_access_matrix(roles, conversation, url_name, role, expected):
    step = conversation.next_steps.get()
    url = reverse(f"coaching:{url_name}", args=["team-a", step.pk])
    assert_access(client_for(role, roles).post(url), expected)
    step.refresh_from_db()
    assert (step.done_at is not None) == (expected == 302)


def test_members_see_next_steps_on_the_team_space_but_not_the_notes(roles, conversation):
    body = (
        client_for("member_a", roles).get(reverse("cohorts:team", args=["team-a"])).content.decode()
    )
    assert "Share the draft aim" in body
    assert "Private coaching notes" not in body
    lead_page = (
        client_for("lead_a", roles).get(reverse("coaching:list", args=["team-a"])).content.decode()
    )
    assert "Private coaching notes" in lead_page


def test_facilitator_records_a_conversation_with_next_steps(roles):
    client = client_for("facilitator", roles)
    response = client.post(
        reverse("coaching:new", args=["team-a"]),
        {
            "held_on": "2026-11-10",
            "kind": "check_in",
            "participants": [roles["lead_a"].pk],
            "notes": "Talked about the aim.",
            "step_1": "Collect attendance data by group",
            "step_1_owner": roles["lead_a"].pk,
            "step_1_due": "2026-12-01",
        },
    )
    assert response.status_code == 302
    step = NextStep.objects.get()
    assert (step.owner, step.conversation.team) == (roles["lead_a"], roles["team_a"])


def test_a_next_step_without_owner_is_refused_and_nothing_is_saved(roles):
    response = client_for("facilitator", roles).post(
        reverse("coaching:new", args=["team-a"]),
        {
            "held_on": "2026-11-10",
            "kind": "check_in",
            "notes": "Typed notes stay",
            "step_1": "Do a thing",
        },
    )
    body = response.content.decode()
    assert "Every next step needs an owner" in body
    assert "Typed notes stay" in body
    assert not Conversation.objects.exists()


def test_owner_marks_a_step_done_and_others_cannot(roles, conversation):
    step = conversation.next_steps.get()
    url = reverse("coaching:step_done", args=["team-a", step.pk])
    assert client_for("member_b", roles).post(url).status_code == 404
    assert client_for("member_a", roles).post(url).status_code == 302
    step.refresh_from_db()
    assert step.done_at is not None


def test_cohort_page_counts_open_steps(roles, conversation):
    body = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    assert "Open coaching steps" in body


def test_reminder_goes_to_the_owner_the_day_before(
    roles, conversation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_coaching_reminders", verbosity=0)
    assert [m.to for m in mailoutbox] == [["member@example.org"]]
    assert "Share the draft aim" in mailoutbox[0].subject
