"""What facilitators and teams see of journals: counts, never private text."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.views.generic import ListView, TemplateView

from cohorts import access
from cohorts.mixins import PrivatePageMixin, TeamMixin
from cohorts.models import Team

from ..models import JournalEntry, Visibility
from .entries import PAGE_SIZE

COUNTS_PAGE_SIZE = 50
COUNTS_CACHE_SECONDS = 60 * 60 * 24


def prompt_counts(cohorts) -> list[dict]:
    """Published entries per team and prompt in the cohorts (numbers only), cached until one
    of their teams changes: every write that changes a count (an entry published, moved,
    deleted or made private) goes through `team_touch` or `team_summary_changed`, which move
    the team's `summary_version`. The teams' names are part of the key too."""
    teams = Team.objects.filter(cohort__in=cohorts).order_by("pk")
    versions = repr(list(teams.values_list("pk", "summary_version", "name", "slug")))
    key = "journal-prompt-counts:" + hashlib.sha256(versions.encode()).hexdigest()
    counts = cache.get(key)
    if counts is None:
        counts = list(
            JournalEntry.objects.published()
            .filter(team__cohort__in=cohorts)
            .values("team__name", "team__slug", "prompt_id")
            .annotate(
                prompt=Max("prompt_text"),
                total=Count("pk"),
                shared=Count("pk", filter=~Q(visibility=Visibility.PRIVATE)),
            )
            .order_by("team__name", "prompt_id")
        )
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


class FacilitatorView(PrivatePageMixin, TemplateView):
    """Entries shared with a facilitator, and how many entries each team wrote per prompt.

    The counts include private entries as numbers only; no private title or body is read here.
    """

    template_name = "journals/facilitator.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohorts = access.facilitated_cohorts(self.request.user)
        if not cohorts.exists():
            raise Http404
        shared = (
            JournalEntry.objects.visible_to(self.request.user)
            .published()
            .filter(team__cohort__in=cohorts)
            .exclude(visibility=Visibility.PRIVATE)
            # The author is read for the page's 20 entries only (joined, every shared entry
            # of the cohorts would be joined to its author before sorting).
            .select_related("team")
            .prefetch_related("author")
            .defer("body", "body_text")
            .order_by("-created", "-pk")
        )
        counts = prompt_counts(cohorts)
        # Both lists grow with the cohorts' teams and entries: each is shown a page at a time.
        get = self.request.GET
        shared_page = Paginator(shared, PAGE_SIZE).get_page(get.get("page"))
        counts_page = Paginator(counts, COUNTS_PAGE_SIZE).get_page(get.get("counts"))
        context.update(
            cohorts=cohorts,
            shared_entries=shared_page,
            counts=counts_page,
        )
        return context


class TeamJournalView(TeamMixin, ListView):
    """Entries the team's members shared with the team (readers: members and facilitators)."""

    template_name = "journals/team_entries.html"
    context_object_name = "entries"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return (
            JournalEntry.objects.visible_to(self.request.user)
            .published()
            .filter(team=self.team, visibility=Visibility.TEAM)
            .select_related("author")
            .annotate(reply_count=Count("replies"))
            .order_by("-created", "-pk")
            .defer("body", "body_text")
        )
