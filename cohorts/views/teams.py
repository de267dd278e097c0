"""A person's teams: My teams, the team space (composed from panels), the calendar feed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.generic import ListView, TemplateView

from accounts.roles import is_facilitator

from .. import access, calendar, panels
from ..mixins import TeamMixin
from ..models import Cohort, CohortSession, Membership


class MyTeamsView(LoginRequiredMixin, ListView):
    """Where a person lands: their teams and the cohorts they facilitate."""

    template_name = "cohorts/my_teams.html"
    context_object_name = "teams"

    def get_queryset(self):
        user = self.request.user
        return (
            access.member_teams(user)
            .select_related("cohort", "organization")
            .order_by("-cohort__starts_on", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            cohorts=Cohort.objects.facilitated_by(user),
            is_facilitator=is_facilitator(user),
            is_site_admin=access.is_site_admin(user),
            panels=panels.my_page_panels(user=user, request=self.request),
        )
        return context


class TeamSpaceView(TeamMixin, TemplateView):
    template_name = "cohorts/team_space.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        team = self.team
        context["memberships"] = list(
            Membership.objects.current()
            .filter(team=team)
            .select_related("user")
            .order_by("role", "user__display_name")
        )
        context["next_session"] = (
            CohortSession.objects.upcoming()
            .filter(cohort_id=team.cohort_id)
            .select_related("module")
            .first()
        )
        context["panels"] = panels.team_space_panels(
            team=team, user=self.request.user, request=self.request
        )
        context["can_manage"] = access.can_manage_team(self.request.user, team)
        context["calendar"] = calendar.subscription_urls(self.request, team.cohort)
        return context


def calendar_feed(request, token):
    """An iCalendar feed a person subscribes to: their signed address is the key, and it opens
    only while they may follow the cohort's calendar (`access.may_follow_calendar`)."""
    owner = calendar.feed_owner(token)
    if owner is None:
        raise Http404
    cohort = get_object_or_404(Cohort, pk=owner[0])
    person = get_user_model().objects.filter(pk=owner[1]).first()
    if person is None or not access.may_follow_calendar(person, cohort):
        raise Http404
    response = HttpResponse(
        calendar.build_feed(cohort), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{cohort.slug}.ics"'
    patch_cache_control(response, private=True, no_store=True)
    return response
