"""Leadership coaching follows the GROW protocol; a coachee sees their steps on their own page."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from coaching.models import Conversation, NextStep
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

GROW_URL_ROW = expect(404, facilitator=200)


@pytest.mark.parametrize(("role", "expected"), list(GROW_URL_ROW.items()))
def test_the_grow_form_is_for_the_cohorts_facilitators(roles, role, expected):
    response = client_for(role, roles).get(
        reverse("coaching:new", args=["team-a"]) + "?protocol=grow"
    )
    assert_access(response, expected)


def grow_post(roles, **changes):
    data = {
        "held_on": "2026-11-10",
        "kind": "leadership",
        "participants": [roles["lead_a"].pk],
        "protocol_goal": "Protect meeting time",
        "protocol_reality": "Three meetings cancelled",
        "protocol_options": "Master calendar; before school",
        "protocol_way_forward": "Ask the principal this week",
        "step_1": "Bring the request to the principal",
        "step_1_owner": roles["lead_a"].pk,
        "step_1_due": "2026-12-01",
    }
    data.update(changes)
    return data


def test_the_form_shows_each_step_with_its_prompts(roles):
    body = (
        client_for("facilitator", roles)
        .get(reverse("coaching:new", args=["team-a"]) + "?protocol=grow")
        .content.decode()
    )
    for label in ("Goal", "Reality", "Options", "Way forward"):
        assert f">{label} " in body or f">{label}<" in body
    assert "What do you want to have happened by the end of this conversation?" in body


def test_a_grow_conversation_is_saved_step_by_step_and_read_in_the_log(roles):
    client = client_for("facilitator", roles)
    url = reverse("coaching:new", args=["team-a"]) + "?protocol=grow"
    assert client.post(url, grow_post(roles)).status_code == 302
    conversation = Conversation.objects.get()
    assert conversation.protocol == "grow"
    assert conversation.steps["reality"] == "Three meetings cancelled"
    log = client_for("lead_a", roles).get(reverse("coaching:list", args=["team-a"]))
    body = log.content.decode()
    assert "GROW" in body
    assert body.index("Protect meeting time") < body.index("Ask the principal this week")


def test_the_goal_and_way_forward_are_required_and_typed_text_stays(roles):
    response = client_for("facilitator", roles).post(
        reverse("coaching:new", args=["team-a"]) + "?protocol=grow",
        grow_post(roles, protocol_goal="", protocol_way_forward=""),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in body
    assert "Three meetings cancelled" in body
    assert not Conversation.objects.exists()


def make_step(roles, owner, description):
    conversation = Conversation.objects.create(
        team=roles["team_a"], facilitator=roles["facilitator"], notes="n", protocol="grow"
    )
    return NextStep.objects.create(
        conversation=conversation,
        description=description,
        owner=owner,
        due_on=timezone.localdate() + datetime.timedelta(days=2),
    )


def test_a_coachee_sees_their_own_next_steps_on_their_page_and_marks_one_done(roles):
    make_step(roles, roles["lead_a"], "Bring the request to the principal")
    make_step(roles, roles["member_a"], "Someone else's step")
    client = client_for("lead_a", roles)
    my_page = reverse("cohorts:my_teams")
    body = client.get(my_page).content.decode()
    assert "Your next steps from coaching" in body
    assert "Bring the request to the principal" in body
    assert "Someone else&#x27;s step" not in body and "Someone else's step" not in body
    assert "Your next steps" not in client_for("member_b", roles).get(my_page).content.decode()

    step = NextStep.objects.get(description="Bring the request to the principal")
    response = client.post(
        reverse("coaching:step_done", args=["team-a", step.pk]), {"next": my_page}
    )
    assert response.url == my_page
    assert "Bring the request" not in client.get(my_page).content.decode()


def test_done_goes_back_only_to_this_site(roles):
    step = make_step(roles, roles["lead_a"], "A step")
    response = client_for("lead_a", roles).post(
        reverse("coaching:step_done", args=["team-a", step.pk]),
        {"next": "https://evil.example.com/"},
    )
    assert response.url == reverse("cohorts:team", args=["team-a"])


@pytest.mark.parametrize("count", [1, 30])
def test_my_page_runs_a_fixed_number_of_queries(roles, count, django_assert_max_num_queries):
    for n in range(count):
        make_step(roles, roles["lead_a"], f"Step {n}")
    with django_assert_max_num_queries(22):
        client_for("lead_a", roles).get(reverse("cohorts:my_teams"))
