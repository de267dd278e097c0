"""What the project's views share: the project, who may write or manage, the form template."""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from cohort_site import service_forms
from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin

from .. import permissions
from ..queries import team_project


class ProjectMixin(TeamMixin):
    """Resolves the team's project for its cohort's school year (404 when there is none)."""

    require_project = True

    @cached_property
    def current(self):
        return team_project(self.team)  # the team's visibility was checked (TeamMixin.team)

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
