"""The facilitator's cohort dashboard: one row per team, columns and alerts from every app."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
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


def inactivity_alerts(*, cohort, teams):
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
    alerts = panels.cohort_team_alerts(cohort=cohort, teams=teams)
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

    Queries grow with the number of cohorts (a handful a year), never with teams or people.
    """
    summaries = []
    cutoff = timezone.now() - datetime.timedelta(days=INACTIVITY_DAYS)
    for cohort in Cohort.objects.order_by("-starts_on", "name"):
        teams = list(cohort.teams.with_member_counts())
        alerts = panels.cohort_team_alerts(cohort=cohort, teams=teams)
        alert_counts: dict[str, int] = {}
        for messages in alerts.values():
            for message in set(messages):
                alert_counts[message] = alert_counts.get(message, 0) + 1
        summaries.append(
            CohortSummary(
                cohort=cohort,
                teams=len(teams),
                people=sum(team.member_count for team in teams),
                active_teams=sum(
                    1 for t in teams if t.last_activity_at and t.last_activity_at >= cutoff
                ),
                teams_with_alerts=sum(1 for messages in alerts.values() if messages),
                alert_counts=dict(sorted(alert_counts.items())),
            )
        )
    return summaries
