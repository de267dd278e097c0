from functools import cached_property

from allauth.account.adapter import get_adapter

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from cohorts.mixins import NoStoreMixin
from cohorts.models import Team

from . import services
from .forms import (
    CharterForm,
    CommitteeInvitationForm,
    MeetingForm,
    RecommendationForm,
    ResponseForm,
)
from .models import Committee, CommitteeInvitation, Recommendation


class CommitteeMixin(LoginRequiredMixin, NoStoreMixin):
    """The committee of the team named by `slug`, if the person may see it; else 404.

    `allowed` narrows who may open the page (contributors, stewards)."""

    def allowed(self, committee) -> bool:
        return True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed(self.committee):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def committee(self) -> Committee:
        return get_object_or_404(
            Committee.objects.visible_to(self.request.user).select_related("team__cohort"),
            team__slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["committee"] = self.committee
        return context


class CommitteeSpaceView(CommitteeMixin, TemplateView):
    template_name = "committees/space.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee, user = self.committee, self.request.user
        context.update(
            members=committee.members.filter(left_on__isnull=True).select_related("user"),
            meetings=committee.meetings.prefetch_related("attendees"),
            recommendations=committee.recommendations.all(),
            can_steward=committee.can_steward(user),
            can_contribute=committee.can_contribute(user),
        )
        return context


class CharterView(LoginRequiredMixin, NoStoreMixin, FormView):
    """Start the team's committee or change its charter: team leads and facilitators."""

    template_name = "committees/charter.html"
    form_class = CharterForm

    @cached_property
    def team(self):
        return get_object_or_404(
            Team.objects.visible_to(self.request.user).select_related("cohort"),
            slug=self.kwargs["slug"],
        )

    @cached_property
    def existing(self):
        return Committee.objects.filter(team=self.team).first()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not Committee(team=self.team).can_steward(
            request.user
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.existing}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "team": self.team}

    def form_valid(self, form):
        committee = services.charter_save(team=self.team, by=self.request.user, **_charter(form))
        messages.success(self.request, _("The charter was saved."))
        return redirect(committee.get_absolute_url())


def _charter(form) -> dict:
    return {name: form.cleaned_data[name] for name in CharterForm.Meta.fields}


class ContributorMixin(CommitteeMixin):
    def allowed(self, committee) -> bool:
        return committee.can_contribute(self.request.user)


class StewardMixin(CommitteeMixin):
    def allowed(self, committee) -> bool:
        return committee.can_steward(self.request.user)


class MeetingCreateView(ContributorMixin, FormView):
    template_name = "committees/form.html"
    form_class = MeetingForm
    extra_context = {"heading": gettext_lazy("Record a meeting")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committee": self.committee}

    def form_valid(self, form):
        data = form.cleaned_data
        services.meeting_record(
            committee=self.committee,
            by=self.request.user,
            held_on=data["held_on"],
            agenda=data["agenda"],
            attendees=data["attendees"],
            notes=data["notes"],
            decisions=data["decisions"],
        )
        messages.success(self.request, _("The meeting was recorded."))
        return redirect(self.committee.get_absolute_url())


class RecommendationCreateView(ContributorMixin, FormView):
    template_name = "committees/form.html"
    form_class = RecommendationForm
    extra_context = {"heading": gettext_lazy("Send a recommendation to the equity team")}

    def form_valid(self, form):
        services.recommendation_send(
            committee=self.committee,
            by=self.request.user,
            title=form.cleaned_data["title"],
            rationale=form.cleaned_data["rationale"],
        )
        messages.success(self.request, _("The recommendation was sent to the equity team."))
        return redirect(self.committee.get_absolute_url())


class RecommendationRespondView(StewardMixin, FormView):
    template_name = "committees/form.html"
    form_class = ResponseForm
    extra_context = {"heading": gettext_lazy("Answer the committee's recommendation")}

    @cached_property
    def recommendation(self):
        return get_object_or_404(
            Recommendation.objects.filter(committee=self.committee), pk=self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.recommendation}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "recommendation": self.recommendation}

    def form_valid(self, form):
        services.recommendation_answer(
            recommendation=self.recommendation,
            by=self.request.user,
            status=form.cleaned_data["status"],
            response=form.cleaned_data["response"],
        )
        messages.success(self.request, _("The committee can now read the team's answer."))
        return redirect(self.committee.get_absolute_url())


class CommitteeInviteView(StewardMixin, FormView):
    template_name = "committees/form.html"
    form_class = CommitteeInvitationForm
    # Lazy: class attributes are built at import, before any reader's language is active.
    extra_context = {
        "heading": gettext_lazy("Invite someone to a seat"),
        "submit_label": gettext_lazy("Send invitation"),
    }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            invitation = services.committee_invite(
                committee=self.committee,
                by=self.request.user,
                email=data["email"],
                name=data["name"],
                seat=data["seat"],
                request=self.request,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect(self.committee.get_absolute_url())


class JoinView(NoStoreMixin, TemplateView):
    """The emailed link. Logged in with the invited address: take the seat. Without an
    account: the link opens signup for the invited address (as a team invitation does), and
    signing up comes back here to take the seat."""

    template_name = "committees/join.html"

    @cached_property
    def invitation(self):
        return get_object_or_404(
            CommitteeInvitation.objects.select_related("committee__team"),
            token=self.kwargs["token"],
        )

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated and self.invitation.is_usable:
            # The invited address counts as verified: the person read mail sent to it.
            request.session[services.SESSION_KEY] = self.invitation.token
            get_adapter(request).stash_verified_email(request, self.invitation.email)
        elif request.session.get(services.SESSION_KEY) == self.invitation.token:
            # Back from signing up or logging in through this link: take the seat.
            return self.post(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        next_query = f"?{REDIRECT_FIELD_NAME}={self.request.path}"
        return {
            **super().get_context_data(**kwargs),
            "invitation": self.invitation,
            "signup_url": reverse("account_signup") + next_query,
            "login_url": reverse("account_login") + next_query,
        }

    def post(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.committee_join(invitation=self.invitation, user=request.user)
        except ValidationError as error:
            context = self.get_context_data(error=" ".join(error.messages))
            return self.render_to_response(context, status=400)
        request.session.pop(services.SESSION_KEY, None)
        messages.success(request, _("Welcome to the committee."))
        return redirect(self.invitation.committee.get_absolute_url())
