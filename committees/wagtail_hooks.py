from django.db.models import Count, Q

from wagtail import hooks

from cohorts import access
from cohorts.panels import MY_PAGE_PANELS, TEAM_SPACE_PANELS, Panel

from .models import Committee, CommitteeMember, Recommendation


@hooks.register(TEAM_SPACE_PANELS)
def committee_panel(*, team, user, request):
    """The committee with its open recommendations counted, in one query. Kept rendered under
    the team's version (the charter, a recommendation sent or answered move it) and whether the
    reader may start one."""
    can_start = access.is_team_lead(user, team) or access.can_manage_team(user, team)

    def context():
        committee = (
            Committee.objects.filter(team=team)
            .annotate(
                open_count=Count(
                    "recommendations",
                    filter=Q(recommendations__status=Recommendation.Status.OPEN),
                )
            )
            .first()
        )
        if committee is None and not can_start:
            return None
        if committee is not None:
            committee.team = team  # its link names the team's slug: no second read
        return {
            "team": team,
            "committee": committee,
            "can_start": can_start,
            "open_count": committee.open_count if committee else 0,
        }

    return Panel(
        template="committees/panel.html",
        context=context,
        order=75,
        cache_key=("can-start", can_start),
    )


@hooks.register(MY_PAGE_PANELS)
def my_committees_panel(*, user, request):
    """Family and community members land here: their way into the committee's space."""
    seats = list(
        CommitteeMember.objects.filter(user=user, left_on__isnull=True).select_related(
            "committee__team"
        )
    )
    if not seats:
        return None
    return Panel(template="committees/my_committees.html", context={"seats": seats}, order=5)
