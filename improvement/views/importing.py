"""Spreadsheet imports: preview then commit, queued jobs, templates."""

from functools import cached_property

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from cohort_site import tabular
from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin

from .. import forms, imports
from ..groups import accepted_names
from ..models import (
    ImportJob,
)
from .base import WriteMixin
from .measures import MeasureMixin


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
