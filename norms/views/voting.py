"""Ratifying by consent: proposing, voting, closing a stalled vote, the version history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import AllowedOr404Mixin, TeamMixin

from .. import queries, services
from ..forms import (
    CloseVoteForm,
    VoteForm,
)
from ..models import Norm, NormSet, Vote
from .page import MemberPostView, NormSetMixin, norms_url


class ProposeView(NormSetMixin, MemberPostView):
    def post(self, request, *args, **kwargs):
        if not access.is_team_lead(request.user, self.team):
            raise PermissionDenied
        try:
            services.norm_set_propose(norm_set=self.norm_set, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The norms are proposed. Each member now votes."))
        return self.redirect_back("#vote")


class VoteView(NormSetMixin, MemberPostView):
    def post(self, request, *args, **kwargs):
        form = VoteForm(request.POST)
        if form.is_valid():
            try:
                _vote, changed = services.vote_cast(
                    norm_set=self.norm_set,
                    user=request.user,
                    choice=form.cleaned_data["choice"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    add_service_errors(form, error)
                else:
                    messages.error(request, " ".join(error.messages))
                    return self.redirect_back("#vote")
            else:
                self.norm_set.refresh_from_db()
                if self.norm_set.status == NormSet.Status.RATIFIED:
                    messages.success(request, _("Everyone can support these norms: ratified."))
                elif changed:
                    messages.success(request, _("You had already voted; your vote was changed."))
                else:
                    messages.success(request, _("Your vote was recorded."))
                return self.redirect_back("#vote")
        return self.render_to_response(self.get_context_data(vote_form=form), status=400)


class CloseVoteView(AllowedOr404Mixin, NormSetMixin, TeamMixin, TemplateView):
    template_name = "norms/close_vote.html"

    def is_allowed(self) -> bool:
        return access.can_manage_team(self.request.user, self.team)

    def refuse(self):
        raise PermissionDenied

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["norm_set"] = self.norm_set
        context.setdefault("form", CloseVoteForm())
        return context

    def post(self, request, *args, **kwargs):
        form = CloseVoteForm(request.POST)
        if form.is_valid():
            try:
                result = services.norm_set_close(
                    norm_set=self.norm_set, user=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if result.status == NormSet.Status.RATIFIED:
                    messages.success(request, _("Vote closed: the norms are ratified."))
                else:
                    messages.success(request, _("Vote closed: the norms went back to drafting."))
                return redirect(norms_url(self.team))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class HistoryView(TeamMixin, TemplateView):
    """Every version: status, who agreed, and what changed from the version before."""

    template_name = "norms/history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sets = list(
            NormSet.objects.filter(team=self.team)
            .order_by("number")
            .select_related("proposed_by", "closed_by")
            .prefetch_related(
                Prefetch("norms", queryset=Norm.objects.order_by("position", "pk")),
                Prefetch("votes", queryset=Vote.objects.select_related("user")),
            )
        )
        versions, previous = [], None
        for norm_set in sets:
            norms = list(norm_set.norms.all())
            versions.append(
                {
                    "set": norm_set,
                    "norms": norms,
                    "votes": list(norm_set.votes.all()),
                    "diff": queries.norm_diff(list(previous.norms.all()), norms)
                    if previous
                    else None,
                }
            )
            previous = norm_set
        context["versions"] = list(reversed(versions))
        return context
