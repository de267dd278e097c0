"""Norms pages. Readers: the team's members, the cohort's facilitators, site admins.

Only current members write; only leads propose; facilitators close stalled votes.
Everyone else gets 404 (the team is not in their `visible_to` queryset).
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import AllowedOr404Mixin, TeamMemberRequiredMixin, TeamMixin

from . import queries, services
from .forms import (
    CheckInForm,
    CloseVoteForm,
    CommentForm,
    ConditionForm,
    ConditionGroupForm,
    NormForm,
    StatementForm,
    TemplateForm,
    VoteForm,
)
from .models import Condition, IdentityStatement, Norm, NormSet, Vote
from .templates_data import norm_templates


def norms_url(team) -> str:
    return reverse("norms:index", kwargs={"slug": team.slug})


class NormsPageView(TeamMixin, TemplateView):
    """The norms page: conditions, the draft or vote, the ratified norms and their trend."""

    template_name = "norms/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        overview = queries.norms_overview(self.team, self.request.user)
        context.update(overview)
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


class ConditionAddView(IdempotentCreateMixin, MemberPostView):
    def post(self, request, *args, **kwargs):
        form = ConditionForm(request.POST)
        if form.is_valid():
            try:
                services.condition_add(team=self.team, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your condition was added."))
                return self.redirect_back("#conditions")
        return self.render_to_response(self.get_context_data(condition_form=form), status=400)


class ConditionGroupView(MemberPostView):
    def post(self, request, *args, **kwargs):
        condition = get_object_or_404(Condition, pk=kwargs["pk"], team=self.team)
        form = ConditionGroupForm(request.POST)
        if form.is_valid():
            services.condition_group(
                condition=condition, user=request.user, group_label=form.cleaned_data["group_label"]
            )
            messages.success(request, _("Group saved."))
        else:
            messages.error(request, _("A group label has at most 80 characters."))
        return self.redirect_back("#conditions")


class DraftStartView(MemberPostView):
    def post(self, request, *args, **kwargs):
        services.draft_start(team=self.team, user=request.user)
        messages.success(request, _("A draft is open. Edit the norms, then a lead proposes them."))
        return self.redirect_back("#draft")


class OpenDraftMixin:
    @cached_property
    def draft(self) -> NormSet:
        draft = NormSet.objects.filter(team=self.team, status=NormSet.Status.DRAFT).first()
        if draft is None:
            raise Http404
        return draft


class TemplateApplyView(OpenDraftMixin, MemberPostView):
    def post(self, request, *args, **kwargs):
        form = TemplateForm(request.POST)
        if form.is_valid():
            added = services.template_apply(
                norm_set=self.draft, user=request.user, slug=form.cleaned_data["template"]
            )
            messages.success(
                request, _("%(count)s norms added from the template.") % {"count": len(added)}
            )
            return self.redirect_back("#draft")
        return self.render_to_response(self.get_context_data(template_form=form), status=400)


class NormAddView(OpenDraftMixin, MemberPostView):
    def post(self, request, *args, **kwargs):
        form = NormForm(request.POST)
        if form.is_valid():
            try:
                services.norm_add(
                    norm_set=self.draft,
                    user=request.user,
                    statement=form.cleaned_data["statement"],
                    in_practice=form.cleaned_data["in_practice"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Norm added to the draft."))
                return self.redirect_back("#draft")
        return self.render_to_response(self.get_context_data(norm_form=form), status=400)


class NormEditView(TeamMemberRequiredMixin, TemplateView):
    """Edit one draft norm. A save based on an older revision shows both texts to choose from."""

    template_name = "norms/norm_edit.html"

    @cached_property
    def norm(self) -> Norm:
        return get_object_or_404(
            Norm.objects.select_related("norm_set"),
            pk=self.kwargs["pk"],
            norm_set__team=self.team,
            norm_set__status=NormSet.Status.DRAFT,
        )

    def get(self, request, *args, **kwargs):
        form = NormForm(
            initial={
                "statement": self.norm.statement,
                "in_practice": self.norm.in_practice,
                "revision": self.norm.revision,
            }
        )
        return self.render_to_response(self.get_context_data(form=form, norm=self.norm))

    def post(self, request, *args, **kwargs):
        norm = self.norm
        form = NormForm(request.POST)
        if form.is_valid():
            try:
                services.norm_update(
                    norm=norm,
                    user=request.user,
                    statement=form.cleaned_data["statement"],
                    in_practice=form.cleaned_data["in_practice"],
                    revision=form.cleaned_data["revision"] or 0,
                )
            except services.StaleEdit as stale:
                # Keep their text; offer the person's own text again, now based on theirs.
                data = request.POST.copy()
                data["revision"] = stale.current.revision
                return self.render_to_response(
                    self.get_context_data(
                        form=NormForm(data), norm=stale.current, conflict=stale.current
                    ),
                    status=409,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Norm saved."))
                return redirect(norms_url(self.team) + "#draft")
        return self.render_to_response(self.get_context_data(form=form, norm=norm), status=400)


class NormDeleteView(MemberPostView):
    def post(self, request, *args, **kwargs):
        norm = get_object_or_404(
            Norm, pk=kwargs["pk"], norm_set__team=self.team, norm_set__status=NormSet.Status.DRAFT
        )
        services.norm_delete(norm=norm, user=request.user)
        messages.success(request, _("Norm removed from the draft."))
        return self.redirect_back("#draft")


class NormSetMixin:
    @cached_property
    def norm_set(self) -> NormSet:
        return get_object_or_404(NormSet, team=self.team, number=self.kwargs["number"])


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


class StatementView(TeamMixin, TemplateView):
    """The identity statement: current version, earlier ones, comments and endorsements."""

    template_name = "norms/statement.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statements = list(
            IdentityStatement.objects.filter(team=self.team)
            .select_related("author")
            .prefetch_related("comments__author", "endorsements__user")
        )
        current = statements[0] if statements else None
        context["statement"] = current
        context["earlier"] = statements[1:]
        context["member_ids"] = set(
            self.team.memberships.current().values_list("user_id", flat=True)
        )
        if current:
            endorsers = [e.user for e in current.endorsements.all()]
            context["endorsers"] = endorsers
            context["i_endorsed"] = any(u.pk == self.request.user.pk for u in endorsers)
        initial = {"based_on": current.number if current else 0}
        if current:
            initial.update(
                who_we_are=current.who_we_are,
                why_we_do_this_work=current.why_we_do_this_work,
                what_we_commit_to=current.what_we_commit_to,
            )
        context.setdefault("form", StatementForm(initial=initial))
        context.setdefault("comment_form", CommentForm())
        return context

    def post(self, request, *args, **kwargs):
        if not access.is_team_member(request.user, self.team):
            raise PermissionDenied
        form = StatementForm(request.POST)
        if form.is_valid():
            try:
                services.statement_save(
                    team=self.team,
                    user=request.user,
                    who_we_are=form.cleaned_data["who_we_are"],
                    why_we_do_this_work=form.cleaned_data["why_we_do_this_work"],
                    what_we_commit_to=form.cleaned_data["what_we_commit_to"],
                    based_on_number=form.cleaned_data["based_on"] or 0,
                )
            except services.StaleEdit as stale:
                data = request.POST.copy()
                data["based_on"] = stale.current.number
                return self.render_to_response(
                    self.get_context_data(form=StatementForm(data), conflict=stale.current),
                    status=409,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("A new version of the statement was saved."))
                return redirect(reverse("norms:statement", kwargs={"slug": self.team.slug}))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class StatementActionMixin(TeamMemberRequiredMixin):
    http_method_names = ["post"]

    @cached_property
    def statement(self) -> IdentityStatement:
        return get_object_or_404(IdentityStatement, team=self.team, number=self.kwargs["number"])

    def back(self):
        return redirect(reverse("norms:statement", kwargs={"slug": self.team.slug}))


class StatementEndorseView(StatementActionMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        try:
            services.statement_endorse(statement=self.statement, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You endorsed this statement."))
        return self.back()


class StatementCommentView(StatementActionMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST)
        if form.is_valid():
            services.statement_comment(
                statement=self.statement, user=request.user, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Comment added."))
        else:
            messages.error(request, _("Write your comment first."))
        return self.back()
