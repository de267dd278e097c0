from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView

from cohort_site.idempotency import IdempotentCreateMixin
from cohorts import access
from cohorts.mixins import AllowedOr404Mixin, TeamMixin

from . import services
from .forms import ConversationForm, protocol_from
from .models import Conversation, NextStep


class ConversationListView(AllowedOr404Mixin, TeamMixin, ListView):
    """Notes are for leads and facilitators; anyone else gets the same 404 as a stranger."""

    template_name = "coaching/list.html"
    context_object_name = "conversations"

    def is_allowed(self) -> bool:
        return access.leads_or_facilitates(self.request.user, self.team)

    def get_queryset(self):
        return (
            Conversation.objects.visible_to(self.request.user)
            .filter(team=self.team)
            .select_related("facilitator")
            .prefetch_related("participants", "next_steps__owner")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_record"] = access.is_cohort_facilitator(self.request.user, self.team.cohort)
        return context


class ConversationCreateView(IdempotentCreateMixin, AllowedOr404Mixin, TeamMixin, FormView):
    template_name = "coaching/form.html"
    form_class = ConversationForm

    def is_allowed(self) -> bool:
        return access.is_cohort_facilitator(self.request.user, self.team.cohort)

    def get_form_kwargs(self):
        protocol = protocol_from(self.request.GET.get("protocol"))
        return {**super().get_form_kwargs(), "team": self.team, "protocol": protocol}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["protocol"] = protocol_from(self.request.GET.get("protocol"))
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        services.conversation_record(
            team=self.team,
            facilitator=self.request.user,
            steps=data["steps"],
            participants=data["participants"],
            held_on=data["held_on"],
            kind=data["kind"],
            notes=data["notes"],
            protocol=form.protocol.slug if form.protocol else "",
            protocol_steps=data["protocol_steps"],
        )
        messages.success(self.request, _("The coaching conversation was saved."))
        return redirect(reverse("coaching:list", args=[self.team.slug]))


class NextStepDoneView(TeamMixin, View):
    def post(self, request, *args, **kwargs):
        step = get_object_or_404(
            NextStep.objects.visible_to(request.user).select_related("conversation__team__cohort"),
            pk=kwargs["pk"],
            conversation__team=self.team,
        )
        try:
            services.next_step_done(step=step, by=request.user)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("Marked as done."))
        back = request.POST.get("next", "")
        if back and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(back)
        return redirect(self.team.get_absolute_url())
