"""Check-ins against the ratified norms."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.service_forms import add_service_errors
from cohorts.mixins import TeamMemberRequiredMixin

from .. import services
from ..forms import (
    CheckInForm,
)
from ..models import Norm, NormSet
from .page import norms_url


class CheckInView(TeamMemberRequiredMixin, TemplateView):
    template_name = "norms/check_in.html"

    @cached_property
    def norm_set(self) -> NormSet | None:
        return (
            NormSet.objects.filter(team=self.team, status=NormSet.Status.RATIFIED)
            .prefetch_related(Prefetch("norms", queryset=Norm.objects.order_by("position", "pk")))
            .first()
        )

    def get_form(self, data=None):
        norms = list(self.norm_set.norms.all()) if self.norm_set else []
        return CheckInForm(data, norms=norms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["norm_set"] = self.norm_set
        context.setdefault("form", self.get_form())
        return context

    def post(self, request, *args, **kwargs):
        if self.norm_set is None:
            messages.error(request, _("Check-ins start once the team has ratified its norms."))
            return redirect(norms_url(self.team))
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                services.check_in_record(
                    team=self.team,
                    user=request.user,
                    met_on=form.cleaned_data["met_on"],
                    ratings=form.ratings(),
                    hard_norm_id=form.cleaned_data["hard_norm"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your check-in was recorded."))
                # To the confirmation (site.js focuses it), not 700 px below it at the trend.
                return redirect(norms_url(self.team) + "#messages")
        return self.render_to_response(self.get_context_data(form=form), status=400)
