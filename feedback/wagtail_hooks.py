"""Feedback adds a panel to the team space and columns to the cohort page. Feedback models are
not registered in the Wagtail admin: an admin view would show anonymous givers."""

from collections import Counter

from django.db.models import Count, F, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from cohorts import access
from cohorts.panels import (
    COHORT_TEAM_ALERTS,
    COHORT_TEAM_COLUMNS,
    COHORT_WEEK_COUNTS,
    TEAM_SPACE_PANELS,
    Column,
    Panel,
    WeekCount,
    counts_by_cohort,
)
from cohorts.services import TEAM_NAMED_ON

from . import services
from .models import FeedbackRequest, FeedbackResponse, Pairing


@hooks.register(TEAM_SPACE_PANELS)
def feedback_panel(*, team, user, request):
    """The critical-friend team and the team's open requests: kept rendered under the team's
    version (a request opened or closed, a round paired, the reviewing team renamed: see
    `team_named_on`) and whether the reader may ask for feedback."""
    can_ask = access.is_team_member(user, team)

    def context():
        # The pairing carries the open-request count: one query when the team is paired.
        open_requests = (
            FeedbackRequest.objects.open()
            .filter(team_id=team.pk)
            .order_by()
            .values("team_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        pairing = (
            services.current_pairing_queryset(team)
            .annotate(open_count=Coalesce(Subquery(open_requests), 0))
            .first()
        )
        if pairing is not None:
            open_count = pairing.open_count
        else:
            open_count = FeedbackRequest.objects.open().filter(team=team).count()
        return {"team": team, "pairing": pairing, "open_count": open_count, "can_ask": can_ask}

    return Panel(
        template="feedback/panel.html",
        context=context,
        order=50,
        cache_key=("can-ask", can_ask),
    )


@hooks.register(TEAM_NAMED_ON)
def reviewed_teams(*, team):
    """The teams whose feedback panel names `team` as their critical friend."""
    return Pairing.objects.filter(reviewer_team=team).values_list("reviewed_team_id", flat=True)


def overdue_counts(teams) -> dict[int, int]:
    """Overdue requests per team, read once and kept on the team objects: the dashboard's
    column and alert both show it."""
    if not all(hasattr(t, "_overdue_feedback") for t in teams):
        # By cohort, not by a list of every team: the program overview passes all teams.
        counts = Counter(
            dict(
                FeedbackRequest.objects.overdue(timezone.localdate())
                .filter(team__cohort_id__in={t.cohort_id for t in teams})
                .values_list("team_id")
                .annotate(n=Count("pk"))
            )
        )
        for team in teams:
            team._overdue_feedback = counts[team.pk]
    return {t.pk: t._overdue_feedback for t in teams}


@hooks.register(COHORT_TEAM_COLUMNS)
def feedback_column(*, cohort, teams, user):
    """Three queries for all teams: answers given, answers received, overdue requests."""
    team_pks = [t.pk for t in teams]
    submitted = FeedbackResponse.objects.filter(status=FeedbackResponse.Status.SUBMITTED)
    given = Counter(
        dict(
            submitted.filter(
                request__team__cohort=cohort,
                request__assignments__reviewer_id=F("giver_id"),
                request__assignments__reviewer_team_id__in=team_pks,
            )
            .values_list("request__assignments__reviewer_team_id")
            .annotate(n=Count("pk", distinct=True))
        )
    )
    received = Counter(
        dict(
            submitted.filter(request__team_id__in=team_pks)
            .values_list("request__team_id")
            .annotate(n=Count("pk"))
        )
    )
    overdue = overdue_counts(teams)
    return Column(
        label=_("Feedback given · received · overdue"),
        values={
            pk: _("%(given)s given · %(received)s received · %(overdue)s overdue")
            % {"given": given[pk], "received": received[pk], "overdue": overdue[pk]}
            for pk in team_pks
        },
        order=50,
    )


@hooks.register(COHORT_TEAM_ALERTS)
def feedback_alerts(*, teams):
    """Teams with feedback requests past due and reviewers still to answer."""
    overdue = overdue_counts(teams)
    messages = {
        n: ngettext("%(n)s feedback request is overdue", "%(n)s feedback requests are overdue", n)
        % {"n": n}
        for n in set(overdue.values())
        if n
    }
    return {pk: [messages[n]] for pk, n in overdue.items() if n}


@hooks.register(COHORT_WEEK_COUNTS)
def requests_this_week(*, cohort_ids, since):
    requests = FeedbackRequest.objects.filter(
        created_on__gte=since.date(), team__cohort__in=cohort_ids
    )
    return WeekCount(
        label=_("Feedback requests"),
        counts=counts_by_cohort(requests, "team__cohort"),
        order=30,
    )
