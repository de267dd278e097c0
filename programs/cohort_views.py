"""Curriculum pages for a cohort's facilitators: when each module opens."""

import datetime

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from cohorts.mixins import CohortManagerMixin

from .release import cohort_schedule
from .services import release_dates_save


class ReleaseDatesForm(forms.Form):
    def __init__(self, *args, schedule: list[tuple[object, datetime.date]], **kwargs):
        super().__init__(*args, **kwargs)
        for module, opens_on in schedule:
            self.fields[f"module_{module.pk}"] = forms.DateField(
                label=gettext_lazy("Module %(number)s: %(title)s")
                % {"number": module.number, "title": module.title},
                initial=opens_on,
                widget=forms.DateInput(attrs={"type": "date"}),
            )


class ReleaseDatesView(CohortManagerMixin, FormView):
    template_name = "programs/release_dates.html"
    form_class = ReleaseDatesForm

    def cohort_queryset(self):
        return super().cohort_queryset().select_related("program")  # its modules are listed

    def get_form_kwargs(self):
        schedule = cohort_schedule(self.cohort)
        self.modules = [module for module, _opens_on in schedule]
        return {**super().get_form_kwargs(), "schedule": schedule}

    def form_valid(self, form):
        release_dates_save(
            cohort=self.cohort,
            by=self.request.user,
            dates={module: form.cleaned_data[f"module_{module.pk}"] for module in self.modules},
        )
        messages.success(self.request, _("Release dates saved."))
        return redirect(self.cohort.get_absolute_url())
