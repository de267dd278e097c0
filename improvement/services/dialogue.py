"""Writes for data dialogues: start one, record notes, turn a next step into action."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cohorts.services import team_touch

from .. import permissions
from ..models import DataDialogue, DialogueNote, PDSACycle, Step
from .base import _require, _save
from .cycles import cycle_create, cycle_update
from .diagram import change_idea_add


@transaction.atomic
def dialogue_start(*, project, user, measure=None, indicator: str = "") -> DataDialogue:
    """Open a dialogue on one of the project's measures or one profile indicator."""
    _require(permissions.can_write(user, project.team))
    dialogue = DataDialogue(project=project, measure=measure, indicator=indicator, started_by=user)
    _save(dialogue)
    team_touch(project.team)
    return dialogue


@transaction.atomic
def dialogue_note_add(*, dialogue, user, step: str, text: str) -> DialogueNote:
    _require(permissions.can_write(user, dialogue.project.team))
    note = DialogueNote(dialogue=dialogue, step=step, text=text.strip(), author=user)
    _save(note)
    team_touch(dialogue.project.team)
    return note


def _next_step(note, user) -> DialogueNote:
    """The note, locked, after checking it is a next step the person may act on."""
    _require(permissions.can_write(user, note.dialogue.project.team))
    locked = (
        DialogueNote.objects.select_for_update().select_related("dialogue__project").get(pk=note.pk)
    )
    if locked.step != Step.NEXT:
        raise ValidationError(_("Only a next step can become a change idea or a PDSA cycle."))
    return locked


@transaction.atomic
def note_to_change_idea(*, note, user, drivers):
    """The next step becomes a change idea on the chosen drivers (once: a second press
    returns the idea it already became)."""
    note = _next_step(note, user)
    if note.change_idea_id:
        return note.change_idea
    idea = change_idea_add(
        project=note.dialogue.project, user=user, text=note.text[:300], drivers=drivers
    )
    note.change_idea = idea
    note.save(update_fields=["change_idea"])
    return idea


@transaction.atomic
def note_to_cycle(*, note, user, change_idea=None):
    """The next step becomes a PDSA cycle whose plan starts from the dialogue: its objective,
    the team's questions from the infer step, and the measure the team looked at.

    The cycle tests the change idea the step became, or the one chosen. Once only: a second
    press returns the cycle it already became.
    """
    note = _next_step(note, user)
    if note.cycle_id:
        return note.cycle
    dialogue = note.dialogue
    change_idea = note.change_idea or change_idea
    if change_idea is None:
        raise ValidationError({"change_idea": _("Choose the change idea this cycle tests.")})
    cycle = cycle_create(
        project=dialogue.project,
        user=user,
        change_idea=change_idea,
        ramp=dialogue.topic[:120],
        title=note.text[:200],
        purpose=PDSACycle.Purpose.TEST,
    )
    questions = dialogue.notes.filter(step=Step.INFER).values_list("text", flat=True)
    cycle_update(
        cycle=cycle,
        user=user,
        objective=note.text,
        questions=[{"question": q, "prediction": "", "result": ""} for q in questions],
        measures=[dialogue.measure] if dialogue.measure_id else [],
    )
    note.cycle = cycle
    note.save(update_fields=["cycle"])
    return cycle
