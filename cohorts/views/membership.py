"""Ending and moving a membership (the cohort's facilitators; leads for their own team)."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from cohort_site.service_forms import add_service_errors

from .. import access, services
from ..forms import (
    MembershipEndForm,
    MembershipMoveForm,
)
from ..mixins import AllowedOr404Mixin, TeamMixin
from ..models import Membership, Team


class MembershipActionMixin(AllowedOr404Mixin, TeamMixin):
    """A form about one current membership; `save(form)` calls the service and returns the
    message to show. Its ValidationError goes onto the form; a refusal answers 404."""

    def is_allowed(self) -> bool:
        return access.can_manage_team(self.request.user, self.team)

    def page_after_change(self) -> str:
        """The team page if the actor can still open it, else their own teams."""
        access.forget_roles(self.request.user)
        if Team.objects.visible_to(self.request.user).filter(pk=self.team.pk).exists():
            return self.team.get_absolute_url()
        return reverse("cohorts:my_teams")

    @cached_property
    def membership(self):
        return get_object_or_404(
            Membership.objects.current().select_related("user", "team__cohort"),
            pk=self.kwargs["pk"],
            team=self.team,
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "membership": self.membership}

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership, **kwargs)

    def save(self, form) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404 from None
        messages.success(self.request, message)
        return redirect(self.page_after_change())


class MembershipRemoveView(MembershipActionMixin, FormView):
    template_name = "cohorts/membership_remove.html"
    form_class = MembershipEndForm

    def save(self, form):
        services.membership_end(
            membership=self.membership,
            by=self.request.user,
            new_lead=form.cleaned_data["new_lead"],
        )
        return _("%(name)s was removed from the team.") % {"name": self.membership.user.name}


class MembershipMoveView(MembershipActionMixin, FormView):
    template_name = "cohorts/membership_move.html"
    form_class = MembershipMoveForm

    def save(self, form):
        services.membership_move(
            membership=self.membership, by=self.request.user, **form.cleaned_data
        )
        return _("%(name)s moved to %(team)s.") % {
            "name": self.membership.user.name,
            "team": form.cleaned_data["to_team"],
        }
