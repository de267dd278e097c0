"""Bright spots: where a team's measure shows a sustained improvement for a focal student group.

A bright spot is a run-chart signal (`runchart.analyse`, through `charts.analyse_series`, so
the measure's own rules, frozen baseline and restart apply) that

- is a shift (IHI: 6 or more points on one side of the median; Anhøj: an unusually long run)
  or an IHI trend (5 or more points going one way),
- lies on the improving side: above the median or going up when higher is better, below or
  going down when lower is better (a measure without a direction has none),
- is sustained: it reaches one of the series' last three points (as `current_signal`),
- ends within the project's school year, for a project of the cohort's school year,
- is for one of the project's focal student groups.

The first three are decided when the data changes (`detect`, stored by
`services.bright_spots_store`); the last two when the dashboard reads the rows
(`cohort_bright_spots`), so editing the focal groups needs no recomputation.

Suppression: `detect` runs on the cells a facilitator sees (`group_cells(insider=False)`, the
one suppression function), exactly as the measure page draws them for a facilitator. A
suppressed point is not a point: it neither counts nor appears in the words, and a group
hidden on every date has no series, so no bright spot. The words name only a count of shown
points, a side and the first shown point's date: all on the facilitator's measure page.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .charts import analyse_series
from .models import GROUP_LABELS, BrightSpot, Measure, PDSACycle

SHIFT_RULES = {"shift", "long_run"}
TREND_RULES = {"trend"}
SUSTAINED_LAST_POINTS = 3
# Cycles "behind" a signal: those whose test started from this many days before its first
# point up to its latest point.
CYCLE_LEAD_DAYS = 120
DASHBOARD_LIMIT = 5


# --- detection (when the data changes) -----------------------------------------------------------


def _improving(rising: bool, direction: str) -> bool:
    return rising == (direction == Measure.Direction.UP)


def _candidates(points: Sequence[tuple[datetime.date, float]], measure: Measure):
    """(rule, counted points, rising, first index, last index) of each improving signal."""
    result = analyse_series(points, measure)
    for segment in result.segments:
        values = [v for _d, v in points[segment.start : segment.end + 1]]
        centre = segment.analysis.median
        for signal in segment.analysis.signals:
            run = values[signal.start : signal.end + 1]
            if signal.rule in SHIFT_RULES:
                rule, rising = BrightSpot.Rule.SHIFT, run[0] > centre
                counted = sum(1 for v in run if v != centre)
            elif signal.rule in TREND_RULES:
                rule, rising = BrightSpot.Rule.TREND, run[-1] > run[0]
                counted = 1 + sum(1 for a, b in zip(run, run[1:], strict=False) if a != b)
            else:
                continue
            if _improving(rising, measure.direction):
                yield (
                    rule,
                    counted,
                    rising,
                    segment.start + signal.start,
                    segment.start + signal.end,
                )


def detect(cells_by_date, measure: Measure) -> list[BrightSpot]:
    """Unsaved bright spots of one measure, one per group at most, from shown cells only.

    `cells_by_date` is `charts.group_cells(..., insider=False)`: suppressed cells are skipped.
    A shift is preferred to a trend, then the longer signal.
    """
    if measure.direction not in Measure.Direction.values:
        return []
    series: dict[str, list[tuple[datetime.date, float]]] = defaultdict(list)
    for day, cells in cells_by_date:
        for group, cell in cells.items():
            if not cell.suppressed:
                series[group].append((day, cell.value))
    found = []
    for group, points in sorted(series.items()):
        sustained = [
            c for c in _candidates(points, measure) if c[4] >= len(points) - SUSTAINED_LAST_POINTS
        ]
        if not sustained:
            continue
        rule, counted, rising, first, last = max(
            sustained, key=lambda c: (c[0] == BrightSpot.Rule.SHIFT, c[1])
        )
        found.append(
            BrightSpot(
                measure_id=measure.pk,
                group=group,
                rule=rule,
                points=counted,
                rising=rising,
                starts_on=points[first][0],
                ends_on=points[last][0],
            )
        )
    return found


# --- reading (the dashboard and the cohort's page) -----------------------------------------------


@dataclass
class Entry:
    spot: BrightSpot
    team: object
    measure: Measure
    group_label: str
    words: str
    cycles: list[PDSACycle]


def describe(spot: BrightSpot, measure: Measure) -> str:
    """The signal in words: "8 points below the baseline median since Feb 12, 2026"."""
    values = {"count": spot.points, "date": date_format(spot.starts_on, "SHORT_DATE_FORMAT")}
    if spot.rule == BrightSpot.Rule.TREND:
        if spot.rising:
            return _("%(count)s points in a row going up since %(date)s") % values
        return _("%(count)s points in a row going down since %(date)s") % values
    if measure.baseline_points:
        if spot.rising:
            return _("%(count)s points above the baseline median since %(date)s") % values
        return _("%(count)s points below the baseline median since %(date)s") % values
    if spot.rising:
        return _("%(count)s points above the median since %(date)s") % values
    return _("%(count)s points below the median since %(date)s") % values


def _listed(spot: BrightSpot) -> bool:
    project = spot.measure.project
    year_start, year_end = project.year_bounds
    return spot.group in (project.focal_groups or []) and year_start <= spot.ends_on <= year_end


def _cycles_behind(spots: Iterable[BrightSpot]) -> dict[int, list[PDSACycle]]:
    """The linked cycles of each spot's measure dated around its signal; one query."""
    spots = list(spots)
    links = PDSACycle.measures.through.objects.filter(
        measure_id__in={s.measure_id for s in spots}
    ).select_related("pdsacycle__project__team")
    by_measure = defaultdict(list)
    for link in links:
        by_measure[link.measure_id].append(link.pdsacycle)
    behind = {}
    for spot in spots:
        earliest = spot.starts_on - datetime.timedelta(days=CYCLE_LEAD_DAYS)
        cycles = [
            c
            for c in by_measure[spot.measure_id]
            if c.marker_date and earliest <= c.marker_date <= spot.ends_on
        ]
        behind[spot.pk] = sorted(cycles, key=lambda c: (c.marker_date, c.pk))
    return behind


def cohort_bright_spots(cohort, *, teams=None, group: str = "") -> list[Entry]:
    """The cohort's bright spots for its school year, newest first; three queries in all.

    The caller has resolved `cohort` through `Cohort.objects.facilitated_by(user)` (the access
    layer); `teams`, when given, narrows to those teams (the dashboard's filter).
    """
    spots = BrightSpot.objects.filter(
        measure__project__team__cohort=cohort,
        measure__project__school_year=cohort.school_year,
    ).select_related("measure__project__team")
    if teams is not None:
        spots = spots.filter(measure__project__team__in=[t.pk for t in teams])
    if group:
        spots = spots.filter(group=group)
    listed = [s for s in spots if _listed(s)]
    cycles = _cycles_behind(listed) if listed else {}
    return [
        Entry(
            spot=s,
            team=s.measure.project.team,
            measure=s.measure,
            group_label=str(GROUP_LABELS.get(s.group, s.group)),
            words=describe(s, s.measure),
            cycles=cycles[s.pk],
        )
        for s in listed
    ]
