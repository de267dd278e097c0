"""Drafting norms: members' conditions, the draft, templates, adding, editing and deleting norms."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.service_forms import add_service_errors
from cohorts.mixins import TeamMemberRequiredMixin

from .. import services
from ..forms import (
    ConditionForm,
    ConditionGroupForm,
    NormForm,
    TemplateForm,
)
from ..models import Condition, Norm, NormSet
from .page import MemberPostView, OpenDraftMixin, norms_url


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
