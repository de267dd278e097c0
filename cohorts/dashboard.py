"""The facilitator's cohort dashboard: one row per team, columns and alerts from every app."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from . import panels
from .models import Cohort, Team

INACTIVITY_DAYS = 30
SORT_KEYS = {
    "name": lambda row: row.team.name.lower(),
    "members": lambda row: row.team.member_count,
    "activity": lambda row: (
        row.team.last_activity_at or datetime.datetime.min.replace(tzinfo=datetime.UTC)
    ),
    "alerts": lambda row: len(row.alerts),
}


@dataclass
class TeamRow:
    team: Team
    cells: list = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)

    @property
    def cells_html(self):
        """The row's column cells, escaped and localised as `{{ cell }}` would be, without a
        template loop over teams × columns (the largest part of the page's rendering)."""
        return format_html_join("", "<td>{}</td>", ((localize(cell),) for cell in self.cells))


def inactivity_alerts(*, teams):
    """Cohorts' own alert (registered in wagtail_hooks): a team with no recent activity."""
    cutoff = timezone.now() - datetime.timedelta(days=INACTIVITY_DAYS)
    message = _("No activity for %(days)s days") % {"days": INACTIVITY_DAYS}
    return {
        team.pk: [message]
        for team in teams
        if not team.last_activity_at or team.last_activity_at < cutoff
    }


def cohort_dashboard(
    cohort: Cohort,
    user,
    *,
    sort: str = "name",
    descending: bool = False,
    alerts_only: bool = False,
    query: str = "",
):
    """Columns and rows for a cohort, in a fixed number of queries whatever the number of teams."""
    teams = list(cohort.teams.with_member_counts().select_related("organization").order_by("name"))
    columns = panels.cohort_team_columns(cohort=cohort, teams=teams, user=user)
    alerts = panels.cohort_team_alerts_cached(cohort=cohort, teams=teams)
    rows = [
        TeamRow(
            team=team,
            cells=[column.values.get(team.pk, "") for column in columns],
            alerts=alerts.get(team.pk, []),
        )
        for team in teams
    ]
    if query:
        needle = query.lower()
        rows = [
            r
            for r in rows
            if needle in r.team.name.lower() or needle in r.team.organization.name.lower()
        ]
    if alerts_only:
        rows = [r for r in rows if r.alerts]
    rows.sort(key=SORT_KEYS.get(sort, SORT_KEYS["name"]), reverse=descending)
    return teams, columns, rows


def table_fragment_key(rows, columns, *, can_download_portfolio: bool) -> str:
    """A digest of everything the teams table shows, for its cached rendering (`{% cache %}`
    in cohorts/cohort.html): the rows in their order with each team's name, address, partner,
    members, last activity, cells and alerts, the column labels, whether portfolio links show,
    the language and the time zone. Whatever changes on the page changes the key, so the
    fragment needs no invalidation of its own."""
    parts = [
        translation.get_language() or "",
        timezone.get_current_timezone_name(),
        str(can_download_portfolio),
        repr([str(column.label) for column in columns]),
    ]
    for row in rows:
        team = row.team
        parts.append(
            repr(
                (
                    team.pk,
                    team.slug,
                    team.name,
                    team.organization.name,
                    team.member_count,
                    team.last_activity_at,
                    [str(c) for c in row.cells],
                    [str(a) for a in row.alerts],
                )
            )  # fmt: skip
        )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class TeamFigures:
    """What the program overview and the alert hooks read of a team (`pk`, `cohort`,
    `cohort_id`, `last_activity_at`, `member_count`), without building a model instance for each
    of a thousand teams. Hooks may keep their own per-team values on it (e.g. feedback's
    overdue count), as on a Team."""

    __slots__ = ("__dict__", "pk", "cohort", "cohort_id", "last_activity_at", "member_count")

    def __init__(self, pk, cohort, last_activity_at, member_count):
        self.pk = pk
        self.cohort = cohort
        self.cohort_id = cohort.pk
        self.last_activity_at = last_activity_at
        self.member_count = member_count


@dataclass
class CohortSummary:
    cohort: Cohort
    teams: int
    people: int
    active_teams: int
    teams_with_alerts: int
    alert_counts: dict[str, int]


def program_overview(user) -> list[CohortSummary]:
    """Every cohort's headline figures side by side (for the county's equity director).

    A fixed number of queries however many cohorts, teams or people: every cohort's teams are
    read at once and every alert is asked once for all of them.
    """
    from programs.release import cohort_schedules_prefetch

    cutoff = timezone.now() - datetime.timedelta(days=INACTIVITY_DAYS)
    cohorts = list(Cohort.objects.select_related("program").order_by("-starts_on", "name"))
    cohort_schedules_prefetch(cohorts)
    by_pk = {cohort.pk: cohort for cohort in cohorts}
    # Only what the figures and the alert hooks read (a thousand teams at statewide size), as
    # rows rather than model instances.
    teams = [
        TeamFigures(pk, by_pk[cohort_id], last_activity_at, member_count)
        for pk, cohort_id, last_activity_at, member_count in Team.objects.with_member_counts()
        .filter(cohort__in=cohorts)
        .order_by("pk")
        .values_list("pk", "cohort_id", "last_activity_at", "member_count")
    ]
    alerts = panels.cohort_team_alerts(teams=teams)
    teams_of = {cohort.pk: [] for cohort in cohorts}
    for team in teams:
        teams_of[team.cohort_id].append(team)
    summaries = []
    for cohort in cohorts:
        cohort_teams = teams_of[cohort.pk]
        alert_counts: dict[str, int] = {}
        for team in cohort_teams:
            for message in set(alerts[team.pk]):
                alert_counts[message] = alert_counts.get(message, 0) + 1
        summaries.append(
            CohortSummary(
                cohort=cohort,
                teams=len(cohort_teams),
                people=sum(team.member_count for team in cohort_teams),
                active_teams=sum(
                    1 for t in cohort_teams if t.last_activity_at and t.last_activity_at >= cutoff
                ),
                teams_with_alerts=sum(1 for t in cohort_teams if alerts[t.pk]),
                alert_counts=dict(sorted(alert_counts.items())),
            )
        )
    return summaries
