"""Requests for feedback: the inbox, asking, reading the answers, giving them, closing."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from cohort_site.files import private_file_response
from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import PrivatePageMixin, TeamMemberRequiredMixin
from cohorts.models import Cohort

from .. import anonymity, services
from ..forms import (
    BackFeedbackForm,
    GiveForm,
    RequestForm,
)
from ..models import (
    Assignment,
    FeedbackRequest,
    FeedbackResponse,
    SessionFeedbackMarker,
    sessions_open_to,
)


def _count(model_qs, ref: str = "pk"):
    return Coalesce(
        Subquery(
            model_qs.order_by().values(ref).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _submitted_count():
    return _count(
        FeedbackResponse.objects.filter(
            request_id=OuterRef("pk"), status=FeedbackResponse.Status.SUBMITTED
        ),
        "request_id",
    )


def _asked_count():
    return _count(Assignment.objects.active().filter(request_id=OuterRef("pk")), "request_id")


class InboxView(PrivatePageMixin, TemplateView):
    """Requests to answer, requests made, teammates' open requests, sessions to rate."""

    template_name = "feedback/inbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        own_status = FeedbackResponse.objects.filter(
            request_id=OuterRef("request_id"), giver_id=user.pk
        ).values("status")[:1]
        context["to_answer"] = list(
            Assignment.objects.active()
            .filter(reviewer=user)
            .select_related("request__team")
            .annotate(response_status=Subquery(own_status))
            .order_by("request__closed_on", "request__due_on", "pk")
        )
        made = list(
            FeedbackRequest.objects.filter(requested_by=user)
            .select_related("team")
            .annotate(submitted=_submitted_count(), asked=_asked_count())
        )
        for item in made:
            item.released = anonymity.is_released(item, item.submitted)
        context["made"] = made
        my_teams = access.member_team_ids(user)
        context["team_requests"] = list(
            FeedbackRequest.objects.open()
            .filter(team_id__in=my_teams)
            .exclude(requested_by=user)
            .select_related("team", "requested_by")
        )
        answered = SessionFeedbackMarker.objects.filter(user=user).values("session_id")
        context["sessions"] = list(
            sessions_open_to(user).exclude(pk__in=answered).order_by("-starts_at")[:3]
        )
        context["cohorts"] = list(Cohort.objects.facilitated_by(user))
        context["has_team"] = access.current_memberships(user).exists()
        return context


class ChooseTeamView(PrivatePageMixin, TemplateView):
    template_name = "feedback/choose_team.html"

    def get(self, request, *args, **kwargs):
        teams = list(access.member_teams(request.user).order_by("name"))
        if len(teams) == 1:
            return redirect("feedback:new_for_team", slug=teams[0].slug)
        return self.render_to_response(self.get_context_data(teams=teams))


class RequestCreateView(IdempotentCreateMixin, TeamMemberRequiredMixin, TemplateView):
    template_name = "feedback/request_form.html"

    def get_form(self):
        if self.request.method == "POST":
            return RequestForm(
                self.request.POST, self.request.FILES, team=self.team, user=self.request.user
            )
        pairing = services.current_pairing(self.team)
        initial = {"reviewer_team": pairing.reviewer_team} if pairing else {}
        return RequestForm(initial=initial, team=self.team, user=self.request.user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            data = form.cleaned_data
            try:
                feedback_request = services.request_create(
                    team=self.team,
                    requested_by=request.user,
                    artifact_title=data["artifact_title"],
                    artifact_url=data["artifact_url"],
                    artifact_file=data.get("artifact_file"),
                    artifact_key=data.get("artifact") or "",
                    focusing_question=data["focusing_question"],
                    protocol=data["protocol"],
                    due_on=data["due_on"],
                    anonymous=data["anonymous"],
                    reviewers=data["reviewers"],
                    reviewer_team=data["reviewer_team"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request was sent to your reviewers."))
                return redirect(feedback_request)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RequestMixin(PrivatePageMixin):
    @cached_property
    def feedback_request(self) -> FeedbackRequest:
        return get_object_or_404(
            FeedbackRequest.objects.visible_to(self.request.user).select_related(
                "team__cohort", "requested_by", "reviewer_team"
            ),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def can_manage(self) -> bool:
        return access.can_manage_cohort(self.request.user, self.feedback_request.team.cohort)


class RequestDetailView(RequestMixin, TemplateView):
    template_name = "feedback/request_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, req = self.request.user, self.feedback_request
        assignments = list(req.assignments.select_related("reviewer").order_by("pk"))
        responses = list(req.responses.select_related("giver"))
        submitted_by = {r.giver_id for r in responses if r.is_submitted}
        views = anonymity.visible_responses(user, req, responses)
        is_receiver = anonymity.is_receiver(user, req)
        released = anonymity.is_released(req, len(submitted_by))
        active = [a for a in assignments if a.status == Assignment.Status.ACTIVE]
        show_reviewers = anonymity.shows_reviewers(
            req, is_receiver=is_receiver, can_manage=self.can_manage
        )
        context.update(
            req=req,
            protocol=req.protocol_def,
            is_requester=req.requested_by_id == user.pk and is_receiver,
            is_receiver=is_receiver,
            can_manage=self.can_manage,
            my_assignment=next((a for a in active if a.reviewer_id == user.pk), None),
            reviewers=[{"assignment": a, "answered": a.reviewer_id in submitted_by} for a in active]
            if show_reviewers
            else None,
            asked=len(active),
            submitted=len(submitted_by),
            released=released,
            show_count=anonymity.shows_answer_count(
                released=released, is_receiver=is_receiver, can_manage=self.can_manage
            ),
            can_read=anonymity.can_read_answers(user, req),
            groups=anonymity.grouped_by_section(req, views),
            responses=views,
            back_form=BackFeedbackForm(),
            back_label=(
                req.protocol_def.presenter_section or BackFeedbackForm.base_fields["back_feedback"]
            ).label,
            threshold=anonymity.RELEASE_THRESHOLD,
        )
        return context


class GiveView(RequestMixin, TemplateView):
    template_name = "feedback/give.html"

    @cached_property
    def assignment(self) -> Assignment:
        assignment = (
            Assignment.objects.filter(request=self.feedback_request, reviewer=self.request.user)
            .order_by("-pk")
            .first()
        )
        if assignment is None:
            raise Http404
        return assignment

    @cached_property
    def response(self) -> FeedbackResponse | None:
        return FeedbackResponse.objects.filter(
            request=self.feedback_request, giver=self.request.user
        ).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        req = self.feedback_request
        own = anonymity.view(self.request.user, self.response, req) if self.response else None
        context.update(
            req=req,
            protocol=req.protocol_def,
            assignment=self.assignment,
            reassigned=self.assignment.status != Assignment.Status.ACTIVE,
            own=own,
            submitted=bool(self.response and self.response.is_submitted),
        )
        return context

    def get(self, request, *args, **kwargs):
        initial = self.response.answers if self.response else {}
        form = GiveForm(initial=initial, request=self.feedback_request)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = GiveForm(request.POST, request=self.feedback_request)
        submit = request.POST.get("action") == "submit"
        if form.is_valid():
            try:
                services.response_save(
                    request=self.feedback_request,
                    giver=request.user,
                    answers=form.cleaned_data,
                    submit=submit,
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if submit:
                    messages.success(request, _("Thank you. Your feedback was sent."))
                    return redirect("feedback:inbox")
                messages.success(request, _("Draft saved. Only you can see it."))
                return redirect("feedback:give", pk=self.feedback_request.pk)
        context = self.get_context_data(form=form)
        context["submitted"] = False  # keep the text in the form so nothing is lost
        return self.render_to_response(context, status=400)


class RequestCloseView(RequestMixin, TemplateView):
    """GET asks for confirmation (no JavaScript needed); POST closes the request."""

    template_name = "feedback/request_close.html"

    def get(self, request, *args, **kwargs):
        if not services.can_close(request=self.feedback_request, by=request.user):
            raise Http404
        if self.feedback_request.is_closed:
            return redirect(self.feedback_request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(req=self.feedback_request, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.request_close(request=self.feedback_request, by=request.user)
        except PermissionDenied as error:
            raise Http404 from error
        messages.success(request, _("The request is closed; no more answers will be accepted."))
        return redirect(self.feedback_request)


class RequestTakeView(RequestMixin, View):
    def post(self, request, *args, **kwargs):
        if not self.can_manage:
            raise Http404
        try:
            services.request_take(request=self.feedback_request, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("feedback:cohort", slug=self.feedback_request.team.cohort.slug)
        return redirect("feedback:give", pk=self.feedback_request.pk)


class ArtifactFileView(RequestMixin, View):
    def get(self, request, *args, **kwargs):
        artifact = self.feedback_request.artifact_file
        if not artifact:
            raise Http404
        return private_file_response(artifact)
