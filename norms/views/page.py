"""The norms page and what every norms view shares."""

from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from cohorts import access
from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin

from .. import queries
from ..forms import (
    ConditionForm,
    NormForm,
    TemplateForm,
    VoteForm,
)
from ..fragments import trend_chart
from ..models import NormSet
from ..templates_data import norm_templates


def norms_url(team) -> str:
    return reverse("norms:index", kwargs={"slug": team.slug})


class NormsPageView(TeamMixin, TemplateView):
    """The norms page: conditions, the draft or vote, the ratified norms and their trend."""

    template_name = "norms/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = queries.norms_overview(self.team, self.request.user)
        context.update(overview)
        context["trend_chart"] = trend_chart(overview["dates"], overview["series"])
        context.setdefault("condition_form", ConditionForm())
        context.setdefault("norm_form", NormForm())
        context.setdefault("template_form", TemplateForm())
        context.setdefault("vote_form", self._vote_form(overview["my_vote"]))
        context["templates"] = norm_templates()
        context["can_close"] = access.can_manage_team(self.request.user, self.team)
        return context

    @staticmethod
    def _vote_form(my_vote):
        if my_vote is None:
            return VoteForm()
        return VoteForm(initial={"choice": my_vote.choice, "reason": my_vote.reason})


class MemberPostView(TeamMemberRequiredMixin, NormsPageView):
    """A form posted from the norms page; invalid input re-renders the page beside the field."""

    http_method_names = ["post"]

    def redirect_back(self, anchor=""):
        return redirect(norms_url(self.team) + anchor)


class OpenDraftMixin:
    @cached_property
    def draft(self) -> NormSet:
        draft = NormSet.objects.filter(team=self.team, status=NormSet.Status.DRAFT).first()
        if draft is None:
            raise Http404
        return draft


class NormSetMixin:
    @cached_property
    def norm_set(self) -> NormSet:
        return get_object_or_404(NormSet, team=self.team, number=self.kwargs["number"])
