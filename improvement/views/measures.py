"""Measures: the page with its charts, adding points, the baseline."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from cohort_site import service_forms
from cohort_site.fragments import cached_html_many
from cohort_site.idempotency import IdempotentCreateMixin
from cohort_site.unchanged import UNCHANGED

from .. import forms, services
from ..chart_cache import chart_key, form_key, measure_page_key
from ..charts import build_measure_charts, group_cells
from ..control_display import build_control_charts, rules_text
from ..dialogue_forms import DialogueStartForm
from ..models import (
    Measure,
    Observation,
    PDSACycle,
)
from ..queries import cycle_label, measure_dialogues
from .base import ProjectMixin, ServiceFormMixin, WriteMixin

# --- measures ------------------------------------------------------------------------------------


def measure_markers(project, measure) -> list:
    """The PDSA cycles that test the measure, as (date, label) markers on its charts."""
    cycles = PDSACycle.objects.filter(project=project, measures=measure)
    return [(c.marker_date, cycle_label(c)) for c in cycles if c.marker_date]


def run_charts(
    project, measure, observations=None, *, insider: bool, cells=None, markers=None
) -> list:
    """The measure's run charts by group, with the aim's focal group and the PDSA markers
    (suppressed for anyone outside the team); the measure page and data dialogues show them.
    `cells`: the observations already grouped and suppressed for this reader, if at hand."""
    if observations is None:
        observations = list(Observation.objects.filter(measure=measure).order_by("date", "group"))
    aim = getattr(project, "aim", None)
    return build_measure_charts(
        measure,
        observations,
        insider=insider,
        focal=aim.for_whom if aim else None,
        markers=measure_markers(project, measure) if markers is None else markers,
        cells=cells,
    )


class MeasureMixin(ProjectMixin):
    @cached_property
    def measure(self):
        """The measure of the team's current project, read with that project (and its aim) in
        one query; the page already let the reader see the team (TeamMixin.team)."""
        team = self.team
        measure = get_object_or_404(
            Measure.objects.select_related("project__aim__outcome_measure"),
            project__team=team,
            project__school_year=team.cohort.school_year,
            pk=self.kwargs["pk"],
        )
        measure.project.team = team
        return measure

    @cached_property
    def current(self):
        return self.measure.project  # no measure of the current project: 404

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
        writer_forms = None
        if context["can_write"]:
            writer_forms = (
                kwargs.get("observation_form") or forms.ObservationForm(),
                forms.BaselineForm(instance=measure),
            )
        kept = self.kept_html(writer_forms)
        context.update(
            measure=measure,
            head_html=kept["page"][0],
            charts_html=kept["page"][1],
            dialogues=measure_dialogues(measure),
        )
        if writer_forms:
            context.update(
                dialogue_form=DialogueStartForm(project=self.project),
                observation_form=writer_forms[0],
                baseline_form=writer_forms[1],
                observation_fields=kept["forms"][0],
                baseline_fields=kept["forms"][1],
            )
        return context

    def kept_html(self, writer_forms) -> dict:
        """In one cache read: "page", what the measure is and its run and control charts, kept
        while nothing they show changed (`chart_cache.measure_page_key`: the cycles, for the
        markers, and the observations are read only to render them again); for a writer,
        "forms", the visible fields of the add-a-point and baseline forms (`writer_forms`),
        kept per measure version and language while unbound (the same for every writer: hidden
        fields and CSRF tokens are rendered live) and rendered each time with a refused point's
        errors."""
        measure = self.measure
        keys = {
            "page": measure_page_key(
                measure, project=self.project, team_slug=self.team.slug, insider=self.insider
            )
        }
        if writer_forms and not writer_forms[0].is_bound:
            keys["forms"] = form_key("measure", version=measure.charts_version)

        def fields(form) -> str:
            return render_to_string("includes/form_visible_fields.html", {"form": form})

        def render(missing) -> dict:
            rendered = {}
            if "page" in missing:
                runs, controls = self.charts_html()
                context = {
                    "measure": measure,
                    "run_charts_html": runs,
                    "control_charts_html": controls,
                    "control_rules": rules_text(),
                }
                rendered["page"] = (
                    render_to_string("improvement/_measure_head.html", context),
                    render_to_string("improvement/_measure_charts.html", context),
                )
            if "forms" in missing:
                rendered["forms"] = tuple(fields(form) for form in writer_forms)
            return rendered

        kept = cached_html_many(keys, render)
        if writer_forms and "forms" not in kept:  # a refused point: its errors, never kept
            kept["forms"] = tuple(fields(form) for form in writer_forms)
        return kept

    def charts_html(self) -> tuple:
        """The run and control charts' markup, from the cache while nothing they show changed
        (`chart_cache.chart_key`); the observations are read only to draw them again."""
        measure, project = self.measure, self.project
        markers = measure_markers(project, measure)
        aim = getattr(project, "aim", None)
        key = chart_key(
            measure,
            page="measure",
            insider=self.insider,
            focal=aim.for_whom if aim else None,
            markers=markers,
            team_slug=self.team.slug,
        )

        def render(_missing) -> dict:
            observations = list(
                Observation.objects.filter(measure=measure).order_by("date", "group")
            )
            # Grouped and suppressed once for this reader: both kinds of chart draw from it.
            cells = group_cells(observations, insider=self.insider)
            charts = control_charts = []
            if measure.shows_run_charts:
                charts = run_charts(
                    project, measure, observations, insider=self.insider, cells=cells,
                    markers=markers,
                )  # fmt: skip
            if measure.shows_control_charts:
                control_charts = build_control_charts(
                    measure, observations, insider=self.insider, cells=cells
                )
            return {
                "page": (
                    render_to_string(
                        "improvement/_chart_list.html", {"charts": charts, "team": self.team}
                    ),
                    render_to_string(
                        "improvement/_control_chart_list.html",
                        {"control_charts": control_charts, "team": self.team},
                    ),
                )
            }

        return cached_html_many({"page": key}, render)["page"]


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
