"""Writes for measures and observations, and the stored current signal."""

import math
import uuid
from collections import defaultdict
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cohort_site.unchanged import UNCHANGED, assign
from cohorts.services import team_summary_changed, team_touch

from .. import brightspots, permissions
from ..charts import current_signal, group_cells
from ..models import (
    GROUP_LABELS,
    Measure,
    Observation,
)
from .base import _require, _save
from .brightspots import bright_spots_store
from .project import project_content_changed


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
    team_summary_changed(measure.project.team_id)  # its signal may have changed
    return measure


def measure_signals_refresh(measures) -> None:
    """Store whether each measure shows a current signal (on suppressed figures: facilitators
    are outside every team). Called whenever a measure's rules or data change, so the cohort
    dashboard reads one flag per measure instead of rerunning the run-chart rules. The same
    pass stores the measure's bright spots (`improvement.brightspots`) and gives each measure a
    new `charts_version`, so the pages' cached charts (`improvement.chart_cache`) are redrawn."""
    measures = list(measures)
    points = defaultdict(list)
    for obs in (
        Observation.objects.filter(measure__in=[m.pk for m in measures])
        .only("measure_id", "date", "group", "n", "value")
        .order_by("date")
    ):
        points[obs.measure_id].append(obs)
    found = {}
    for measure in measures:
        cells = group_cells(points[measure.pk], insider=False)
        found[measure.pk] = brightspots.detect(cells, measure)
        measure.has_current_signal = current_signal(cells, measure)
        measure.charts_version = uuid.uuid4()
    Measure.objects.bulk_update(measures, ["has_current_signal", "charts_version"], batch_size=500)
    bright_spots_store(measures, found)
    project_content_changed(*{measure.project_id for measure in measures})


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
