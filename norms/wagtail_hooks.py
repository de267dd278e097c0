from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cohorts.panels import COHORT_TEAM_ALERTS, COHORT_TEAM_COLUMNS, TEAM_SPACE_PANELS, Column, Panel
from cohorts.services import MEMBERSHIP_ENDED

from .models import NormSet
from .queries import cohort_columns, panel_context


@hooks.register(TEAM_SPACE_PANELS)
def norms_panel(*, team, user, request):
    """The same for every reader; kept rendered under the team's version, which every norms,
    vote, check-in and statement write moves (`norms.services`)."""
    return Panel(
        template="norms/panel.html",
        context=lambda: panel_context(team, user),
        order=20,
        cache_key=(),
    )


@hooks.register(COHORT_TEAM_COLUMNS)
def norms_columns(*, cohort, teams, user):
    values = cohort_columns(teams)
    return [
        Column(label=_("Norms"), values={pk: v[0] for pk, v in values.items()}, order=20),
        Column(
            label=_("Last norms check-in"), values={pk: v[1] for pk, v in values.items()}, order=21
        ),
        Column(
            label=_("Identity statement"), values={pk: v[2] for pk, v in values.items()}, order=22
        ),
    ]


@hooks.register(COHORT_TEAM_ALERTS)
def no_ratified_norms_alert(*, teams):
    """Teams without ratified norms once their cohort's third module has opened."""
    from django.utils import timezone

    from programs.release import cohort_module_opening

    today = timezone.localdate()
    opened = {}
    for team in teams:
        if team.cohort_id not in opened:
            third_opens = cohort_module_opening(team.cohort, 3)
            opened[team.cohort_id] = third_opens is not None and today >= third_opens
    late = [t for t in teams if opened[t.cohort_id]]
    if not late:
        return {}
    # By cohort, not by a list of every team: the program overview passes all teams.
    ratified = set(
        NormSet.objects.filter(
            team__cohort_id__in={t.cohort_id for t in late}, status=NormSet.Status.RATIFIED
        ).values_list("team_id", flat=True)
    )
    message = _("No ratified norms by the third module")
    return {team.pk: [message] for team in late if team.pk not in ratified}


@hooks.register(MEMBERSHIP_ENDED)
def reevaluate_open_vote(*, membership):
    """Someone who left no longer counts: an open vote may now be complete."""
    from .services import norm_set_evaluate

    for norm_set in NormSet.objects.filter(
        team_id=membership.team_id, status=NormSet.Status.VOTING
    ):
        norm_set_evaluate(norm_set)
