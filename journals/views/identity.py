"""The identity tools: the wheel and the iceberg."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site.service_forms import add_service_errors
from cohorts.mixins import PrivatePageMixin

from .. import services
from ..forms import (
    IcebergForm,
    WheelForm,
)
from ..models import IdentityTool


class IdentityToolView(PrivatePageMixin, TemplateView):
    template_name = "journals/identity_tool.html"
    form_class = WheelForm
    tool_kind = IdentityTool.ToolKind.WHEEL

    def get_tool(self):
        return (
            IdentityTool.objects.visible_to(self.request.user)
            .filter(author=self.request.user, kind=self.tool_kind)
            .first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(tool_kind=self.tool_kind, tool_label=self.tool_kind.label)
        return context

    def get(self, request, *args, **kwargs):
        tool = self.get_tool()
        initial = {}
        if tool is not None:
            initial = {**tool.data, "visibility": tool.visibility, "team": tool.team_id}
        form = self.form_class(user=request.user, initial=initial)
        return self.render_to_response(self.get_context_data(form=form, tool=tool))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.identity_tool_save(
                    author=request.user,
                    kind=self.tool_kind,
                    data=form.answers(),
                    visibility=form.cleaned_data["visibility"],
                    team=form.cleaned_data["team"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved. Only the people you chose can read it."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class WheelView(IdentityToolView):
    form_class = WheelForm
    tool_kind = IdentityTool.ToolKind.WHEEL


class IcebergView(IdentityToolView):
    form_class = IcebergForm
    tool_kind = IdentityTool.ToolKind.ICEBERG
