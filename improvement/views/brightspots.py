"""The cohort's bright spots: a page for its facilitators and site admins (others get 404)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohorts.mixins import CohortManagerMixin

from ..brightspots import cohort_bright_spots
from ..models import StudentGroup


class BrightSpotFilterForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Student group"),
        required=False,
        choices=[("", _("Every focal group")), *StudentGroup.choices],
    )


class BrightSpotsView(CohortManagerMixin, TemplateView):
    template_name = "improvement/bright_spots.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = BrightSpotFilterForm(self.request.GET or None)
        group = form.cleaned_data["group"] if form.is_valid() else ""
        context.update(
            form=form, group=group, entries=cohort_bright_spots(self.cohort, group=group)
        )
        return context
