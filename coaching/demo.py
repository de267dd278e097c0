"""Demo coaching conversations: team A has an open next step, another team an overdue one."""

import datetime

from django.utils import timezone

from cohorts.demo import TEAM_A_SLUG
from cohorts.models import Membership, Team

from .models import Conversation, NextStep


def seed_coaching() -> None:
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
