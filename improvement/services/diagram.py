"""Writes for the driver diagram: drivers and change ideas, their order and removal."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from cohorts.services import team_touch

from .. import permissions
from ..models import (
    ChangeIdea,
    Driver,
)
from .base import _require, _save
from .project import project_content_changed


@transaction.atomic
def driver_add(*, project, user, text: str, parent=None) -> Driver:
    _require(permissions.can_write(user, project.team))
    if parent is not None and parent.project_id != project.pk:
        raise ValidationError({"parent": _("Choose one of this project's drivers.")})
    level = Driver.Level.SECONDARY if parent else Driver.Level.PRIMARY
    driver = Driver(project=project, text=text, parent=parent, level=level)
    driver.order = _next_order(driver)
    _save(driver)
    project_content_changed(project)
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
    project_content_changed(project)
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
    project_content_changed(driver.project)
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
    project_content_changed(idea.project)
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
    project_content_changed(item.project)
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
    project_content_changed(item.project)
    team_touch(item.project.team)
