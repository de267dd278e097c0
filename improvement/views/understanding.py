"""Understanding the system: the page and its simple forms."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from cohort_site import service_forms

from .. import forms, services
from ..charts import fmt
from ..models import (
    GROUP_LABELS,
    RET_STEPS,
    DataProfileEntry,
)
from ..queries import (
    profile_rows,
)
from .base import ProjectMixin, StartFirstMixin, WriteMixin

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
