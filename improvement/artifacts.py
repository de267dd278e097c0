"""The improvement work a team may ask critical friends to review, as read-only snapshots.

Registered as feedback artifact providers (`cohorts/artifacts.py`) in `wagtail_hooks.py`. A
snapshot is taken when the request is sent and is read by another team, so a measure's
figures pass through `improvement.suppression` exactly as for any outsider: groups under 11
students are hidden, and no numerators or denominators leave the team.
"""

from functools import partial

from django.utils.translation import gettext as _

from cohorts.artifacts import Artifact

from .charts import group_cells
from .models import GROUP_LABELS, Driver, Measure, PDSACycle
from .queries import current_project
from .suppression import display_n


def _sections(pairs) -> list[dict]:
    return [{"heading": str(heading), "text": str(text)} for heading, text in pairs if text]


def aim_snapshot(aim) -> dict:
    return {"title": _("Aim"), "sections": _sections([(_("Aim statement"), aim.statement)])}


def driver_diagram_snapshot(project) -> dict:
    primaries = Driver.objects.filter(project=project, level=Driver.Level.PRIMARY)
    primaries = primaries.prefetch_related("children__change_ideas", "change_ideas")
    aim = getattr(project, "aim", None)
    sections = [(_("Aim"), aim.statement if aim else "")]
    for primary in primaries:
        lines = []
        for driver in [primary, *primary.children.all()]:
            if driver.pk != primary.pk:
                lines.append(_("Secondary driver: %(text)s") % {"text": driver.text})
            if ideas := [idea.text for idea in driver.change_ideas.all()]:
                lines.append(_("Change ideas: %(ideas)s") % {"ideas": ", ".join(ideas)})
        heading = _("Primary driver: %(text)s") % {"text": primary.text}
        sections.append((heading, "\n".join(lines) or "—"))
    return {"title": _("Driver diagram"), "sections": _sections(sections)}


def cycle_snapshot(cycle) -> dict:
    questions = "\n".join(
        " | ".join(str(q.get(k)) for k in ("question", "prediction", "result") if q.get(k))
        for q in cycle.questions or []
        if isinstance(q, dict)
    )
    return {
        "title": _("PDSA cycle: %(cycle)s") % {"cycle": cycle},
        "sections": _sections(
            [
                (_("Change idea"), cycle.change_idea.text),
                (_("Phase"), cycle.get_phase_display()),
                (_("Objective"), cycle.objective),
                (_("Questions and predictions"), questions),
                (_("Tasks"), cycle.tasks),
                (_("Data collection plan"), cycle.data_plan),
                (_("Who benefits?"), cycle.who_benefits),
                (_("Who is burdened?"), cycle.who_burdened),
                (_("Whose voice informed this test?"), cycle.whose_voice),
                (_("Observations"), cycle.observations),
                (_("Problems and unexpected events"), cycle.problems),
                (_("Deviations from the plan"), cycle.deviations),
                (_("What we learned"), cycle.learned),
                (_("Decision"), cycle.get_decision_display()),
                (_("Next steps"), cycle.next_steps),
            ]
        ),
    }


def measure_snapshot(measure) -> dict:
    """The measure as any outsider sees it: suppressed cells, no numerators or denominators."""
    rows = []
    for day, cells in group_cells(measure.observations.all(), insider=False):
        for group, cell in sorted(cells.items()):
            value = "" if cell.suppressed else f"{cell.value:g}"
            rows.append(
                [day.isoformat(), str(GROUP_LABELS.get(group, group)), value, display_n(cell)]
            )
    return {
        "title": _("Measure: %(name)s") % {"name": measure.name},
        "sections": _sections(
            [
                (_("Type"), measure.get_kind_display()),
                (_("Unit"), measure.get_unit_display()),
                (_("Direction of improvement"), measure.get_direction_display()),
            ]
        ),
        "table": {
            "caption": _("Points (student groups under 11 are hidden)"),
            "columns": [_("Date"), _("Student group"), _("Value"), _("Students")],
            "rows": rows,
        },
    }


def team_artifacts(*, team, user) -> list[Artifact]:
    project = current_project(team, user)
    if project is None:
        return []
    found = []
    if aim := getattr(project, "aim", None):
        found.append(Artifact("improvement.aim", _("Aim"), partial(aim_snapshot, aim)))
    if project.drivers.exists():
        found.append(
            Artifact(
                "improvement.drivers",
                _("Driver diagram"),
                partial(driver_diagram_snapshot, project),
            )
        )
    for cycle in PDSACycle.objects.filter(project=project).select_related("change_idea"):
        label = _("PDSA cycle: %(cycle)s") % {"cycle": cycle}
        found.append(
            Artifact(f"improvement.cycle:{cycle.pk}", label, partial(cycle_snapshot, cycle))
        )
    for measure in Measure.objects.filter(project=project):
        label = _("Measure: %(name)s") % {"name": measure.name}
        found.append(
            Artifact(f"improvement.measure:{measure.pk}", label, partial(measure_snapshot, measure))
        )
    return found
