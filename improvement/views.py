"""Improvement workspace views: small class-based views over `visible_to` querysets.

Reading: team members, the cohort's facilitators and site admins (the last two with
small-cell suppression). Writing: team members (others get 404). Managing the project
(start, edit, progress score): team leads (members get 403). Comments: members and the
cohort's facilitators.
"""

from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from cohort_site import service_forms, tabular
from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.linked import linked_to
from cohort_site.unchanged import UNCHANGED
from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin

from . import forms, imports, permissions, services
from .charts import build_measure_charts, fmt
from .control_display import build_control_charts, rules_text
from .groups import accepted_names
from .models import (
    GROUP_LABELS,
    RET_STEPS,
    ChangeIdea,
    Comment,
    DataProfileEntry,
    Driver,
    ImportJob,
    Measure,
    Observation,
    PDSACycle,
)
from .queries import (
    current_project,
    cycle_label,
    observation_rows,
    profile_rows,
    project_context,
)


class ProjectMixin(TeamMixin):
    """Resolves the team's project for its cohort's school year (404 when there is none)."""

    require_project = True

    @cached_property
    def current(self):
        return current_project(self.team, self.request.user)

    @cached_property
    def project(self):
        if self.current is None and self.require_project:
            raise Http404
        return self.current

    @cached_property
    def insider(self) -> bool:
        return permissions.sees_small_cells(self.request.user, self.team)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            project=self.current,
            can_write=permissions.can_write(user, self.team),
            can_manage=permissions.can_manage(user, self.team),
            can_comment=permissions.can_comment(user, self.team),
            insider=self.insider,
        )
        return context

    def project_url(self):
        return self.project.get_absolute_url()


class WriteMixin(TeamMemberRequiredMixin, ProjectMixin):
    pass


class StartFirstMixin:
    """Before the project is started, a page explains how to start it instead of a 404."""

    def get(self, request, *args, **kwargs):
        if self.current is None:
            context = ProjectMixin.get_context_data(self)
            return render(request, "improvement/not_started.html", context)
        return super().get(request, *args, **kwargs)


class ManageMixin(WriteMixin):
    """Leads only (leads are members, so this narrows WriteMixin's rule)."""

    def is_allowed(self) -> bool:
        return permissions.can_manage(self.request.user, self.team)

    def refuse(self):
        # Members who may write but not manage are told so; anyone else learns nothing.
        if permissions.can_write(self.request.user, self.team):
            raise PermissionDenied
        raise Http404


class ServiceFormMixin(service_forms.ServiceFormMixin):
    """The project's forms: one template, and back to the project after saving."""

    template_name = "improvement/form.html"
    heading = ""

    def get_success_url(self):
        return self.project_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}


# --- project ---------------------------------------------------------------------------------


class ProjectView(ProjectMixin, TemplateView):
    template_name = "improvement/project.html"
    require_project = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.project:
            context.update(project_context(self.project, insider=self.insider))
            context["comment_form"] = forms.CommentForm()
        return context


class PrintView(StartFirstMixin, ProjectMixin, TemplateView):
    template_name = "improvement/print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(project_context(self.project, insider=self.insider, all_groups=True))
        return context


class ProjectStartView(ServiceFormMixin, ManageMixin, FormView):
    form_class = forms.ProjectForm
    require_project = False

    @property
    def heading(self):
        return _("Start the improvement project")

    success_message = ""

    def get(self, request, *args, **kwargs):
        if self.project is not None:
            return redirect(self.project_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.project is not None:
            return redirect(self.project_url())
        return super().post(request, *args, **kwargs)

    def save(self, form):
        self.success_message = _("Project started.")
        project = services.project_create(
            team=self.team, user=self.request.user, **form.cleaned_data
        )
        return project.get_absolute_url()


class ProjectEditView(ServiceFormMixin, ManageMixin, FormView):
    form_class = forms.ProjectForm

    @property
    def heading(self):
        return _("Problem of practice and focal groups")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.project}

    def save(self, form):
        self.success_message = _("Project saved.")
        services.project_update(project=self.project, user=self.request.user, **form.cleaned_data)


class ProgressView(ServiceFormMixin, ManageMixin, FormView):
    form_class = forms.ProgressForm

    @property
    def heading(self):
        return _("Progress score")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.project}

    def save(self, form):
        self.success_message = _("Progress score saved.")
        services.project_update(project=self.project, user=self.request.user, **form.cleaned_data)


class AimView(ServiceFormMixin, WriteMixin, FormView):
    form_class = forms.AimForm

    @property
    def heading(self):
        return _("Aim")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "project": self.project,
            "instance": getattr(self.project, "aim", None),
        }

    def save(self, form):
        self.success_message = _("Aim saved.")
        services.aim_save(project=self.project, user=self.request.user, **form.cleaned_data)


# --- drivers and change ideas ------------------------------------------------------------------


class DriversView(StartFirstMixin, WriteMixin, TemplateView):
    template_name = "improvement/drivers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(project_context(self.project, insider=True))
        context.setdefault("driver_form", forms.DriverForm(project=self.project, prefix="driver"))
        context.setdefault("idea_form", forms.ChangeIdeaForm(project=self.project, prefix="idea"))
        return context

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind")
        form_class = forms.DriverForm if kind == "driver" else forms.ChangeIdeaForm
        form = form_class(request.POST, project=self.project, prefix=kind)
        if form.is_valid():
            try:
                if kind == "driver":
                    services.driver_add(
                        project=self.project, user=request.user, **form.cleaned_data
                    )
                else:
                    services.change_idea_add(
                        project=self.project, user=request.user, **form.cleaned_data
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("improvement:drivers", slug=self.team.slug)
        key = "driver_form" if kind == "driver" else "idea_form"
        return self.render_to_response(self.get_context_data(**{key: form}))


class DiagramItemMixin(WriteMixin):
    """One driver (kind "driver") or change idea (kind "idea") of the team's project."""

    MODELS = {"driver": Driver, "idea": ChangeIdea}

    @cached_property
    def item(self):
        model = self.MODELS.get(self.kwargs["kind"])
        if model is None:
            raise Http404
        return get_object_or_404(
            model.objects.visible_to(self.request.user).filter(project=self.project),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("kind", self.kwargs["kind"])
        return super().get_context_data(item=self.item, **kwargs)

    def drivers_url(self):
        return reverse("improvement:drivers", kwargs={"slug": self.team.slug})


class DiagramItemEditView(DiagramItemMixin, FormView):
    template_name = "improvement/diagram_item_edit.html"

    def get_form_class(self):
        return forms.DriverEditForm if self.kwargs["kind"] == "driver" else forms.ChangeIdeaForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.kwargs["kind"] == "idea":
            kwargs["project"] = self.project
        return kwargs

    def get_initial(self):
        initial = {"text": self.item.text}
        if self.kwargs["kind"] == "idea":
            initial["drivers"] = list(self.item.drivers.all())
        return initial

    def form_valid(self, form):
        try:
            if self.kwargs["kind"] == "driver":
                services.driver_update(
                    driver=self.item, user=self.request.user, **form.cleaned_data
                )
            else:
                services.change_idea_update(
                    idea=self.item, user=self.request.user, **form.cleaned_data
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(self.drivers_url())


class DiagramItemMoveView(DiagramItemMixin, View):
    def post(self, request, *args, **kwargs):
        services.diagram_item_move(
            item=self.item, user=request.user, up=request.POST.get("direction") == "up"
        )
        return redirect(self.drivers_url())


class DiagramItemDeleteView(DiagramItemMixin, TemplateView):
    """GET shows what links to the item first; POST removes it."""

    template_name = "improvement/diagram_item_delete.html"

    def get_context_data(self, **kwargs):
        linked = linked_to(self.item)
        return super().get_context_data(
            linked=[item for item in linked if not item.blocks],
            blocked_by=[item for item in linked if item.blocks],
            serving_ideas=self.item.change_ideas.all() if self.kwargs["kind"] == "driver" else [],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            services.diagram_item_delete(item=self.item, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Removed."))
        return redirect(self.drivers_url())


# --- measures ------------------------------------------------------------------------------------


class MeasureMixin(ProjectMixin):
    @cached_property
    def measure(self):
        return get_object_or_404(
            Measure.objects.visible_to(self.request.user).filter(project=self.project),
            pk=self.kwargs["pk"],
        )

    def get_success_url(self):
        return self.measure.get_absolute_url()


class MeasureAddView(ServiceFormMixin, WriteMixin, FormView):
    form_class = forms.MeasureForm

    @property
    def heading(self):
        return _("Add a measure")

    def save(self, form):
        self.success_message = _("Measure added.")
        measure = services.measure_save(
            project=self.project, user=self.request.user, **form.cleaned_data
        )
        return measure.get_absolute_url()


class MeasureEditView(ServiceFormMixin, WriteMixin, MeasureMixin, FormView):
    form_class = forms.MeasureForm

    @property
    def heading(self):
        return _("Edit measure")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.measure}

    def save(self, form):
        self.success_message = _("Measure saved.")
        services.measure_save(
            project=self.project, user=self.request.user, measure=self.measure, **form.cleaned_data
        )


class MeasureView(MeasureMixin, TemplateView):
    template_name = "improvement/measure.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measure = self.measure
        aim = getattr(self.project, "aim", None)
        focal = aim.for_whom if aim else None
        cycles = PDSACycle.objects.filter(project=self.project, measures=measure)
        markers = [(c.marker_date, cycle_label(c)) for c in cycles if c.marker_date]
        observations = list(Observation.objects.filter(measure=measure).order_by("date", "group"))
        context.update(
            measure=measure,
            charts=build_measure_charts(
                measure, observations, insider=self.insider, focal=focal, markers=markers
            ),
            control_charts=(
                build_control_charts(measure, observations, insider=self.insider)
                if measure.shows_control_charts
                else []
            ),
            control_rules=rules_text(),
            observation_form=kwargs.get("observation_form") or forms.ObservationForm(),
            baseline_form=forms.BaselineForm(instance=measure),
        )
        return context


class ObservationAddView(IdempotentCreateMixin, WriteMixin, MeasureView):
    """Adds a point; a refused one shows the measure page again with the form's errors."""

    http_method_names = ["post", "options"]  # as before: GET answers 405

    def post(self, request, *args, **kwargs):
        form = forms.ObservationForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["day"] = data.pop("date")
            try:
                services.observation_add(measure=self.measure, user=request.user, **data)
            except ValidationError as error:
                service_forms.add_service_errors(form, error)
            else:
                messages.success(request, _("Point added."))
                return redirect(self.measure.get_absolute_url())
        return self.render_to_response(self.get_context_data(observation_form=form), status=400)


class BaselineView(WriteMixin, MeasureMixin, View):
    def post(self, request, *args, **kwargs):
        form = forms.BaselineForm(request.POST, instance=Measure.objects.get(pk=self.measure.pk))
        if not form.is_valid():
            messages.error(request, _("Enter a whole number of points (1 or more)."))
        else:
            services.measure_set_baseline(
                measure=self.measure,
                user=request.user,
                points=form.cleaned_data["baseline_points"],
                restart_on=form.cleaned_data["baseline_restart_on"],
                charts=form.cleaned_data["charts"] or UNCHANGED,
            )
            messages.success(request, _("Charts and baseline saved."))
        return redirect(self.measure.get_absolute_url())


class PreviewImportMixin(WriteMixin):
    """Upload, see every row's problem or a preview, then confirm; see improvement/imports.py."""

    form_class = forms.ImportForm
    template_name = "improvement/import.html"
    success_message = ""

    def owner(self) -> str:
        return f"{self.request.user.pk}:{self.request.path}"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "columns": self.columns,
            "groups": accepted_names(),
            "template_urls": {fmt: self.template_url(fmt) for fmt in ("csv", "xlsx")},
        }

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.commit(request.POST["token"], request.POST.get("encoding", ""))
        return super().post(request, *args, **kwargs)

    def show(self, form, report, status=400, **extra):
        response = self.render_to_response(self.get_context_data(form=form, report=report, **extra))
        response.status_code = status
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def form_valid(self, form):
        encoding = form.cleaned_data["encoding"]
        try:
            data = tabular.read_upload(form.cleaned_data["file"])
        except tabular.TabularError as error:
            return self.show(form, imports.ImportReport(refused=str(error)))
        report = self.check(data=data, encoding=encoding)
        if not report.ok:
            return self.show(form, report)
        token = tabular.stage(data, owner=self.owner(), rows=len(report.rows))
        preview = [
            (row.number, [row.cleaned.get(c.name) for c in self.columns]) for row in report.preview
        ]
        return self.show(form, report, status=200, token=token, encoding=encoding, preview=preview)

    def commit(self, token, encoding):
        form = self.get_form_class()()
        try:
            name, rows = tabular.staged_name_and_rows(token, owner=self.owner())
            if rows >= settings.IMPORT_QUEUE_ROWS:
                return self.enqueue(name, rows, encoding)
            data = tabular.staged(token, owner=self.owner())
        except tabular.AlreadyImported as done:
            messages.info(self.request, str(done))
            return redirect(self.get_success_url())
        except tabular.TabularError as error:
            return self.show(form, imports.ImportReport(refused=str(error)))
        report = self.save(data=data, encoding=encoding or None)
        if not report.ok:
            return self.show(form, report)
        tabular.unstage(token, owner=self.owner())
        messages.success(self.request, self.success_message % {"n": report.created})
        return redirect(self.get_success_url())

    def enqueue(self, staged_file, rows, encoding):
        """A large file: the task queue imports it and the person follows its progress."""
        job = imports.job_enqueue(
            kind=self.job_kind,
            project=self.project,
            measure=getattr(self, "measure", None),
            user=self.request.user,
            staged_file=staged_file,
            rows=rows,
            encoding=encoding,
        )
        return redirect(job.get_absolute_url())


class ImportView(PreviewImportMixin, MeasureMixin, FormView):
    columns = imports.OBSERVATION_COLUMNS
    job_kind = ImportJob.Kind.OBSERVATIONS
    success_message = gettext_lazy("Imported %(n)s points.")

    def template_url(self, fmt):
        return reverse("improvement:import_template", args=[self.team.slug, self.measure.pk, fmt])

    def check(self, **kwargs):
        return imports.observations_check(measure=self.measure, user=self.request.user, **kwargs)

    def save(self, **kwargs):
        return imports.observations_commit(measure=self.measure, user=self.request.user, **kwargs)

    def get_success_url(self):
        return self.measure.get_absolute_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "measure": self.measure}


class ImportJobView(WriteMixin, TemplateView):
    """A queued import's progress: rows checked of all, then the result or every row's problem.

    The page reloads itself while the job runs (a meta refresh inside noscript; htmx polls
    the progress section instead when JavaScript runs). POST starts a failed job again.
    """

    template_name = "improvement/import_job.html"

    @cached_property
    def job(self):
        return get_object_or_404(
            ImportJob.objects.visible_to(self.request.user)
            .filter(project__team=self.team)
            .select_related("project__team", "measure"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        job = self.job
        back = job.measure.get_absolute_url() if job.measure else reverse(
            "improvement:understand", args=[self.team.slug]
        )  # fmt: skip
        return {**super().get_context_data(**kwargs), "job": job, "back_url": back}

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["improvement/_import_job_progress.html"]
        return [self.template_name]

    def post(self, request, *args, **kwargs):
        if imports.job_retry(job=self.job, user=request.user):
            messages.info(request, _("The import starts again."))
        return redirect(self.job.get_absolute_url())


class ImportTemplateView(TeamMemberRequiredMixin, TeamMixin, View):
    """An empty file with the import's columns and one example row, as CSV or XLSX."""

    columns = imports.OBSERVATION_COLUMNS
    name = "points"

    def get(self, request, *args, **kwargs):
        return tabular.template_response(self.columns, name=self.name, fmt=kwargs["fmt"])


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


class CommentView(ProjectMixin, View):
    def post(self, request, *args, **kwargs):
        if not permissions.can_comment(request.user, self.team):
            raise Http404
        cycle = None
        if request.POST.get("cycle"):
            cycle = get_object_or_404(
                PDSACycle.objects.filter(project=self.project), pk=request.POST["cycle"]
            )
        form = forms.CommentForm(request.POST)
        if form.is_valid():
            services.comment_add(
                project=self.project, user=request.user, body=form.cleaned_data["body"], cycle=cycle
            )
            messages.success(request, _("Comment added."))
        else:
            messages.error(request, _("Write a comment first."))
        return redirect(cycle.get_absolute_url() if cycle else self.project_url())

    def get(self, request, *args, **kwargs):
        if not permissions.can_comment(request.user, self.team):
            raise Http404
        return redirect(self.project_url())


# --- understanding the system ------------------------------------------------------------------


def profile_table(entries, *, insider: bool) -> list[dict]:
    """Indicator x group with n, value and gap to ALL; suppressed outside the owning team."""
    labels = dict(DataProfileEntry._meta.get_field("indicator").choices)
    by_indicator: dict[str, list[dict]] = {}
    for row in profile_rows(entries, insider=insider):
        by_indicator.setdefault(row["indicator"], []).append(row)
    table = []
    for indicator, group_rows in by_indicator.items():
        total = next((r for r in group_rows if r["group"] == "ALL" and not r["hidden"]), None)
        rows = []
        for row in group_rows:
            gap = ""
            if not row["hidden"] and total and row["group"] != "ALL":
                gap = fmt(row["value"] - total["value"])
            rows.append(
                {
                    "group": GROUP_LABELS.get(row["group"], row["group"]),
                    "n": row["hidden"] or str(row["n"]),
                    "value": row["hidden"] or fmt(row["value"]),
                    "gap": gap,
                }
            )
        table.append({"indicator": labels.get(indicator, indicator), "rows": rows})
    return table


class UnderstandView(StartFirstMixin, ProjectMixin, TemplateView):
    template_name = "improvement/understand.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.project
        context.update(
            root_causes=project.root_causes.all(),
            interviews=project.interviews.all() if self.insider else [],
            equity_steps=project.equity_steps.all(),
            ret_steps=RET_STEPS.items(),
            profile=profile_table(project.profile_entries.all(), insider=self.insider),
            item_forms={
                kind: kwargs.get(f"form_{kind}") or form_class(prefix=kind)
                for kind, form_class in forms.ITEM_FORMS.items()
            },
        )
        return context


class ProfileImportView(PreviewImportMixin, FormView):
    columns = imports.PROFILE_COLUMNS
    job_kind = ImportJob.Kind.PROFILE
    success_message = gettext_lazy("Imported %(n)s figures.")

    def template_url(self, fmt):
        return reverse("improvement:profile_template", args=[self.team.slug, fmt])

    def check(self, **kwargs):
        return imports.profile_check(project=self.project, user=self.request.user, **kwargs)

    def save(self, **kwargs):
        return imports.profile_commit(project=self.project, user=self.request.user, **kwargs)

    def get_success_url(self):
        return reverse("improvement:understand", args=[self.team.slug])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "profile": True}


class ItemAddView(WriteMixin, UnderstandView):
    """Adds a root cause, interview, ...; a refused one shows the page again with its errors."""

    http_method_names = ["post", "options"]  # as before: GET answers 405

    def post(self, request, *args, **kwargs):
        kind = kwargs["kind"]
        form_class = forms.ITEM_FORMS.get(kind)
        if form_class is None:
            raise Http404
        model = form_class._meta.model
        form = form_class(request.POST, prefix=kind, instance=model(project=self.project))
        if form.is_valid():
            try:
                services.item_add(project=self.project, user=request.user, instance=form.instance)
            except ValidationError as error:
                service_forms.add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("improvement:understand", slug=self.team.slug)
        return self.render_to_response(self.get_context_data(**{f"form_{kind}": form}), status=400)


# --- exports -----------------------------------------------------------------------------------


class CsvExportView(ProjectMixin, View):
    """The project's cycles, measures or observations as CSV or XLSX (cohort_site.tabular)."""

    kind = ""
    fmt = "csv"

    def get(self, request, *args, **kwargs):
        sheet = tabular.Sheet()
        getattr(self, f"write_{self.kind}")(sheet)
        return tabular.spreadsheet_response(
            sheet.rows, filename=f"{self.team.slug}-{self.kind}", fmt=self.fmt
        )

    def write_cycles(self, writer):
        writer.writerow(
            [_("Ramp"), _("Number"), _("Title"), _("Change idea"), _("Purpose"), _("Phase"),
             _("Planned start"), _("Done on"), _("Decided on"), _("Decision"), _("Objective"),
             _("What we learned")]
        )  # fmt: skip
        for c in PDSACycle.objects.filter(project=self.project).select_related("change_idea"):
            writer.writerow(
                [c.ramp, c.number, c.title, c.change_idea.text, c.purpose, c.phase,
                 c.planned_start or "", c.done_on or "", c.decided_on or "", c.decision,
                 c.objective, c.learned]
            )  # fmt: skip

    def write_measures(self, writer):
        writer.writerow(
            [_("Name"), _("Type"), _("Unit"), _("Direction"), _("Numerator"), _("Denominator"),
             _("Inclusions and exclusions"), _("Data source"), _("Frequency"), _("Owner"),
             _("Student groups"), _("Run-chart rules"), _("Baseline points")]
        )  # fmt: skip
        for m in self.project.measures.all():
            writer.writerow(
                [m.name, m.kind, m.unit, m.direction, m.numerator, m.denominator, m.inclusions,
                 m.data_source, m.frequency, m.owner, " ".join(m.groups), m.rules,
                 m.baseline_points or ""]
            )  # fmt: skip

    def write_observations(self, writer):
        writer.writerow(
            [_("Measure"), _("Date"), _("Student group"), _("n (students)"), _("Value"),
             _("Numerator"), _("Denominator")]
        )  # fmt: skip
        measures = self.project.measures.prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("date", "group"))
        )
        observations = [obs for measure in measures for obs in measure.observations.all()]
        for row in observation_rows(observations, insider=self.insider):
            figures = ("n", "value", "numerator", "denominator")
            n, value, numerator, denominator = (
                "" if row[key] is None else row[key] for key in figures
            )
            if row["hidden"]:
                n = value = row["hidden"]
            writer.writerow(
                [row["measure"], row["date"], row["group"], n, value, numerator, denominator]
            )
