"""Writes for the project itself: start, edit, aim, comments and understanding items."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohort_site.unchanged import UNCHANGED, assign
from cohorts.services import team_touch

from .. import permissions
from ..models import (
    Aim,
    Comment,
    ImprovementProject,
)
from .base import _require, _save


def project_content_changed(*projects) -> None:
    """Something the project, printable or measure pages show changed for these projects
    (ImprovementProject objects or pks): the project, its aim, a driver, a change idea, a PDSA
    cycle or its linked measures, a measure or its points. Gives them a new `content_version`,
    so the pages' kept markup (`improvement.chart_cache`) is drawn again. Call it in the
    writer's transaction: a reader who sees the new version sees the new rows too."""
    version = uuid.uuid4()
    pks = set()
    for project in projects:
        if isinstance(project, ImprovementProject):
            project.content_version = version
        pks.add(getattr(project, "pk", project))
    if pks:
        ImprovementProject.objects.filter(pk__in=pks).update(content_version=version)


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
    project_content_changed(project)
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
    project_content_changed(project)
    team_touch(project.team)
    return aim


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
