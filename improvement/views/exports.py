"""CSV and XLSX exports of cycles, measures and observations."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.views.generic import View

from cohort_site import tabular
from cohorts.mixins import require_recent_password

from ..models import (
    Observation,
    PDSACycle,
)
from ..queries import (
    observation_rows,
)
from .base import ProjectMixin

# --- exports -----------------------------------------------------------------------------------


class CsvExportView(ProjectMixin, View):
    """The project's cycles, measures or observations as CSV or XLSX (cohort_site.tabular)."""

    kind = ""
    fmt = "csv"

    def get(self, request, *args, **kwargs):
        if self.kind == "observations" and self.insider:
            # The team's own file keeps small cells (fewer than 11 students): like the journal
            # and the team portfolio, it leaves the site only after a fresh password check.
            require_recent_password(request)
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
