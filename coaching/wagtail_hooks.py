from django.db.models import Count
from django.utils.translation import gettext as _

from wagtail import hooks

from cohorts import access
from cohorts.panels import (
    COHORT_TEAM_COLUMNS,
    MY_PAGE_PANELS,
    TEAM_SPACE_PANELS,
    Column,
    Panel,
)

from .models import NextStep


@hooks.register(TEAM_SPACE_PANELS)
def coaching_panel(*, team, user, request):
    steps = list(
        NextStep.objects.open()
        .filter(conversation__team=team)
        .select_related("owner")
        .order_by("due_on")[:10]
    )
    can_read_notes = access.is_team_lead(user, team) or access.is_cohort_facilitator(
        user, team.cohort
    )
    if not steps and not can_read_notes:
        return None
    return Panel(
        template="coaching/panel.html",
        context={
            "steps": steps,
            "team": team,
            "can_read_notes": can_read_notes,
            "can_record": access.is_cohort_facilitator(user, team.cohort),
            "user": user,
        },
        order=80,
    )


@hooks.register(COHORT_TEAM_COLUMNS)
def coaching_column(*, cohort, teams, user):
    counts = dict(
        NextStep.objects.open()
        .filter(conversation__team__in=[t.pk for t in teams])
        .values("conversation__team")
        .annotate(n=Count("pk"))
        .values_list("conversation__team", "n")
    )
    return Column(
        label=_("Open coaching steps"),
        values={team.pk: counts.get(team.pk, 0) for team in teams},
        order=90,
    )


@hooks.register(MY_PAGE_PANELS)
def my_next_steps_panel(*, user, request):
    """A coachee's own open next steps, whichever team's coaching they came from."""
    steps = list(
        NextStep.objects.owned_by(user)
        .select_related("conversation__team")
        .order_by("due_on", "pk")[:20]
    )
    if not steps:
        return None
    return Panel(
        template="coaching/my_steps.html",
        context={"steps": steps, "back": request.get_full_path()},
        order=10,
    )
