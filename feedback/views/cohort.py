"""Facilitators: the cohort's feedback page, critical-friend rounds, reassigning a review."""

from collections import defaultdict
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.pagination import page_with_total
from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import CohortManagerMixin, PrivatePageMixin
from cohorts.models import CohortSession

from .. import anonymity, services
from ..forms import (
    ManualRoundForm,
    ReassignForm,
    RoundForm,
)
from ..models import (
    Assignment,
    FeedbackRequest,
    Pairing,
    PairingRound,
)

OVERDUE_PAGE_SIZE = 25


class CohortFeedbackView(CohortManagerMixin, TemplateView):
    """Facilitators: critical-friend rounds, overdue requests, session feedback.

    The same size however many teams the cohort has: overdue requests come a page at a time,
    only the latest round lists its pairs, and pairing by hand (a choice per team) has its own
    page (`RoundCreateView`).
    """

    template_name = "feedback/cohort.html"

    def cohort_queryset(self):
        return super().cohort_queryset().annotate(team_count=Count("teams"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohort = self.cohort
        rounds = list(
            PairingRound.objects.filter(cohort=cohort).annotate(pair_count=Count("pairings"))
        )
        latest_pairs = (
            list(
                Pairing.objects.filter(round=rounds[0])
                .select_related("reviewed_team", "reviewer_team")
                .order_by("reviewed_team__name", "pk")
            )
            if rounds
            else []
        )
        overdue_qs = FeedbackRequest.objects.overdue().filter(team__cohort=cohort)
        # Grows with the cohort: a page at a time, oldest due first, with the total.
        overdue = page_with_total(
            overdue_qs.select_related("team").order_by("due_on", "pk"),
            self.request.GET.get("page"),
            OVERDUE_PAGE_SIZE,
        )
        pending = defaultdict(list)
        for assignment in (
            Assignment.objects.pending()
            .filter(request__in=[req.pk for req in overdue])
            .select_related("reviewer")
        ):
            pending[assignment.request_id].append(assignment)
        for req in overdue:
            req.pending = pending[req.pk]
        sessions = list(
            CohortSession.objects.filter(cohort=cohort)
            .annotate(answers=Count("feedback_responses"))
            .order_by("starts_at")
        )
        context.update(
            team_count=cohort.team_count,
            latest_round=rounds[0] if rounds else None,
            latest_pairs=latest_pairs,
            earlier_rounds=rounds[1:],
            overdue=overdue,
            sessions=sessions,
            auto_form=kwargs.get("auto_form") or RoundForm(prefix="auto"),
            minimum=anonymity.SESSION_RESULTS_MINIMUM,
        )
        return context


class RoundCreateView(CohortFeedbackView):
    """GET: the pair-by-hand page (one choice per team); POST: pair the cohort's teams, by
    rotation (the cohort feedback page's form) or by hand (this page's form)."""

    manual_template_name = "feedback/rounds_manual.html"

    @cached_property
    def manual(self) -> bool:
        return self.request.method == "GET" or self.request.POST.get("mode") == "manual"

    @cached_property
    def teams(self) -> list:
        return list(self.cohort.teams.order_by("name"))

    def get_template_names(self):
        return [self.manual_template_name] if self.manual else super().get_template_names()

    def get_context_data(self, **kwargs):
        if not self.manual:
            return super().get_context_data(**kwargs)
        # Only the form: skip the cohort page's lists.
        context = super(CohortFeedbackView, self).get_context_data(**kwargs)
        context.update(
            team_count=len(self.teams),
            manual_form=kwargs.get("manual_form")
            or ManualRoundForm(prefix="manual", teams=self.teams),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = (
            ManualRoundForm(request.POST, prefix="manual", teams=self.teams)
            if self.manual
            else RoundForm(request.POST, prefix="auto")
        )
        if form.is_valid():
            try:
                services.round_create(
                    cohort=self.cohort,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    pairs=form.pairs() if self.manual else None,
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Teams are paired for the round."))
                return redirect("feedback:cohort", slug=self.cohort.slug)
        key = "manual_form" if self.manual else "auto_form"
        return self.render_to_response(self.get_context_data(**{key: form}), status=400)


class ReassignView(PrivatePageMixin, TemplateView):
    template_name = "feedback/reassign.html"

    @cached_property
    def assignment(self) -> Assignment:
        assignment = get_object_or_404(
            Assignment.objects.filter(
                request__in=FeedbackRequest.objects.visible_to(self.request.user)
            ).select_related("request__team__cohort", "reviewer"),
            pk=self.kwargs["pk"],
        )
        if not access.can_manage_cohort(self.request.user, assignment.request.team.cohort):
            raise Http404
        return assignment

    def get_form(self):
        req = self.assignment.request
        busy = Assignment.objects.active().filter(request=req).values_list("reviewer_id", flat=True)
        return ReassignForm(
            self.request.POST or None,
            cohort=req.team.cohort,
            exclude_pks=[req.requested_by_id, *busy],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(assignment=self.assignment, req=self.assignment.request)
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                services.assignment_reassign(
                    assignment=self.assignment,
                    by=request.user,
                    reviewer=form.cleaned_data["reviewer"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The request was passed to the new reviewer."))
                return redirect("feedback:cohort", slug=self.assignment.request.team.cohort.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)
