"""The change package's cohort pages: the package and its export, entries, adding and editing.

Reading: the cohort's team members, its facilitators and site admins (other cohorts: 404).
Adding and editing entries: the cohort's facilitators and site admins. The team-side actions
(marking an idea adopted, taking an entry up) are in `package_team.py`.
"""

from functools import cached_property

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from cohort_site import tabular
from cohorts import access
from cohorts.mixins import AllowedOr404Mixin, CohortTimeZoneMixin, NoStoreMixin
from cohorts.models import Cohort

from .. import package_evidence, package_forms, services
from ..models import ChangePackageEntry
from .base import ServiceFormMixin


class PackageMixin(LoginRequiredMixin, CohortTimeZoneMixin, NoStoreMixin):
    @cached_property
    def cohort(self) -> Cohort:
        visible = Cohort.objects.filter(access.visible_cohort_q(self.request.user))
        return get_object_or_404(visible, slug=self.kwargs["slug"])

    def time_zone_cohort(self) -> Cohort:
        return self.cohort

    @cached_property
    def can_curate(self) -> bool:
        return access.can_manage_cohort(self.request.user, self.cohort)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cohort": self.cohort,
            "can_curate": self.can_curate,
        }


class CuratorMixin(AllowedOr404Mixin, PackageMixin):
    """The cohort's facilitators and site admins write the package (its members get 404)."""

    template_name = "improvement/package/entry_form.html"

    def is_allowed(self) -> bool:
        return self.can_curate


class EntryMixin(PackageMixin):
    @cached_property
    def entry(self) -> ChangePackageEntry:
        return get_object_or_404(package_evidence.entries_for(self.cohort), pk=self.kwargs["pk"])


class FilteredMixin(PackageMixin):
    """The GET filters (driver text, student group, CDE goal) and the entries they leave."""

    @cached_property
    def filters(self) -> package_forms.FilterForm:
        form = package_forms.FilterForm(self.request.GET or None)
        form.is_valid()
        return form

    def evidence(self):
        data = getattr(self.filters, "cleaned_data", {})
        entries = package_evidence.entries_for(
            self.cohort, driver=data.get("driver", "").strip(), goal=data.get("goal")
        )
        return package_evidence.package_evidence(
            entries, user=self.request.user, group=data.get("group", "")
        )


class PackageView(FilteredMixin, TemplateView):
    template_name = "improvement/package/package.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filters=self.filters,
            evidence=self.evidence(),
            query=self.request.GET.urlencode(),
            candidates=(
                list(package_evidence.adoptable_ideas(self.cohort)) if self.can_curate else []
            ),
        )
        return context


class PackageExportView(FilteredMixin, View):
    """The package for the county's annual report (no student figures leave: counts only)."""

    fmt = "csv"

    def get(self, request, *args, **kwargs):
        sheet = tabular.Sheet(
            [_("Change idea"), _("Team that tested it first"), _("Primary driver"),
             _("Secondary driver"), _("Student groups served"), _("CDE goal of equity"),
             _("In the program's package"), _("Write-up"), _("Schools that tested it"),
             _("Schools that adopted it"), _("PDSA cycles"), _("First cycle"), _("Last cycle"),
             _("Added on")]
        )  # fmt: skip
        for ev in self.evidence():
            entry, dates = ev.entry, sorted(d for t in ev.teams for d in t.dates)
            primary = "; ".join(dict.fromkeys(p for p, _s in ev.drivers))
            secondary = "; ".join(s for _p, s in ev.drivers if s)
            sheet.writerow(
                [entry.idea.text, entry.idea.project.team.name, primary, secondary,
                 ", ".join(ev.group_labels), str(entry.cde_goal or ""),
                 _("yes") if entry.in_program else _("no"), entry.write_up, ev.tested_at,
                 ev.adopted_at, ev.cycle_count, dates[0] if dates else "",
                 dates[-1] if dates else "", entry.created_at.date()]
            )  # fmt: skip
        return tabular.spreadsheet_response(
            sheet.rows, filename=f"{self.cohort.slug}-change-package", fmt=self.fmt
        )


class EntryView(EntryMixin, TemplateView):
    template_name = "improvement/package/entry.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        (evidence,) = package_evidence.package_evidence([self.entry], user=user)
        holding = {t.team.pk for t in evidence.teams}
        context.update(
            entry=self.entry,
            ev=evidence,
            measure_blocks=package_evidence.entry_charts(self.entry, user=user, evidence=evidence),
            my_teams=[
                t
                for t in access.member_teams(user).filter(cohort=self.cohort).order_by("name")
                if t.pk not in holding
            ],
        )
        return context


class EntryAddView(ServiceFormMixin, CuratorMixin, FormView):
    form_class = package_forms.EntryForm
    template_name = "improvement/package/entry_form.html"

    @property
    def heading(self):
        return _("Add to the change package")

    def get_form_kwargs(self):
        ideas = package_evidence.adoptable_ideas(self.cohort)
        return {**super().get_form_kwargs(), "ideas": ideas}

    def get_initial(self):
        return {"idea": self.request.GET.get("idea")}

    def save(self, form):
        self.success_message = _("Added to the change package.")
        entry = services.package_entry_add(
            cohort=self.cohort, user=self.request.user, **form.cleaned_data
        )
        return entry.get_absolute_url()


class EntryEditView(ServiceFormMixin, CuratorMixin, EntryMixin, FormView):
    form_class = package_forms.EntryForm
    template_name = "improvement/package/entry_form.html"

    @property
    def heading(self):
        return _("Edit the write-up")

    def get_initial(self):
        entry = self.entry
        return {
            "write_up": entry.write_up,
            "cde_goal": entry.cde_goal,
            "in_program": entry.in_program,
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "entry": self.entry}

    def save(self, form):
        self.success_message = _("Write-up saved.")
        services.package_entry_update(entry=self.entry, user=self.request.user, **form.cleaned_data)
        return self.entry.get_absolute_url()
