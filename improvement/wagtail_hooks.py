import datetime
from collections import Counter, defaultdict

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from cohorts.artifacts import FEEDBACK_ARTIFACT_PROVIDERS
from cohorts.panels import (
    COHORT_PAGE_PANELS,
    COHORT_TEAM_ALERTS,
    COHORT_TEAM_COLUMNS,
    COHORT_WEEK_COUNTS,
    TEAM_SPACE_PANELS,
    Column,
    Panel,
    WeekCount,
    cached_panel,
    counts_by_cohort,
)

from . import artifacts, brightspots
from .models import ChangePackageEntry, DataDialogue, ImprovementProject, Measure, PDSACycle
from .package_evidence import adoptable_ideas
from .queries import current_project


@hooks.register(TEAM_SPACE_PANELS)
def improvement_panel(*, team, user, request):
    """The year's project and its aim: the same for everyone who may open the team space (the
    project is visible to whoever sees the team), so kept rendered under the team's version
    (project and aim writes touch the team) and the cohort's school year."""

    def context():
        project = current_project(team, user)
        return {
            "team": team,
            "project": project,
            "aim": getattr(project, "aim", None) if project else None,
        }

    return Panel(
        template="improvement/panel.html",
        context=context,
        order=40,
        cache_key=("school-year", team.cohort.school_year),
    )


@hooks.register(COHORT_TEAM_COLUMNS)
def improvement_columns(*, cohort, teams, user) -> list[Column]:
    """Five columns from four queries for all teams.

    Signals are the stored `Measure.has_current_signal`, computed on suppressed figures when
    the data changed (the facilitator is outside every team): no observation is read here.
    """
    years = {t.pk: t.cohort.school_year for t in teams}
    projects = {
        p.team_id: p
        for p in ImprovementProject.objects.filter(team_id__in=list(years)).select_related("aim")
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
    signalled = dict(
        Measure.objects.filter(project_id__in=project_ids, has_current_signal=True)
        .values_list("project_id")
        .annotate(n=Count("pk"))
    )
    today = timezone.localdate()
    values = {part: {} for part in ("aim", "cycles", "since", "signals", "score")}
    for team_id, project in projects.items():
        aim = getattr(project, "aim", None)
        mix = cycles[project.pk]
        decided = ", ".join(f"{k} {v}" for k, v in sorted(mix.items()) if k != "open")
        values["aim"][team_id] = (
            (aim.what[:40] + (" …" if len(aim.what) > 40 else "")) if aim else _("no aim")
        )
        values["cycles"][team_id] = _("%(n)s cycles (%(mix)s)") % {
            "n": sum(mix.values()),
            "mix": decided or _("none decided"),
        }
        values["since"][team_id] = (
            _("%(d)s days") % {"d": (today - last[project.pk]).days} if project.pk in last else "—"
        )
        values["signals"][team_id] = str(signalled.get(project.pk, 0))
        values["score"][team_id] = str(project.progress_score or "—")
    return [
        Column(label=_("Aim"), values=values["aim"], order=40),
        Column(label=_("PDSA cycles and decisions"), values=values["cycles"], order=41),
        Column(label=_("Since last cycle"), values=values["since"], order=42),
        Column(label=_("Measures with a current signal"), values=values["signals"], order=43),
        Column(label=_("Progress score"), values=values["score"], order=44),
    ]


def _dialogues_by_team(teams) -> dict:
    """Team pk -> (number of data dialogues this school year, date of the latest): one query."""
    rows = (
        DataDialogue.objects.filter(project__team__in=[t.pk for t in teams])
        .values("project__team_id", "project__school_year")
        .annotate(n=Count("pk"), last=Max("started_at"))
    )
    years = {t.pk: t.cohort.school_year for t in teams}
    return {
        row["project__team_id"]: (row["n"], row["last"])
        for row in rows
        if years.get(row["project__team_id"]) == row["project__school_year"]
    }


@hooks.register(COHORT_TEAM_COLUMNS)
def dialogue_column(*, cohort, teams, user) -> Column:
    """How many data dialogues each team ran and when the latest began."""
    values = {}
    for team_id, (n, last) in _dialogues_by_team(teams).items():
        values[team_id] = ngettext(
            "%(n)s dialogue, latest %(date)s", "%(n)s dialogues, latest %(date)s", n
        ) % {"n": n, "date": date_format(timezone.localtime(last), "SHORT_DATE_FORMAT")}
    return Column(label=_("Data dialogues"), values=values, order=45)


@hooks.register(COHORT_PAGE_PANELS)
def dialogue_panel(*, cohort, teams, user):
    """Points the cohort's facilitators at the teams' dialogues and questions (no query: the
    "Data dialogues" column already says which teams ran one)."""
    return Panel(
        template="improvement/dialogue/cohort_panel.html", context={"cohort": cohort}, order=45
    )


@hooks.register(COHORT_TEAM_ALERTS)
def no_cycle_by_april_alert(*, teams):
    """Teams that have not run a PDSA cycle by April of their cohort's school year."""
    today = timezone.localdate()
    late = [t for t in teams if today >= datetime.date(t.cohort.ends_on.year, 4, 1)]
    if not late:
        return {}
    # By cohort, not by a list of every team: the program overview passes all teams.
    with_cycles = set(
        PDSACycle.objects.filter(project__team__cohort_id__in={t.cohort_id for t in late})
        .values_list("project__team_id", flat=True)
        .order_by()
        .distinct()
    )
    message = _("No PDSA cycle by April")
    return {team.pk: [message] for team in late if team.pk not in with_cycles}


@hooks.register(FEEDBACK_ARTIFACT_PROVIDERS)
def improvement_artifacts(*, team, user):
    return artifacts.team_artifacts(team=team, user=user)


@hooks.register(COHORT_PAGE_PANELS)
def bright_spots_panel(*, cohort, teams, user):
    """The newest bright spots of the teams shown; the full list has its own page.

    Kept rendered under the teams shown (in order, with their names, addresses and versions:
    a measure's signal, its settings and its cycles move its team's version)."""

    def context():
        entries = brightspots.cohort_bright_spots(cohort, teams=teams)
        return {
            "cohort": cohort,
            "entries": entries[: brightspots.DASHBOARD_LIMIT],
            "total": len(entries),
        }

    return cached_panel(
        parts=(
            cohort.pk,
            cohort.slug,
            cohort.school_year,
            [(t.pk, t.slug, t.name, t.summary_version) for t in teams],
        ),
        template="improvement/bright_spots_panel.html",
        context=context,
        order=30,
    )


@hooks.register(COHORT_WEEK_COUNTS)
def cycles_moved_this_week(*, cohort_ids, since):
    """Cycles started, or moved on to Study, Act or a decision, since `since`."""
    day = since.date()
    cycles = PDSACycle.objects.filter(
        Q(created_at__gte=since)
        | Q(done_on__gte=day)
        | Q(studied_on__gte=day)
        | Q(decided_on__gte=day),
        project__team__cohort__in=cohort_ids,
    )
    return WeekCount(
        label=_("PDSA cycles moved"),
        counts=counts_by_cohort(cycles, "project__team__cohort"),
        order=20,
    )


@hooks.register(COHORT_PAGE_PANELS)
def change_package_panel(*, cohort, teams, user):
    """The facilitator dashboard links the cohort's change package (one count query)."""
    return Panel(
        template="improvement/package/cohort_panel.html",
        context={
            "cohort": cohort,
            "entries": ChangePackageEntry.objects.filter(cohort=cohort).count(),
            "waiting": adoptable_ideas(cohort).count(),
        },
        order=45,
    )
