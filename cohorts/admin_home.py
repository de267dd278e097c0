"""The Wagtail admin's dashboard: facilitators are greeted with their cohorts, what changed in
them this week and the curriculum, instead of Wagtail's stock panels about page edits."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from . import access
from .models import Cohort
from .panels import cohort_week_counts

WEEK = timedelta(days=7)
# Stock panels that speak of page moderation and edits: facilitators do neither.
STOCK_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "locked_pages",
}


class FacilitatorHomePanel(Component):
    name = "facilitator_home"
    template_name = "cohorts/admin/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        from programs.localized import in_source_locale
        from programs.models import ProgramPage

        request = parent_context["request"]
        user = request.user
        cohorts = list(Cohort.objects.facilitated_by(user).order_by("-starts_on", "name")[:20])
        # Each feature app counts its own changes (cohort_week_counts): cohorts/ imports none.
        week = cohort_week_counts(
            cohort_ids=[cohort.pk for cohort in cohorts], since=timezone.now() - WEEK
        )
        return {
            "user": user,
            "week_labels": [count.label for count in week],
            "cohorts": [
                {
                    "cohort": cohort,
                    "url": reverse("cohorts:cohort", args=[cohort.slug]),
                    "counts": [count.counts.get(cohort.pk, 0) for count in week],
                }
                for cohort in cohorts
            ],
            "curriculum": list(in_source_locale(ProgramPage.objects.live()).order_by("path")[:5]),
            "request": request,
        }


def facilitator_home(request, panels):
    """The greeting first; facilitators (not site admins) lose the page-moderation panels."""
    user = request.user
    if not (access.is_facilitator(user) or access.is_site_admin(user)):
        return
    if not access.is_site_admin(user):
        panels[:] = [panel for panel in panels if panel.name not in STOCK_PANELS]
    panels.insert(0, FacilitatorHomePanel())
