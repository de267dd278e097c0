"""PDSA cycles: start, read, move through the phases, adapt into the next."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from cohort_site import service_forms
from cohort_site.idempotency import IdempotentCreateMixin

from .. import forms, services
from ..models import (
    Comment,
    PDSACycle,
)
from .base import ProjectMixin, ServiceFormMixin, WriteMixin

# --- PDSA cycles --------------------------------------------------------------------------------


class CycleMixin(ProjectMixin):
    @cached_property
    def cycle(self):
        return get_object_or_404(
            PDSACycle.objects.visible_to(self.request.user)
            .filter(project=self.project)
            .select_related("change_idea", "previous")
            .prefetch_related("measures"),
            pk=self.kwargs["pk"],
        )

    def get_success_url(self):
        return self.cycle.get_absolute_url()


class CycleAddView(IdempotentCreateMixin, ServiceFormMixin, WriteMixin, FormView):
    form_class = forms.CycleCreateForm

    @property
    def heading(self):
        return _("Start a PDSA cycle")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "project": self.project}

    def get_initial(self):
        return {"change_idea": self.request.GET.get("idea")}

    def save(self, form):
        self.success_message = _("Cycle started: write the plan.")
        cycle = services.cycle_create(
            project=self.project, user=self.request.user, **form.cleaned_data
        )
        return cycle.get_absolute_url()


class CycleView(CycleMixin, TemplateView):
    template_name = "improvement/cycle.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cycle=self.cycle,
            comments=Comment.objects.filter(cycle=self.cycle).select_related("author"),
            comment_form=forms.CommentForm(),
            ramp=PDSACycle.objects.filter(project=self.project, ramp=self.cycle.ramp),
            earlier_phases=[PDSACycle.Phase(p) for p in self.cycle.phases_so_far()[:-1]],
        )
        return context


class CyclePhaseView(WriteMixin, CycleMixin, FormView):
    """Edit the cycle's current phase; "save and continue" moves it to the next phase."""

    template_name = "improvement/cycle_phase.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.cycle.phase == "done":
            return redirect(self.cycle.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def phase(self) -> str:
        """The phase being edited: the current one, or any earlier one (?phase=plan)."""
        asked = self.request.POST.get("phase") or self.request.GET.get("phase")
        return asked if asked in self.cycle.phases_so_far() else self.cycle.phase

    def get_form_class(self):
        return forms.PHASE_FORMS[self.phase]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.cycle}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cycle": self.cycle,
            "phase": self.phase,
            "phase_label": PDSACycle.Phase(self.phase).label,
            "is_current": self.phase == self.cycle.phase,
        }

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("result_")}
        if "questions_text" in data:
            data["questions"] = data.pop("questions_text")
        if isinstance(form, forms.StudyForm):
            data["questions"] = form.questions()
        advance = "advance" in self.request.POST and self.phase == self.cycle.phase
        try:
            cycle = services.cycle_update(
                cycle=self.cycle, user=self.request.user, advance=advance, **data
            )
        except ValidationError as error:
            service_forms.add_service_errors(form, error, rename={"questions": "questions_text"})
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Moved to %(phase)s.") % {"phase": cycle.get_phase_display()}
            if advance
            else _("Saved."),
        )
        return redirect(cycle.get_absolute_url())


class CycleAdaptView(WriteMixin, CycleMixin, View):
    def post(self, request, *args, **kwargs):
        if self.cycle.decision != PDSACycle.Decision.ADAPT:
            raise PermissionDenied
        fresh = services.cycle_adapt(cycle=self.cycle, user=request.user)
        messages.success(request, _("Next cycle started from this one: review its plan."))
        return redirect(fresh.get_absolute_url())
