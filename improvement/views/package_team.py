"""The change package from a team's side: mark an idea adopted, take an entry into the diagram.

Both are for members of a team of the cohort (others get 404, through `WriteMixin`).
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from .. import package_forms, services
from ..models import ChangePackageEntry
from .base import ServiceFormMixin, WriteMixin
from .cycles import CycleMixin


class IdeaAdoptedView(WriteMixin, CycleMixin, View):
    """ "Mark this change idea adopted", offered by a cycle whose decision is Adopt."""

    def post(self, request, *args, **kwargs):
        try:
            services.change_idea_mark_adopted(idea=self.cycle.change_idea, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Change idea marked adopted."))
        return redirect(self.cycle.get_absolute_url())


class EntryAdoptView(ServiceFormMixin, WriteMixin, FormView):
    """A team of the cohort takes an entry into its own driver diagram, linked to the entry."""

    form_class = package_forms.AdoptForm
    template_name = "improvement/package/adopt.html"

    @cached_property
    def entry(self) -> ChangePackageEntry:
        return get_object_or_404(
            ChangePackageEntry.objects.visible_to(self.request.user)
            .filter(cohort=self.team.cohort)
            .exclude(idea__project__team=self.team)
            .select_related("idea", "cohort"),
            pk=self.kwargs["pk"],
        )

    @property
    def heading(self):
        return _("Take this change idea into your driver diagram")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "project": self.project}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "entry": self.entry}

    def save(self, form):
        self.success_message = _("Added to your driver diagram: plan a cycle to test it.")
        idea = services.package_entry_adopt(
            entry=self.entry, project=self.project, user=self.request.user, **form.cleaned_data
        )
        return reverse("improvement:cycle_add", args=[self.team.slug]) + f"?idea={idea.pk}"
