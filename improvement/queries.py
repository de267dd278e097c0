"""Reads for improvement pages: a fixed number of queries however many rows a project has."""

from collections import defaultdict

from django.db.models import F
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cohort_site.fragments import cached_html, cached_html_many

from . import permissions
from .chart_cache import chart_key, project_page_key
from .charts import build_measure_charts, group_cells, suppress_groups
from .diagram import render_driver_diagram
from .models import Comment, Driver, ImprovementProject, Observation, PDSACycle
from .suppression import Cell, display_n


def current_project(team, user) -> ImprovementProject | None:
    return (
        ImprovementProject.objects.visible_to(user)
        .filter(team=team, school_year=team.cohort.school_year)
        .select_related("team", "team__cohort", "aim", "aim__outcome_measure")
        .first()
    )


def team_project(team) -> ImprovementProject | None:
    """`current_project` of a team the page already let the reader see (`TeamMixin.team`
    asked `access.can_view_team`, the same rule as `visible_to`): no visibility subqueries
    again, and the project keeps the page's team (its cohort too) instead of reading it."""
    project = (
        ImprovementProject.objects.filter(team=team, school_year=team.cohort.school_year)
        .select_related("aim", "aim__outcome_measure")
        .first()
    )
    if project is not None:
        project.team = team
    return project


def cycle_label(cycle) -> str:
    return f"C{cycle.number}: {cycle.ramp} #{cycle.number} {cycle.title}"


def _attach(obj, name: str, items: list) -> None:
    """Hand `obj.<name>.all()` the rows already read, as `prefetch_related` would."""
    queryset = getattr(obj, name).all()
    queryset._result_cache = items
    queryset._prefetch_done = True
    obj.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def diagram_context(project) -> dict:
    """The aim, drivers and change ideas, and the diagram drawn from them, in two queries.

    Every driver comes in one query, joined to the change ideas it serves; the primaries get
    their `children` and each idea its `drivers` from that one list. Each driver also gets
    `served_by`, the ideas serving it in the ideas' order (the outline lists them).
    """
    aim = getattr(project, "aim", None)
    ideas = list(project.change_ideas.all())
    drivers: dict[int, Driver] = {}
    idea_drivers = defaultdict(list)
    rows = project.drivers.annotate(idea_pk=F("change_ideas")).order_by("level", "order", "pk")
    for row in rows:  # one row per (driver, idea served), in the drivers' own order
        driver = drivers.setdefault(row.pk, row)
        if driver is row:
            driver.served_by = []
        if row.idea_pk is not None:
            idea_drivers[row.idea_pk].append(driver)
    children = defaultdict(list)
    for driver in sorted(drivers.values(), key=lambda d: (d.order, d.pk)):
        if driver.parent_id is not None:
            children[driver.parent_id].append(driver)
    primaries = [d for d in drivers.values() if d.level == Driver.Level.PRIMARY]
    for primary in primaries:
        _attach(primary, "children", children[primary.pk])
    for idea in ideas:
        _attach(idea, "drivers", idea_drivers[idea.pk])
        for driver in idea_drivers[idea.pk]:
            driver.served_by.append(idea)
    return {
        "project": project,
        "aim": aim,
        "primaries": primaries,
        "ideas": ideas,
        "diagram": render_driver_diagram(
            aim_text=aim.statement if aim else "—", primaries=primaries, ideas=ideas
        ),
    }


def project_context(
    project, *, insider: bool, all_groups: bool = False, compact: bool = False
) -> dict:
    """Everything the project page and the printable page show (`compact` charts: see
    `charts.run_chart_geometry`). Each measure's charts come rendered, from the cache when
    nothing they show has changed (`chart_cache`); observations are read only for the others."""
    context = diagram_context(project)
    aim = context["aim"]
    ideas = context["ideas"]
    cycles = list(PDSACycle.objects.filter(project=project).select_related("change_idea"))
    measures = {measure.pk: measure for measure in project.measures.all()}
    focal = aim.for_whom if aim else (project.focal_groups[0] if project.focal_groups else None)
    # Which cycles each measure is linked to: the through table's pairs, no Measure rows.
    linked = defaultdict(set)
    for cycle_pk, measure_pk in PDSACycle.measures.through.objects.filter(
        pdsacycle__project=project
    ).values_list("pdsacycle_id", "measure_id"):
        linked[measure_pk].add(cycle_pk)
    markers = {
        pk: [
            (c.marker_date, cycle_label(c)) for c in cycles if c.marker_date and c.pk in linked[pk]
        ]
        for pk in measures
    }
    page = "print" if all_groups else "project"
    team = project.team

    def render(missing: list[int]) -> dict[int, tuple[str]]:
        observations = defaultdict(list)
        for obs in Observation.objects.filter(measure__in=missing).order_by("date", "group"):
            observations[obs.measure_id].append(obs)
        rendered = {}
        for pk in missing:
            charts = build_measure_charts(
                measures[pk],
                observations[pk],
                insider=insider,
                focal=focal,
                markers=markers[pk],
                compact=compact,
                # The project page shows the gap, the focal group and all students (drawn only).
                only=None if all_groups else {"gap", focal, "ALL"},
            )
            rendered[pk] = (
                render_to_string(
                    "improvement/_chart_list.html",
                    {"charts": charts, "team": team, "open_tables": all_groups},
                ),
            )
        return rendered

    keys = {
        pk: chart_key(
            measure,
            page=page,
            insider=insider,
            focal=focal,
            markers=markers[pk],
            team_slug=team.slug,
        )
        for pk, measure in measures.items()
    }
    fragments = cached_html_many(keys, render)
    measure_blocks = [
        {"measure": measure, "charts_html": fragments[pk][0]} for pk, measure in measures.items()
    ]
    ideas_by_pk = {idea.pk: idea for idea in ideas}
    timeline = defaultdict(list)
    for cycle in cycles:
        timeline[cycle.change_idea_id].append(cycle)
    return {
        **context,
        "measure_blocks": measure_blocks,
        "cycles": cycles,
        "timeline": [(ideas_by_pk[pk], items) for pk, items in timeline.items()],
        "insider": insider,
    }


def project_page_html(
    project, *, page: str, insider: bool, can_write: bool = False, can_manage: bool = False
) -> SafeString:
    """The project page's read-only sections (`page` "project": everything but the comments)
    or the whole printable project (`page` "print"), kept while nothing they show changed
    (`chart_cache.project_page_key`): drivers, ideas, cycles, measures and points are read
    only to render them again."""
    team = project.team
    printing = page == "print"
    key = project_page_key(
        project, page=page, team=team, insider=insider, can_write=can_write, can_manage=can_manage
    )

    def render() -> str:
        context = project_context(project, insider=insider, all_groups=printing, compact=printing)
        context.update(team=team, can_write=can_write, can_manage=can_manage)
        template = "improvement/_print_body.html" if printing else "improvement/_project_body.html"
        return render_to_string(template, context)

    return cached_html(key, render)


def measure_dialogues(measure) -> list:
    """The data dialogues on the measure (its page's list) with who started them, read on every
    view; each is handed the page's measure and project (with its team) instead of joining
    them again."""
    dialogues = list(measure.dialogues.select_related("started_by"))
    for dialogue in dialogues:
        dialogue.measure, dialogue.project = measure, measure.project
    return dialogues


def project_comments(project) -> list:
    """The comments on the project itself (not on a cycle), with their authors: read on every
    view, so a new comment, a renamed or an erased author shows at once."""
    return list(
        Comment.objects.filter(project=project, cycle__isnull=True).select_related("author")
    )


# --- what may leave the team ---------------------------------------------------------------------
#
# The one rule for student-group figures in anything that can be downloaded (CSV exports, the
# team portfolio, JSON): the owning team takes every figure; any other reader gets them through
# `improvement.suppression`. A hidden cell keeps its labels and the reason it is hidden, never its
# n, value, numerator or denominator. Outsiders get no numerators or denominators at all: the
# total's numerator minus the shown groups' numerators would count the students of a hidden one.


def _hidden(cell) -> str:
    return _(display_n(cell)) if cell.suppressed else ""


def observation_rows(observations, *, insider: bool) -> list[dict]:
    """Observations (with `measure` selected) as rows that may leave the team for this reader.

    Measures in the order first met; within a measure by date, then group. Each row has
    measure, date, group, n, value, numerator, denominator and `hidden` (why the figures are
    left out, or "").
    """
    by_measure: dict = defaultdict(list)
    for obs in observations:
        by_measure[obs.measure].append(obs)
    rows = []
    for measure, points in by_measure.items():
        raw = {(obs.date, obs.group): obs for obs in points}
        for day, cells in group_cells(points, insider=insider):
            for group, cell in sorted(cells.items()):
                obs = raw[(day, group)]
                shown = not cell.suppressed
                rows.append(
                    {
                        "measure": measure.name,
                        "date": day,
                        "group": group,
                        "n": obs.n if shown else None,
                        "value": obs.value if shown else None,
                        "numerator": obs.numerator if insider else None,
                        "denominator": obs.denominator if insider else None,
                        "hidden": _hidden(cell),
                    }
                )
    return rows


def profile_rows(entries, *, insider: bool) -> list[dict]:
    """School data profile entries as rows that may leave the team for this reader.

    Each indicator's groups are judged together (complementary suppression against "All
    students"). Rows: indicator, group, n, value, hidden.
    """
    by_indicator: dict[str, dict] = {}
    for entry in entries:
        by_indicator.setdefault(entry.indicator, {})[entry.group] = (entry.n, entry.value)
    rows = []
    for indicator, cells in by_indicator.items():
        if insider:
            shown = {g: Cell(g, n, v, False, "") for g, (n, v) in cells.items()}
        else:
            shown = suppress_groups(cells)
        rows.extend(
            {
                "indicator": indicator,
                "group": group,
                "n": cell.n,
                "value": cell.value,
                "hidden": _hidden(cell),
            }
            for group, cell in shown.items()
        )
    return rows


def observations_leaving_team(queryset, *, team, reader) -> list[dict]:
    """The portfolio's observations: `observation_rows` for whoever downloads it."""
    return observation_rows(
        queryset.select_related("measure").order_by("measure__pk", "date", "group"),
        insider=permissions.sees_small_cells(reader, team),
    )


def profile_leaving_team(queryset, *, team, reader) -> list[dict]:
    """The portfolio's school data profile: `profile_rows` for whoever downloads it."""
    return profile_rows(
        queryset.order_by("indicator", "group"), insider=permissions.sees_small_cells(reader, team)
    )
