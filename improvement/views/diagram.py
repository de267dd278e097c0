"""The driver diagram: drivers and change ideas, edited, moved and removed."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from cohort_site.linked import linked_to

from .. import forms, services
from ..models import (
    ChangeIdea,
    Driver,
)
from ..queries import (
    diagram_context,
)
from .base import StartFirstMixin, WriteMixin

# --- drivers and change ideas ------------------------------------------------------------------


class DriversView(StartFirstMixin, WriteMixin, TemplateView):
    template_name = "improvement/drivers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(diagram_context(self.project))
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
