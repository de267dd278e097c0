"""View building blocks for every page inside a team space; feature apps reuse them."""

from functools import cached_property
from zoneinfo import ZoneInfo

from allauth.account.decorators import reauthentication_required

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator

from . import access
from .models import Cohort, Team

# For exports and erasures: allauth asks for the password (or an MFA code) again before the
# action, unless the person confirmed it in the last few minutes
# (ACCOUNT_REAUTHENTICATION_TIMEOUT). A POST is kept and replayed once they have.
reauthenticated = method_decorator(reauthentication_required)


def require_recent_password(request) -> None:
    """The same check inside a view, for when only some answers need it (allauth's middleware
    turns the exception into its re-authentication page, then replays the request)."""
    reauthentication_required(lambda request: None)(request)


class NoStoreMixin:
    """Team pages hold personal data: no shared or browser cache may keep them."""

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response


class PrivatePageMixin(LoginRequiredMixin, NoStoreMixin):
    """A page for logged-in people about themselves or their teams: no cache keeps it."""


class AllowedOr404Mixin:
    """Logged in but not allowed: the same 404 as for something that does not exist.

    Views say who is allowed in `is_allowed()`; anonymous people go on to LoginRequiredMixin
    (the login page). A view whose refusal is a 403 overrides `refuse()`.
    """

    def is_allowed(self) -> bool:
        raise NotImplementedError

    def refuse(self):
        raise Http404

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.is_allowed():
            self.refuse()
        return super().dispatch(request, *args, **kwargs)


class CohortTimeZoneMixin:
    """Every date and time on the page is shown in the cohort's time zone.

    The zone stays active while the view runs and while its template response renders.
    """

    def time_zone_cohort(self) -> Cohort:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        with timezone.override(ZoneInfo(self.time_zone_cohort().time_zone)):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response


class TeamMixin(LoginRequiredMixin, CohortTimeZoneMixin, NoStoreMixin):
    """Resolves `slug` to a team the person may see; any other team answers 404."""

    team_slug_kwarg = "slug"

    @cached_property
    def team(self) -> Team:
        """The team by its slug, then `access.can_view_team` (the same rule as `visible_to`)
        asked of the person's roles, which the page reads once anyway (`person_roles`)."""
        team = get_object_or_404(
            Team.objects.select_related("cohort__program", "organization"),
            slug=self.kwargs[self.team_slug_kwarg],
        )
        if not access.can_view_team(self.request.user, team):
            raise Http404
        return team

    def time_zone_cohort(self) -> Cohort:
        return self.team.cohort

    @cached_property
    def team_role(self) -> str | None:
        return access.team_role(self.request.user, self.team)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            team=self.team,
            team_role=self.team_role,
            is_team_member=self.team_role is not None,
            is_team_lead=self.team_role == "lead",
            is_facilitator=access.is_cohort_facilitator(self.request.user, self.team.cohort),
        )
        return context


class TeamMemberRequiredMixin(AllowedOr404Mixin, TeamMixin):
    """Writes inside a team space: only the team's current members (others get 404)."""

    def is_allowed(self) -> bool:
        return access.is_team_member(self.request.user, self.team)


class CohortManagerMixin(LoginRequiredMixin, CohortTimeZoneMixin, NoStoreMixin):
    """Pages for the cohort's facilitators and site admins; everyone else gets 404."""

    @cached_property
    def cohort(self) -> Cohort:
        """The cohort by its slug, then `access.can_manage_cohort` (the rule of
        `Cohort.objects.facilitated_by`) asked of the person's roles, which the page reads once
        anyway (`person_roles`); anyone else gets 404."""
        cohort = get_object_or_404(self.cohort_queryset(), slug=self.kwargs["slug"])
        if not access.can_manage_cohort(self.request.user, cohort):
            raise Http404
        return cohort

    def cohort_queryset(self):
        """Where the cohort is read: a page adds what it reads with it (its program page where
        it shows the curriculum, a count)."""
        return Cohort.objects.all()

    def time_zone_cohort(self) -> Cohort:
        return self.cohort

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohort"] = self.cohort
        return context
