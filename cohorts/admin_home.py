"""The Wagtail admin's dashboard: facilitators are greeted with their cohorts, what changed in
them this week and the curriculum, instead of Wagtail's stock panels about page edits."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from . import access
from .models import Cohort

WEEK = timedelta(days=7)
# Stock panels that speak of page moderation and edits: facilitators do neither.
STOCK_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "locked_pages",
}


def week_in_cohorts(cohort_ids, since) -> dict[int, dict[str, int]]:
    """Per cohort: journal entries shared beyond their author, PDSA cycles that moved a phase,
    and feedback requests asked, since `since`. Three grouped queries, whatever the numbers."""
    from feedback.models import FeedbackRequest
    from improvement.models import PDSACycle
    from journals.models import JournalEntry

    day = since.date()
    counts = {pk: {"entries": 0, "cycles": 0, "requests": 0} for pk in cohort_ids}
    queries = {
        "entries": JournalEntry.objects.published()
        .exclude(visibility="private")
        .filter(created__gte=since, team__cohort__in=cohort_ids)
        .values_list("team__cohort"),
        "cycles": PDSACycle.objects.filter(
            Q(created_at__gte=since)
            | Q(done_on__gte=day)
            | Q(studied_on__gte=day)
            | Q(decided_on__gte=day),
            project__team__cohort__in=cohort_ids,
        ).values_list("project__team__cohort"),
        "requests": FeedbackRequest.objects.filter(
            created_on__gte=day, team__cohort__in=cohort_ids
        ).values_list("team__cohort"),
    }
    for key, rows in queries.items():
        for cohort_id, number in rows.annotate(number=Count("pk")).order_by():
            counts[cohort_id][key] = number
    return counts


class FacilitatorHomePanel(Component):
    name = "facilitator_home"
    template_name = "cohorts/admin/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        from programs.models import ProgramPage

        request = parent_context["request"]
        user = request.user
        cohorts = list(Cohort.objects.facilitated_by(user).order_by("-starts_on", "name")[:20])
        week = week_in_cohorts([cohort.pk for cohort in cohorts], timezone.now() - WEEK)
        return {
            "user": user,
            "cohorts": [
                {
                    "cohort": cohort,
                    "url": reverse("cohorts:cohort", args=[cohort.slug]),
                    **week[cohort.pk],
                }
                for cohort in cohorts
            ],
            "curriculum": list(ProgramPage.objects.live().order_by("path")[:5]),
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
