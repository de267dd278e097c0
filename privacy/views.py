from functools import cached_property

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.roles import is_site_admin
from cohorts import access
from cohorts.mixins import (
    AllowedOr404Mixin,
    NoStoreMixin,
    PrivatePageMixin,
    TeamMixin,
    reauthenticated,
)
from cohorts.models import Organization, Team

from . import services
from .forms import RetypeConfirmForm

ERASE_WORD = "DELETE"


def _zip_response(archive, filename):
    return FileResponse(
        archive, as_attachment=True, filename=filename, content_type="application/zip"
    )


class MyDataView(LoginRequiredMixin, NoStoreMixin, TemplateView):
    template_name = "privacy/my_data.html"

    @reauthenticated
    def post(self, request):
        archive = services.person_export(user=request.user, actor=request.user)
        return _zip_response(archive, f"my-data-{timezone.localdate():%Y-%m-%d}.zip")


class DeleteAccountView(LoginRequiredMixin, NoStoreMixin, FormView):
    template_name = "privacy/delete_account.html"
    form_class = RetypeConfirmForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "expected": ERASE_WORD}

    def get_context_data(self, **kwargs):
        return super().get_context_data(word=ERASE_WORD, **kwargs)

    @reauthenticated
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = self.request.user
        services.person_erase(user=user, actor=user)
        logout(self.request)
        messages.success(self.request, _("Your account was deleted."))
        return redirect("/")


class TeamPortfolioView(TeamMixin, View):
    """A facilitator takes a team's shared work with them (never private reflections)."""

    def get(self, request, *args, **kwargs):
        if not access.is_cohort_facilitator(request.user, self.team.cohort):
            raise Http404
        return self.download(request)

    @reauthenticated
    def download(self, request):
        archive = services.team_portfolio(team=self.team, actor=request.user)
        return _zip_response(archive, f"{self.team.slug}-portfolio.zip")


class OrganizationEraseView(AllowedOr404Mixin, PrivatePageMixin, FormView):
    """A site admin erases a partner school's or district's data on its request."""

    template_name = "privacy/organization_erase.html"
    form_class = RetypeConfirmForm

    def is_allowed(self) -> bool:
        return is_site_admin(self.request.user)

    @cached_property
    def organization(self):
        return get_object_or_404(Organization, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "expected": self.organization.name}

    def get_context_data(self, **kwargs):
        organization = self.organization
        return super().get_context_data(
            organization=organization,
            teams=Team.objects.filter(organization=organization)
            | Team.objects.filter(organization__parent=organization),
            **kwargs,
        )

    @reauthenticated
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        organization = self.organization
        counts = services.organization_erase(organization=organization, actor=self.request.user)
        messages.success(
            self.request,
            _("%(name)s and its %(teams)s team(s) were erased.")
            % {"name": organization.name, "teams": counts["teams"]},
        )
        return redirect("/")
