from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from cohorts import access
from cohorts.services import team_summary_changed

from .models import Conversation, NextStep


@transaction.atomic
def conversation_record(
    *,
    team,
    facilitator,
    steps: list[dict],
    participants,
    held_on,
    kind: str,
    notes: str,
    protocol: str = "",
    protocol_steps: dict | None = None,
) -> Conversation:
    """Save a coaching conversation and its next steps together (all or nothing).

    Each step is {"description", "owner_id", "due_on"}. `protocol` names a coaching protocol
    (coaching/protocols.py) and `protocol_steps` holds what was said at each of its steps."""
    if not access.is_cohort_facilitator(facilitator, team.cohort):
        raise PermissionDenied
    conversation = Conversation.objects.create(
        team=team,
        facilitator=facilitator,
        held_on=held_on,
        kind=kind,
        notes=notes,
        protocol=protocol,
        steps=protocol_steps or {},
    )
    conversation.participants.set(participants)
    NextStep.objects.bulk_create(
        NextStep(
            conversation=conversation,
            description=step["description"],
            owner_id=step["owner_id"],
            due_on=step["due_on"],
        )
        for step in steps
    )
    team_summary_changed(team)  # open steps on the cohort dashboard
    return conversation


def next_step_done(*, step: NextStep, by) -> None:
    if not step.can_mark_done(by):
        raise PermissionDenied
    NextStep.objects.filter(pk=step.pk, done_at__isnull=True).update(done_at=timezone.now())
    team_summary_changed(step.conversation.team_id)
