"""Feedback pages. Every object is found through a `visible_to(user)` queryset, so other
teams' and cohorts' requests answer 404; writes go through services.py."""

from collections import defaultdict
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
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
from cohorts.mixins import CohortManagerMixin, PrivatePageMixin, TeamMemberRequiredMixin
from cohorts.models import Cohort, CohortSession

from . import anonymity, services
from .forms import (
    BackFeedbackForm,
    GiveForm,
    ManualRoundForm,
    ReassignForm,
    RequestForm,
    RoundForm,
    SessionFeedbackForm,
)
from .models import (
    Assignment,
    FeedbackRequest,
    FeedbackResponse,
    Pairing,
    PairingRound,
    SessionFeedback,
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


class ResponseActionMixin(PrivatePageMixin):
    @cached_property
    def response(self) -> FeedbackResponse:
        return get_object_or_404(
            FeedbackResponse.objects.filter(
                request__in=FeedbackRequest.objects.visible_to(self.request.user)
            ).select_related("request__team"),
            token=self.kwargs["token"],
        )


class HelpfulView(ResponseActionMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            services.response_mark_helpful(
                response=self.response, by=request.user, helpful=request.POST.get("helpful") == "1"
            )
        except PermissionDenied as error:
            raise Http404 from error
        messages.success(request, _("Saved."))
        return redirect(self.response.request.get_absolute_url() + f"#r-{self.response.token}")


class BackFeedbackView(ResponseActionMixin, View):
    def post(self, request, *args, **kwargs):
        form = BackFeedbackForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Write what you will do with this feedback."))
            services.response_write_back(
                response=self.response, by=request.user, text=form.cleaned_data["back_feedback"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. The reviewer can now read your reply."))
        return redirect(self.response.request.get_absolute_url() + f"#r-{self.response.token}")


OVERDUE_PAGE_SIZE = 25


class CohortFeedbackView(CohortManagerMixin, TemplateView):
    """Facilitators: critical-friend rounds, overdue requests, session feedback."""

    template_name = "feedback/cohort.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cohort = self.cohort
        teams = list(cohort.teams.order_by("name"))
        rounds = list(
            PairingRound.objects.filter(cohort=cohort).prefetch_related(
                Prefetch(
                    "pairings",
                    queryset=Pairing.objects.select_related("reviewed_team", "reviewer_team"),
                )
            )
        )
        overdue_qs = FeedbackRequest.objects.overdue().filter(team__cohort=cohort)
        # Grows with the cohort: a page at a time, oldest due first.
        overdue = Paginator(
            overdue_qs.select_related("team").order_by("due_on", "pk"), OVERDUE_PAGE_SIZE
        ).get_page(self.request.GET.get("page"))
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
            teams=teams,
            rounds=rounds,
            overdue=overdue,
            sessions=sessions,
            auto_form=kwargs.get("auto_form") or RoundForm(prefix="auto"),
            manual_form=kwargs.get("manual_form") or ManualRoundForm(prefix="manual", teams=teams),
            minimum=anonymity.SESSION_RESULTS_MINIMUM,
        )
        return context


class RoundCreateView(CohortFeedbackView):
    def get(self, request, *args, **kwargs):
        return redirect("feedback:cohort", slug=self.cohort.slug)

    def post(self, request, *args, **kwargs):
        teams = list(self.cohort.teams.order_by("name"))
        manual = request.POST.get("mode") == "manual"
        form = (
            ManualRoundForm(request.POST, prefix="manual", teams=teams)
            if manual
            else RoundForm(request.POST, prefix="auto")
        )
        if form.is_valid():
            try:
                services.round_create(
                    cohort=self.cohort,
                    by=request.user,
                    name=form.cleaned_data["name"],
                    pairs=form.pairs() if manual else None,
                )
            except PermissionDenied as error:
                raise Http404 from error
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Teams are paired for the round."))
                return redirect("feedback:cohort", slug=self.cohort.slug)
        key = "manual_form" if manual else "auto_form"
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


class SessionFeedbackView(PrivatePageMixin, TemplateView):
    template_name = "feedback/session_form.html"

    @cached_property
    def session(self) -> CohortSession:
        return get_object_or_404(
            sessions_open_to(self.request.user).select_related("cohort"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.session
        context["answered"] = SessionFeedbackMarker.objects.filter(
            session=self.session, user=self.request.user
        ).exists()
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=SessionFeedbackForm()))

    def post(self, request, *args, **kwargs):
        form = SessionFeedbackForm(request.POST)
        if form.is_valid():
            try:
                services.session_feedback_submit(
                    session=self.session,
                    user=request.user,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your answer was saved without your name."))
                return redirect("feedback:inbox")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionResultsView(PrivatePageMixin, TemplateView):
    """Facilitators see a session's ratings as `anonymity.session_results` allows."""

    template_name = "feedback/session_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = get_object_or_404(
            CohortSession.objects.filter(
                cohort__in=Cohort.objects.facilitated_by(self.request.user)
            ).select_related("cohort"),
            pk=self.kwargs["pk"],
        )
        answers = SessionFeedback.objects.visible_to(self.request.user).filter(session=session)
        context.update(session=session, **anonymity.session_results(answers))
        return context
