"""Demo coaching conversations: team A has an open next step, another team an overdue one."""

import datetime

from django.utils import timezone

from cohorts.demo import TEAM_A_SLUG
from cohorts.models import Membership, Team

from .models import Conversation, NextStep


def seed_coaching() -> None:
    seed_grow_conversation()
    team_a = Team.objects.filter(slug=TEAM_A_SLUG).select_related("cohort").first()
    if team_a is None or Conversation.objects.filter(team__cohort=team_a.cohort).exists():
        return
    facilitator = team_a.cohort.facilitators.order_by("pk").first()
    today = timezone.localdate()
    for team, notes, step, due_in_days in [
        (
            team_a,
            "Monthly check-in. The team finished its first round of empathy interviews with "
            "families of English learners and wants help narrowing its aim to one grade level.",
            "Draft an aim for 7th-grade English learners and share it before the next session",
            10,
        ),
        (
            Team.objects.filter(cohort=team_a.cohort)
            .exclude(pk=team_a.pk)
            .order_by("name")
            .first(),
            "Leadership coaching with the principal about protecting team meeting time.",
            "Put the equity team meeting on the master calendar for the rest of the year",
            -12,
        ),
    ]:
        if team is None:
            continue
        conversation = Conversation.objects.create(
            team=team,
            facilitator=facilitator,
            held_on=today - datetime.timedelta(days=20),
            notes=notes,
        )
        members = [
            m.user for m in Membership.objects.current().filter(team=team).select_related("user")
        ]
        conversation.participants.set(members[:3])
        lead = next((m.user for m in Membership.objects.current().leads().filter(team=team)), None)
        NextStep.objects.create(
            conversation=conversation,
            description=step,
            owner=lead,
            due_on=today + datetime.timedelta(days=due_in_days),
        )


GROW_DEMO = {
    "goal": (
        "Leave with one way to protect the equity team's meeting time through spring testing, "
        "so the empathy-interview work with English learner families does not stall."
    ),
    "reality": (
        "Three of the last five team meetings were cancelled for testing logistics or coverage. "
        "Two teachers on the team cover classes during their prep. The interview notes from "
        "October have not been read together yet."
    ),
    "options": (
        "Ask the principal to put the meeting on the master calendar; meet before school once "
        "a month; trade a staff meeting slot; ask the district for release time; shorten "
        "meetings to 45 minutes with a fixed agenda."
    ),
    "way_forward": (
        "Luis brings a one-page request to the principal this week; the team tries a 45-minute "
        "agenda at its next meeting and checks afterwards whether it was enough."
    ),
}


def seed_grow_conversation() -> None:
    """A GROW leadership-coaching conversation with team A's lead, whose next steps show on
    the lead's own page (My teams)."""
    team_a = Team.objects.filter(slug=TEAM_A_SLUG).select_related("cohort").first()
    if team_a is None or Conversation.objects.filter(team=team_a, protocol="grow").exists():
        return
    lead = next((m.user for m in Membership.objects.current().leads().filter(team=team_a)), None)
    if lead is None:
        return
    today = timezone.localdate()
    conversation = Conversation.objects.create(
        team=team_a,
        facilitator=team_a.cohort.facilitators.order_by("pk").first(),
        held_on=today - datetime.timedelta(days=6),
        kind=Conversation.Kind.LEADERSHIP,
        protocol="grow",
        steps=GROW_DEMO,
        notes="",
    )
    conversation.participants.set([lead])
    for description, days in [
        ("Bring a one-page request for protected meeting time to the principal", 3),
        ("Draft a 45-minute agenda for the next team meeting and send it a day ahead", 9),
    ]:
        NextStep.objects.create(
            conversation=conversation,
            description=description,
            owner=lead,
            due_on=today + datetime.timedelta(days=days),
        )
