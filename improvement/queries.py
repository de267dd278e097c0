"""Reads for improvement pages: a fixed number of queries however many rows a project has."""

from collections import defaultdict

from django.db.models import Prefetch

from .charts import build_measure_charts
from .diagram import render_driver_diagram
from .models import Comment, Driver, ImprovementProject, Observation, PDSACycle


def current_project(team, user) -> ImprovementProject | None:
    return (
        ImprovementProject.objects.visible_to(user)
        .filter(team=team, school_year=team.cohort.school_year)
        .select_related("team", "team__cohort", "aim", "aim__outcome_measure")
        .first()
    )


def cycle_label(cycle) -> str:
    return f"C{cycle.number}: {cycle.ramp} #{cycle.number} {cycle.title}"


def project_context(project, *, insider: bool, all_groups: bool = False) -> dict:
    """Everything the project page and the printable page show."""
    aim = getattr(project, "aim", None)
    primaries = list(
        project.drivers.filter(level=Driver.Level.PRIMARY).prefetch_related(
            Prefetch("children", queryset=Driver.objects.order_by("order", "pk"))
        )
    )
    ideas = list(project.change_ideas.prefetch_related("drivers"))
    cycles = list(
        PDSACycle.objects.filter(project=project)
        .select_related("change_idea")
        .prefetch_related("measures")
    )
    measures = list(project.measures.all())
    observations = defaultdict(list)
    for obs in Observation.objects.filter(measure__project=project).order_by("date", "group"):
        observations[obs.measure_id].append(obs)
    focal = aim.for_whom if aim else (project.focal_groups[0] if project.focal_groups else None)
    measure_blocks = []
    for measure in measures:
        markers = [
            (c.marker_date, cycle_label(c))
            for c in cycles
            if c.marker_date and any(m.pk == measure.pk for m in c.measures.all())
        ]
        charts = build_measure_charts(
            measure, observations[measure.pk], insider=insider, focal=focal, markers=markers
        )
        if not all_groups:
            preferred = {"gap", focal, "ALL"}
            charts = [c for c in charts if c.key in preferred] or charts[:1]
        measure_blocks.append({"measure": measure, "charts": charts})
    ideas_by_pk = {idea.pk: idea for idea in ideas}
    timeline = defaultdict(list)
    for cycle in cycles:
        timeline[cycle.change_idea_id].append(cycle)
    return {
        "project": project,
        "aim": aim,
        "primaries": primaries,
        "ideas": ideas,
        "diagram": render_driver_diagram(
            aim_text=aim.statement if aim else "—", primaries=primaries, ideas=ideas
        ),
        "measure_blocks": measure_blocks,
        "cycles": cycles,
        "timeline": [(ideas_by_pk[pk], items) for pk, items in timeline.items()],
        "comments": list(
            Comment.objects.filter(project=project, cycle__isnull=True).select_related("author")
        ),
        "insider": insider,
    }
