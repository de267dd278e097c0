"""The project page, its printable copy, starting and editing it, the aim, comments."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from .. import forms, permissions, services
from ..models import (
    PDSACycle,
)
from ..queries import project_comments, project_page_html
from .base import ManageMixin, ProjectMixin, ServiceFormMixin, StartFirstMixin, WriteMixin

# --- project ---------------------------------------------------------------------------------


class ProjectView(ProjectMixin, TemplateView):
    template_name = "improvement/project.html"
    require_project = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.project:
            context.update(
                body_html=project_page_html(
                    self.project,
                    page="project",
                    insider=self.insider,
                    can_write=context["can_write"],
                    can_manage=context["can_manage"],
                ),
                comments=project_comments(self.project),
                comment_form=forms.CommentForm(),
            )
        return context


class PrintView(StartFirstMixin, ProjectMixin, TemplateView):
    template_name = "improvement/print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every group's chart, drawn compactly: paper has no tooltips, the tables hold the values.
        context["body_html"] = project_page_html(self.project, page="print", insider=self.insider)
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
