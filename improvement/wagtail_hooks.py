import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from cohorts.artifacts import FEEDBACK_ARTIFACT_PROVIDERS
from cohorts.panels import COHORT_TEAM_ALERTS, COHORT_TEAM_COLUMNS, TEAM_SPACE_PANELS, Column, Panel

from . import artifacts, permissions
from .charts import current_signal, group_cells
from .models import ImprovementProject, Measure, Observation, PDSACycle
from .queries import current_project


@hooks.register(TEAM_SPACE_PANELS)
def improvement_panel(*, team, user, request):
    project = current_project(team, user)
    return Panel(
        template="improvement/panel.html",
        context={
            "team": team,
            "project": project,
            "aim": getattr(project, "aim", None) if project else None,
            "can_manage": permissions.can_manage(user, team),
        },
        order=40,
    )


def cohort_summary(teams) -> dict[int, dict]:
    """One row per team for the facilitator's cohort table: five queries for all teams.

    Signals are computed on suppressed figures: the facilitator is outside every team.
    """
    team_ids = [t.pk for t in teams]
    years = {t.pk: t.cohort.school_year for t in teams}
    projects = {
        p.team_id: p
        for p in ImprovementProject.objects.filter(team_id__in=team_ids).select_related("aim")
        if p.school_year == years[p.team_id]
    }
    project_ids = [p.pk for p in projects.values()]
    cycles = defaultdict(Counter)
    last = {}
    for row in (
        PDSACycle.objects.filter(project_id__in=project_ids)
        .values("project_id", "decision")
        .annotate(count=Count("pk"), last=Max("done_on"))
    ):
        cycles[row["project_id"]][row["decision"] or "open"] += row["count"]
        if row["last"] and (row["project_id"] not in last or row["last"] > last[row["project_id"]]):
            last[row["project_id"]] = row["last"]
    measures = list(Measure.objects.filter(project_id__in=project_ids))
    observations = defaultdict(list)
    for obs in Observation.objects.filter(measure__project_id__in=project_ids).order_by("date"):
        observations[obs.measure_id].append(obs)
    signalled = Counter(
        m.project_id
        for m in measures
        if current_signal(group_cells(observations[m.pk], insider=False), m)
    )
    today = timezone.localdate()
    summary = {}
    for team_id, project in projects.items():
        aim = getattr(project, "aim", None)
        mix = cycles[project.pk]
        decided = ", ".join(f"{k} {v}" for k, v in sorted(mix.items()) if k != "open")
        summary[team_id] = {
            "aim": (aim.what[:40] + (" …" if len(aim.what) > 40 else "")) if aim else _("no aim"),
            "cycles": _("%(n)s cycles (%(mix)s)")
            % {
                "n": sum(mix.values()),
                "mix": decided or _("none decided"),
            },
            "since": (
                _("%(d)s days") % {"d": (today - last[project.pk]).days}
                if project.pk in last
                else "—"
            ),
            "signals": str(signalled[project.pk]),
            "score": str(project.progress_score or "—"),
        }
    return summary


def _summary(cohort, teams):
    key = tuple(t.pk for t in teams)
    cached = getattr(cohort, "_improvement_summary", None)
    if cached is None or cached[0] != key:
        cached = (key, cohort_summary(teams))
        cohort._improvement_summary = cached
    return cached[1]


def _column(part, label, order):
    def column(*, cohort, teams, user):
        values = _summary(cohort, teams)
        return Column(label=label, values={pk: v[part] for pk, v in values.items()}, order=order)

    return column


for _part, _label, _order in [
    ("aim", gettext_lazy("Aim"), 40),
    ("cycles", gettext_lazy("PDSA cycles and decisions"), 41),
    ("since", gettext_lazy("Since last cycle"), 42),
    ("signals", gettext_lazy("Measures with a current signal"), 43),
    ("score", gettext_lazy("Progress score"), 44),
]:
    hooks.register(COHORT_TEAM_COLUMNS, _column(_part, _label, _order))


@hooks.register(COHORT_TEAM_ALERTS)
def no_cycle_by_april_alert(*, cohort, teams):
    """Teams that have not run a PDSA cycle by April of the school year."""
    april = datetime.date(cohort.ends_on.year, 4, 1)
    if timezone.localdate() < april:
        return {}
    with_cycles = set(
        PDSACycle.objects.filter(project__team__in=[t.pk for t in teams]).values_list(
            "project__team_id", flat=True
        )
    )
    message = _("No PDSA cycle by April")
    return {team.pk: [message] for team in teams if team.pk not in with_cycles}


@hooks.register(FEEDBACK_ARTIFACT_PROVIDERS)
def improvement_artifacts(*, team, user):
    return artifacts.team_artifacts(team=team, user=user)
