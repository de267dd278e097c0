"""Student groups, equity areas and the project (one per team and school year)."""

import datetime
import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohorts.models import Team, TeamOwnedQuerySet


class StudentGroup(models.TextChoices):
    """California School Dashboard student groups (domain.md 5.1)."""

    ALL = "ALL", _("All students")
    AA = "AA", _("African American")
    AI = "AI", _("American Indian or Alaska Native")
    AS = "AS", _("Asian")
    FI = "FI", _("Filipino")
    HI = "HI", _("Hispanic")
    PI = "PI", _("Pacific Islander")
    WH = "WH", _("White")
    MR = "MR", _("Two or more races")
    EL = "EL", _("English learners")
    LTEL = "LTEL", _("Long-term English learners")
    SED = "SED", _("Socioeconomically disadvantaged")
    SWD = "SWD", _("Students with disabilities")
    FOS = "FOS", _("Foster youth")
    HOM = "HOM", _("Homeless youth")


GROUP_LABELS = dict(StudentGroup.choices)


class EquityArea(models.TextChoices):
    RESOURCES = "resources", _("Resources")
    PROGRAMS = "programs", _("Programs")
    CLIMATE = "climate", _("School climate")
    ACHIEVEMENT = "achievement", _("Achievement")


PROGRESS_SCORES = [
    (0.5, _("0.5 Intent to participate")),
    (1.0, _("1.0 Forming team")),
    (1.5, _("1.5 Planning for the project has begun")),
    (2.0, _("2.0 Activity, but no changes")),
    (2.5, _("2.5 Changes tested, but no improvement")),
    (3.0, _("3.0 Modest improvement")),
    (3.5, _("3.5 Improvement")),
    (4.0, _("4.0 Significant improvement")),
    (4.5, _("4.5 Sustainable improvement")),
    (5.0, _("5.0 Outstanding sustainable results")),
]


def school_year_bounds(school_year: str) -> tuple[datetime.date, datetime.date]:
    """'2026-27' -> (2026-07-01, 2027-06-30)."""
    start = int(school_year[:4])
    return datetime.date(start, 7, 1), datetime.date(start + 1, 6, 30)


class ProjectQuerySet(TeamOwnedQuerySet):
    pass


class ImprovementProject(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="improvement_projects", verbose_name=_("team")
    )
    school_year = models.CharField(_("school year"), max_length=9)
    problem_of_practice = models.TextField(
        _("problem of practice"),
        blank=True,
        help_text=_("The inequitable outcome your team wants to change, in your own words."),
    )
    focal_groups = models.JSONField(_("focal student groups"), default=list, blank=True)
    equity_area = models.CharField(
        _("equity area"), max_length=20, choices=EquityArea.choices, blank=True
    )
    data_from = models.DateField(
        _("data from"),
        null=True,
        blank=True,
        help_text=_(
            "Earliest date for measure data. Historical points from before the school year "
            "give the run charts a baseline; leave empty for two years before the school year."
        ),
    )
    progress_score = models.DecimalField(
        _("progress score"),
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        choices=[(str(v), label) for v, label in PROGRESS_SCORES],
        help_text=_("The team's own IHI-style rating, 0.5 to 5."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A new value whenever something the project, printable and measure pages show changes:
    # the project, its aim, drivers, change ideas, PDSA cycles (and the measures they mark),
    # measures and their points (`services.project_content_changed`, in the writer's
    # transaction). Those pages' kept markup is keyed on it (`improvement.chart_cache`), and it
    # lives on the row, so a write made while the cache was down still retires the old copies.
    content_version = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("improvement project")
        constraints = [
            models.UniqueConstraint(fields=["team", "school_year"], name="one_project_per_year")
        ]

    def __str__(self):
        return f"{self.team} · {self.school_year}"

    def get_absolute_url(self):
        return reverse("improvement:project", kwargs={"slug": self.team.slug})

    @property
    def year_bounds(self) -> tuple[datetime.date, datetime.date]:
        return school_year_bounds(self.school_year)

    @property
    def data_window(self) -> tuple[datetime.date, datetime.date]:
        start, end = self.year_bounds
        return self.data_from or start.replace(year=start.year - 2), end

    def focal_group_labels(self) -> list[str]:
        return [str(GROUP_LABELS.get(code, code)) for code in self.focal_groups]


class ProjectOwnedQuerySet(TeamOwnedQuerySet):
    team_field = "project__team"
