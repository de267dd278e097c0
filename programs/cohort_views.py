"""Curriculum pages for a cohort's facilitators: when each module opens."""

import datetime

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from cohorts.mixins import CohortManagerMixin

from .models import ModulePage, ModuleRelease
from .release import default_opening


def cohort_modules(cohort):
    """The cohort's program modules in order; read once per cohort object (panels and alerts
    on the same dashboard share it)."""
    cached = getattr(cohort, "_curriculum_modules", None)
    if cached is None:
        modules = ModulePage.objects.live().order_by("number")
        if cohort.program_id:
            modules = modules.descendant_of(cohort.program)
        cached = cohort._curriculum_modules = list(modules)
    return cached


class ReleaseDatesForm(forms.Form):
    def __init__(self, *args, modules, current: dict[int, datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        for module in modules:
            self.fields[f"module_{module.pk}"] = forms.DateField(
                label=gettext_lazy("Module %(number)s: %(title)s")
                % {"number": module.number, "title": module.title},
                initial=current.get(module.pk, default_opening(module)),
                widget=forms.DateInput(attrs={"type": "date"}),
            )


class ReleaseDatesView(CohortManagerMixin, FormView):
    template_name = "programs/release_dates.html"
    form_class = ReleaseDatesForm

    def get_form_kwargs(self):
        self.modules = cohort_modules(self.cohort)
        current = dict(
            ModuleRelease.objects.filter(cohort=self.cohort).values_list("module_id", "opens_on")
        )
        return {**super().get_form_kwargs(), "modules": self.modules, "current": current}

    @transaction.atomic
    def form_valid(self, form):
        for module in self.modules:
            ModuleRelease.objects.update_or_create(
                cohort=self.cohort,
                module=module,
                defaults={"opens_on": form.cleaned_data[f"module_{module.pk}"]},
            )
        messages.success(self.request, _("Release dates saved."))
        return redirect(self.cohort.get_absolute_url())
