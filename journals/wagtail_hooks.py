"""Journals add a panel to the team space. Journal models are deliberately NOT registered as
Wagtail snippets or viewsets: nobody reads a reflection through an admin (see models.py).
"""

from django.db.models import Count, Window
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from cohorts import access
from cohorts.panels import (
    COHORT_TEAM_COLUMNS,
    COHORT_WEEK_COUNTS,
    TEAM_SPACE_PANELS,
    Column,
    Panel,
    WeekCount,
    counts_by_cohort,
)

from .models import JournalEntry, Visibility


@hooks.register(TEAM_SPACE_PANELS)
def journal_panel(*, team, user, request):
    """The team's five latest shared entries and how many there are, in one query.

    Members and facilitators read every shared entry, so they share one rendering; anyone
    else (a site admin) reads what `visible_to` gives them, kept for them alone. Kept under the
    team's version: publishing, editing, moving or deleting a shared entry moves it."""
    reads_all = access.is_team_member(user, team) or access.is_cohort_facilitator(user, team.cohort)

    def context():
        entries = JournalEntry.objects if reads_all else JournalEntry.objects.visible_to(user)
        shared = entries.published().filter(team=team, visibility=Visibility.TEAM)
        recent = list(
            shared.only("pk", "title", "created", "author_id").annotate(total=Window(Count("pk")))[
                :5
            ]
        )
        return {
            "recent": recent,
            "count": recent[0].total if recent else 0,
            "team_url": reverse("journals:team", kwargs={"slug": team.slug}),
            "new_url": reverse("journals:new"),
        }

    return Panel(
        template="journals/panel.html",
        context=context,
        order=40,
        cache_key=("shared",) if reads_all else ("reader", user.pk),
    )


@hooks.register(COHORT_TEAM_COLUMNS)
def reflections_column(*, cohort, teams, user):
    """How many reflections each team's members wrote: numbers only, never their text."""
    counts = dict(
        JournalEntry.objects.filter(team__in=[t.pk for t in teams], is_draft=False)
        .values("team")
        .annotate(n=Count("pk"))
        .values_list("team", "n")
    )
    return Column(
        label=_("Reflections written"), values={t.pk: counts.get(t.pk, 0) for t in teams}, order=40
    )


@hooks.register(COHORT_WEEK_COUNTS)
def entries_shared_this_week(*, cohort_ids, since):
    """Entries shared beyond their author (private ones are nobody's business)."""
    entries = (
        JournalEntry.objects.published()
        .exclude(visibility=Visibility.PRIVATE)
        .filter(created__gte=since, team__cohort__in=cohort_ids)
    )
    return WeekCount(
        label=_("Journal entries shared"),
        counts=counts_by_cohort(entries, "team__cohort"),
        order=10,
    )
