"""Journals add a panel to the team space. Journal models are deliberately NOT registered as
Wagtail snippets or viewsets: nobody reads a reflection through an admin (see models.py).
"""

from django.urls import reverse

from wagtail import hooks

from cohorts.panels import TEAM_SPACE_PANELS, Panel

from .models import JournalEntry, Visibility


@hooks.register(TEAM_SPACE_PANELS)
def journal_panel(*, team, user, request):
    shared = (
        JournalEntry.objects.visible_to(user)
        .published()
        .filter(team=team, visibility=Visibility.TEAM)
    )
    recent = list(shared.only("pk", "title", "created", "author_id")[:5])
    return Panel(
        template="journals/panel.html",
        context={
            "recent": recent,
            "count": shared.count(),
            "team_url": reverse("journals:team", kwargs={"slug": team.slug}),
            "new_url": reverse("journals:new"),
        },
        order=40,
    )
