"""Writes for improvement projects. Each re-checks the role and runs in one transaction."""

import math
from collections import defaultdict
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohort_site.unchanged import UNCHANGED, assign
from cohorts.services import team_touch

from . import permissions
from .charts import current_signal, group_cells
from .models import (
    GROUP_LABELS,
    Aim,
    ChangeIdea,
    Comment,
    Driver,
    ImprovementProject,
    Measure,
    Observation,
    PDSACycle,
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def project_create(
    *, team, user, problem_of_practice: str, focal_groups: list, equity_area: str, data_from=None
) -> ImprovementProject:
    _require(permissions.can_manage(user, team))
    project = _save(
        ImprovementProject(
            team=team,
            school_year=team.cohort.school_year,
            problem_of_practice=problem_of_practice,
            focal_groups=focal_groups,
            equity_area=equity_area,
            data_from=data_from,
        )
    )
    team_touch(team)
    return project


@transaction.atomic
def project_update(
    *,
    project,
    user,
    problem_of_practice=UNCHANGED,
    focal_groups=UNCHANGED,
    equity_area=UNCHANGED,
    data_from=UNCHANGED,
    progress_score=UNCHANGED,
) -> ImprovementProject:
    _require(permissions.can_manage(user, project.team))
    assign(
        project,
        {
            "problem_of_practice": problem_of_practice,
            "focal_groups": focal_groups,
            "equity_area": equity_area,
            "data_from": data_from,
            "progress_score": progress_score,
        },
    )
    _save(project)
    team_touch(project.team)
    return project


AIM_PARTS = {
    "what": gettext_lazy("what will improve"),
    "how_much": gettext_lazy("how much"),
    "by_when": gettext_lazy("by when"),
    "for_whom": gettext_lazy("for whom (a student group)"),
    "baseline_value": gettext_lazy("baseline value"),
    "baseline_date": gettext_lazy("baseline date"),
    "target_value": gettext_lazy("target value"),
}


@transaction.atomic
def aim_save(
    *,
    project,
    user,
    what: str,
    how_much: str,
    by_when,
    for_whom: str,
    baseline_value,
    baseline_date,
    target_value,
    outcome_measure=None,
) -> Aim:
    _require(permissions.can_write(user, project.team))
    parts = {
        "what": what,
        "how_much": how_much,
        "by_when": by_when,
        "for_whom": for_whom,
        "baseline_value": baseline_value,
        "baseline_date": baseline_date,
        "target_value": target_value,
    }
    missing = [str(AIM_PARTS[name]) for name, value in parts.items() if value in (None, "")]
    if missing:
        raise ValidationError(_("The aim is missing: %(parts)s.") % {"parts": ", ".join(missing)})
    aim = getattr(project, "aim", None) or Aim(project=project)
    assign(aim, {**parts, "outcome_measure": outcome_measure})
    if aim.outcome_measure and aim.outcome_measure.project_id != project.pk:
        raise ValidationError({"outcome_measure": _("Choose one of this project's measures.")})
    _save(aim)
    team_touch(project.team)
    return aim


@transaction.atomic
def driver_add(*, project, user, text: str, parent=None) -> Driver:
    _require(permissions.can_write(user, project.team))
    if parent is not None and parent.project_id != project.pk:
        raise ValidationError({"parent": _("Choose one of this project's drivers.")})
    level = Driver.Level.SECONDARY if parent else Driver.Level.PRIMARY
    driver = Driver(project=project, text=text, parent=parent, level=level)
    driver.order = _next_order(driver)
    _save(driver)
    team_touch(project.team)
    return driver


@transaction.atomic
def change_idea_add(*, project, user, text: str, drivers) -> ChangeIdea:
    _require(permissions.can_write(user, project.team))
    drivers = list(drivers)
    if not drivers:
        raise ValidationError({"drivers": _("Choose at least one driver this idea serves.")})
    if any(d.project_id != project.pk for d in drivers):
        raise ValidationError({"drivers": _("Choose this project's drivers.")})
    idea = ChangeIdea(project=project, text=text)
    idea.order = _next_order(idea)
    _save(idea)
    idea.drivers.set(drivers)
    team_touch(project.team)
    return idea


def _next_order(item: Driver | ChangeIdea) -> int:
    """New drivers and change ideas go last among their siblings."""
    last = item.siblings().aggregate(last=Max("order"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def driver_update(*, driver: Driver, user, text: str) -> Driver:
    _require(permissions.can_write(user, driver.project.team))
    driver.text = text
    _save(driver)
    team_touch(driver.project.team)
    return driver


@transaction.atomic
def change_idea_update(*, idea: ChangeIdea, user, text: str, drivers) -> ChangeIdea:
    _require(permissions.can_write(user, idea.project.team))
    drivers = list(drivers)
    if not drivers:
        raise ValidationError({"drivers": _("Choose at least one driver this idea serves.")})
    if any(d.project_id != idea.project_id for d in drivers):
        raise ValidationError({"drivers": _("Choose this project's drivers.")})
    idea.text = text
    _save(idea)
    idea.drivers.set(drivers)
    team_touch(idea.project.team)
    return idea


@transaction.atomic
def diagram_item_move(*, item: Driver | ChangeIdea, user, up: bool) -> None:
    """Move a driver or change idea one place up or down among its siblings."""
    _require(permissions.can_write(user, item.project.team))
    siblings = list(item.siblings().select_for_update().order_by("order", "pk"))
    position = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = position - 1 if up else position + 1
    if 0 <= other < len(siblings):
        siblings[position], siblings[other] = siblings[other], siblings[position]
    for order, sibling in enumerate(siblings):
        sibling.order = order
    type(item).objects.bulk_update(siblings, ["order"])
    team_touch(item.project.team)


@transaction.atomic
def diagram_item_delete(*, item: Driver | ChangeIdea, user) -> None:
    """Remove a driver (with its secondary drivers) or a change idea without PDSA cycles."""
    _require(permissions.can_write(user, item.project.team))
    try:
        item.delete()
    except ProtectedError as error:
        raise ValidationError(
            _("Its PDSA cycles keep it: a cycle's record always names its change idea.")
        ) from error
    team_touch(item.project.team)


@transaction.atomic
def measure_save(
    *,
    project,
    user,
    measure: Measure | None = None,
    name: str,
    kind: str,
    numerator: str = "",
    denominator: str = "",
    inclusions: str = "",
    data_source: str = "",
    frequency: str = "",
    owner: str = "",
    unit: str,
    direction: str = "",
    groups: list,
    rules: str,
    baseline_points=None,
) -> Measure:
    _require(permissions.can_write(user, project.team))
    measure = measure or Measure(project=project)
    if measure.project_id != project.pk:
        raise PermissionDenied
    assign(
        measure,
        {
            "name": name,
            "kind": kind,
            "numerator": numerator,
            "denominator": denominator,
            "inclusions": inclusions,
            "data_source": data_source,
            "frequency": frequency,
            "owner": owner,
            "unit": unit,
            "direction": direction,
            "groups": groups,
            "rules": rules,
            "baseline_points": baseline_points,
        },
    )
    _save(measure)
    measure_signals_refresh([measure])
    team_touch(project.team)
    return measure


@transaction.atomic
def measure_set_baseline(
    *, measure, user, points: int | None, restart_on: date | None, charts=UNCHANGED
) -> Measure:
    _require(permissions.can_write(user, measure.project.team))
    measure.baseline_points = points
    measure.baseline_restart_on = restart_on
    assign(measure, {"charts": charts})
    _save(measure)
    measure_signals_refresh([measure])
    return measure


def measure_signals_refresh(measures) -> None:
    """Store whether each measure shows a current signal (on suppressed figures: facilitators
    are outside every team). Called whenever a measure's rules or data change, so the cohort
    dashboard reads one flag per measure instead of rerunning the run-chart rules."""
    measures = list(measures)
    points = defaultdict(list)
    for obs in (
        Observation.objects.filter(measure__in=[m.pk for m in measures])
        .only("measure_id", "date", "group", "n", "value")
        .order_by("date")
    ):
        points[obs.measure_id].append(obs)
    changed = []
    for measure in measures:
        signal = current_signal(group_cells(points[measure.pk], insider=False), measure)
        if signal != measure.has_current_signal:
            measure.has_current_signal = signal
            changed.append(measure)
    Measure.objects.bulk_update(changed, ["has_current_signal"], batch_size=500)


# --- observations -----------------------------------------------------------------------------


def build_observation(
    measure: Measure,
    *,
    day: date | None,
    group: str,
    numerator: int | None = None,
    denominator: int | None = None,
    value: float | None = None,
    n: int | None = None,
    stored: set | None = None,
) -> Observation:
    """An unsaved, validated observation; errors are keyed by field.

    `stored` holds the (date, group) pairs already saved for the measure, when the caller read
    them once for many points; otherwise this asks the database.
    """
    errors: dict[str, str] = {}
    start, end = measure.project.data_window
    if day is None:
        errors["date"] = _("Enter a date.")
    elif not start <= day <= end:
        errors["date"] = _(
            "%(day)s is outside the project's year (data from %(start)s to %(end)s)."
        ) % {"day": day, "start": start, "end": end}
    if group not in GROUP_LABELS:
        errors["group"] = _("%(group)s is not a California student-group code.") % {"group": group}
    if denominator is not None and denominator <= 0:
        errors["denominator"] = _("The denominator must be more than 0.")
    if numerator is not None and numerator < 0:
        errors["numerator"] = _("The numerator cannot be negative.")
    if numerator is not None and denominator and numerator > denominator:
        errors["numerator"] = _(
            "The numerator (%(num)s) is larger than the denominator (%(den)s)."
        ) % {
            "num": numerator,
            "den": denominator,
        }
    if (numerator is None) != (denominator is None):
        errors["denominator" if denominator is None else "numerator"] = _(
            "Give both numerator and denominator, or a value."
        )
    if numerator is None and denominator is None and value is None:
        errors["value"] = _("Give a value, or a numerator and denominator.")
    if value is not None and not math.isfinite(value):
        errors["value"] = _("The value must be a number.")
    if errors:
        raise ValidationError(errors)
    if numerator is not None:
        ratio = numerator / denominator
        value = ratio * 100 if measure.unit in (Measure.Unit.PERCENT, Measure.Unit.RATE) else ratio
        n = n if n is not None else denominator
    obs = Observation(
        measure=measure,
        date=day,
        group=group,
        value=round(value, 4),
        numerator=numerator,
        denominator=denominator,
        n=n,
    )
    if (
        (day, group) in stored
        if stored is not None
        else Observation.objects.filter(measure=measure, date=day, group=group).exists()
    ):
        raise ValidationError(
            {
                "date": _("There is already a point for %(group)s on %(day)s.")
                % {"group": group, "day": day}
            }
        )
    return obs


@transaction.atomic
def observation_add(
    *,
    measure,
    user,
    day: date | None,
    group: str,
    numerator: int | None = None,
    denominator: int | None = None,
    value: float | None = None,
    n: int | None = None,
) -> Observation:
    _require(permissions.can_write(user, measure.project.team))
    obs = build_observation(
        measure,
        day=day,
        group=group,
        numerator=numerator,
        denominator=denominator,
        value=value,
        n=n,
    )
    obs.full_clean()
    try:
        with transaction.atomic():
            obs.save()
    except IntegrityError:  # the same point saved a moment ago (another tab or person)
        raise ValidationError(
            {"date": _("There is already a point for this date and group.")}
        ) from None
    measure_signals_refresh([measure])
    team_touch(measure.project.team)
    return obs


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
    team_touch(cycle.project.team)
    return fresh


@transaction.atomic
def comment_add(*, project, user, body: str, cycle=None) -> Comment:
    _require(permissions.can_comment(user, project.team))
    if cycle is not None and cycle.project_id != project.pk:
        raise PermissionDenied
    return _save(Comment(project=project, cycle=cycle, author=user, body=body.strip()))


@transaction.atomic
def item_add(*, project, user, instance):
    """Root causes, empathy interviews, equity-analysis steps, data-profile rows."""
    _require(permissions.can_write(user, project.team))
    instance.project = project
    _save(instance)
    team_touch(project.team)
    return instance
