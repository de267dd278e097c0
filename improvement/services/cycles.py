"""Writes for PDSA cycles: create, move through the phases, adapt into the next."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohort_site.unchanged import UNCHANGED, assign
from cohorts.services import team_touch

from .. import permissions
from ..models import (
    PDSACycle,
)
from .base import _require, _save
from .project import project_content_changed

# --- PDSA cycles --------------------------------------------------------------------------------

PHASE_ORDER = ["plan", "do", "study", "act", "done"]
PHASE_DATE = {"do": "planned_on", "study": "done_on", "act": "studied_on", "done": "decided_on"}


def _next_number(project, ramp: str) -> int:
    last = PDSACycle.objects.filter(project=project, ramp=ramp).order_by("-number").first()
    return (last.number + 1) if last else 1


@transaction.atomic
def cycle_create(
    *,
    project,
    user,
    change_idea,
    ramp: str,
    title: str,
    purpose: str = "",
    planned_start=None,
    planned_end=None,
) -> PDSACycle:
    _require(permissions.can_write(user, project.team))
    if change_idea.project_id != project.pk:
        raise ValidationError({"change_idea": _("Choose one of this project's change ideas.")})
    cycle = PDSACycle(
        project=project,
        change_idea=change_idea,
        ramp=ramp,
        number=_next_number(project, ramp),
        title=title,
        purpose=purpose,
        planned_start=planned_start,
        planned_end=planned_end,
    )
    _save(cycle)
    project_content_changed(project)
    team_touch(project.team)
    return cycle


@transaction.atomic
def cycle_update(
    *,
    cycle,
    user,
    advance: bool = False,
    # plan
    objective=UNCHANGED,
    questions=UNCHANGED,
    tasks=UNCHANGED,
    test_who=UNCHANGED,
    test_what=UNCHANGED,
    test_where=UNCHANGED,
    test_when=UNCHANGED,
    data_plan=UNCHANGED,
    measures=UNCHANGED,
    who_benefits=UNCHANGED,
    who_burdened=UNCHANGED,
    whose_voice=UNCHANGED,
    planned_start=UNCHANGED,
    planned_end=UNCHANGED,
    # do
    as_planned=UNCHANGED,
    observations=UNCHANGED,
    problems=UNCHANGED,
    deviations=UNCHANGED,
    # study
    learned=UNCHANGED,
    # act
    decision=UNCHANGED,
    next_steps=UNCHANGED,
) -> PDSACycle:
    """Save one phase's fields; `advance` moves to the next phase and dates the one left.

    A closed (decided) cycle is not edited; the test cannot move to Do with gaps in its plan.
    """
    _require(permissions.can_write(user, cycle.project.team))
    if cycle.phase == PDSACycle.Phase.DONE:
        raise ValidationError(_("This cycle is closed: its decision is recorded."))
    if measures is not UNCHANGED and any(m.project_id != cycle.project_id for m in measures):
        raise ValidationError({"measures": _("Choose this project's measures.")})
    assign(
        cycle,
        {
            "objective": objective,
            "questions": questions,
            "tasks": tasks,
            "test_who": test_who,
            "test_what": test_what,
            "test_where": test_where,
            "test_when": test_when,
            "data_plan": data_plan,
            "who_benefits": who_benefits,
            "who_burdened": who_burdened,
            "whose_voice": whose_voice,
            "planned_start": planned_start,
            "planned_end": planned_end,
            "as_planned": as_planned,
            "observations": observations,
            "problems": problems,
            "deviations": deviations,
            "learned": learned,
            "decision": decision,
            "next_steps": next_steps,
        },
    )
    if advance:
        if cycle.phase == "plan" and (gaps := cycle.plan_gaps()):
            raise ValidationError(gaps)
        if cycle.phase == "act" and not cycle.decision:
            raise ValidationError({"decision": _("Choose adopt, adapt, abandon or scale up.")})
        position = PHASE_ORDER.index(cycle.phase)
        if position + 1 < len(PHASE_ORDER):
            cycle.phase = PHASE_ORDER[position + 1]
            setattr(cycle, PHASE_DATE[cycle.phase], timezone.localdate())
    _save(cycle)
    if measures is not UNCHANGED:
        cycle.measures.set(measures)
    project_content_changed(cycle.project)
    team_touch(cycle.project.team)
    return cycle


@transaction.atomic
def cycle_adapt(*, cycle, user) -> PDSACycle:
    """'Adapt' starts the next cycle in the ramp, pre-filled from this one."""
    _require(permissions.can_write(user, cycle.project.team))
    fresh = PDSACycle(
        project=cycle.project,
        change_idea=cycle.change_idea,
        ramp=cycle.ramp,
        number=_next_number(cycle.project, cycle.ramp),
        previous=cycle,
        title=cycle.title,
        purpose=cycle.purpose,
        objective=cycle.objective,
        questions=[
            {"question": q.get("question", ""), "prediction": "", "result": ""}
            for q in cycle.questions
        ],
        tasks=cycle.tasks,
        data_plan=cycle.data_plan,
        who_benefits=cycle.who_benefits,
        who_burdened=cycle.who_burdened,
        whose_voice=cycle.whose_voice,
    )
    _save(fresh)
    fresh.measures.set(cycle.measures.all())
    project_content_changed(cycle.project)
    team_touch(cycle.project.team)
    return fresh
