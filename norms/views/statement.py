"""The collective identity statement: versions, comments and endorsements."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.service_forms import add_service_errors
from cohorts import access
from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin

from .. import services
from ..forms import (
    CommentForm,
    StatementForm,
)
from ..models import IdentityStatement


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
