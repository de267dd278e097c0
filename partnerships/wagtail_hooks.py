from wagtail import hooks

from cohorts.panels import COHORT_PAGE_PANELS, Panel

from .models import proposals


@hooks.register(COHORT_PAGE_PANELS)
def proposals_panel(*, cohort, teams, user):
    """The cohort page points its facilitators at proposals still waiting for a team."""
    return Panel(
        template="partnerships/panel.html",
        context={"waiting": proposals().filter(conversion__isnull=True).count()},
        order=10,
    )
