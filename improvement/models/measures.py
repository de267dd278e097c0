"""Measures, their observations, and the queued imports that add them."""

import datetime
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import TeamOwnedQuerySet

from .project import (
    ImprovementProject,
    ProjectOwnedQuerySet,
    StudentGroup,
)


class Measure(models.Model):
    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("Outcome")
        PROCESS = "process", _("Process")
        BALANCING = "balancing", _("Balancing")

    class Unit(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENT = "percent", _("Percent")
        RATE = "rate", _("Rate per 100")
        SCORE = "score", _("Score")

    class Direction(models.TextChoices):
        UP = "up", _("Higher is better")
        DOWN = "down", _("Lower is better")

    class Rules(models.TextChoices):
        IHI = "ihi", _("IHI run-chart rules (shift 6, trend 5, runs)")
        ANHOEJ = "anhoej", _("Anhøj rules (longest run, crossings)")

    class Charts(models.TextChoices):
        RUN = "run", _("Run chart")
        CONTROL = "control", _("Control chart")
        BOTH = "both", _("Run chart and control chart")

    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="measures"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.OUTCOME)
    numerator = models.TextField(_("numerator"), blank=True)
    denominator = models.TextField(_("denominator"), blank=True)
    inclusions = models.TextField(_("inclusions and exclusions"), blank=True)
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    frequency = models.CharField(_("frequency"), max_length=100, blank=True)
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(
        _("direction of improvement"), max_length=4, choices=Direction.choices, default="up"
    )
    groups = models.JSONField(_("broken down by student groups"), default=list, blank=True)
    rules = models.CharField(_("rules"), max_length=10, choices=Rules.choices, default=Rules.IHI)
    baseline_points = models.PositiveSmallIntegerField(
        _("frozen baseline (points)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Freeze the median on the first N points; empty: median of every point."),
    )
    baseline_restart_on = models.DateField(
        _("baseline restarted on"),
        null=True,
        blank=True,
        help_text=_("After a lasting shift, start a new median from this date."),
    )
    charts = models.CharField(
        _("charts"),
        max_length=8,
        choices=Charts.choices,
        default=Charts.RUN,
        help_text=_(
            "A control chart adds limits computed from the baseline; the restart date marks a "
            "process change that starts new limits."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0)
    # Stored when the measure or its data changes (services.measure_signals_refresh), so the
    # cohort dashboard reads one flag instead of every observation of the cohort.
    has_current_signal = models.BooleanField(
        _("has a current signal"), default=False, editable=False
    )
    # A new value whenever the measure or its data change (the same
    # services.measure_signals_refresh): the pages' cached charts are keyed on it
    # (improvement.chart_cache), so a write makes them stale even while the cache was down.
    charts_version = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("measure")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "improvement:measure", kwargs={"slug": self.project.team.slug, "pk": self.pk}
        )

    @property
    def shows_run_charts(self) -> bool:
        return self.charts != self.Charts.CONTROL

    @property
    def shows_control_charts(self) -> bool:
        return self.charts != self.Charts.RUN

    def group_codes(self) -> list[str]:
        return self.groups or [StudentGroup.ALL]


class ObservationQuerySet(TeamOwnedQuerySet):
    team_field = "measure__project__team"


class Observation(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="observations")
    date = models.DateField(_("date"))
    group = models.CharField(_("student group"), max_length=4, choices=StudentGroup.choices)
    value = models.FloatField(_("value"))
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    n = models.PositiveIntegerField(
        _("n (students)"), null=True, blank=True, help_text=_("How many students the value covers.")
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["date", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "date", "group"], name="one_observation_per_date_and_group"
            )
        ]

    def __str__(self):
        return f"{self.measure} {self.date} {self.group}"


class ImportJob(models.Model):
    """A confirmed import too large for one request: the task queue runs it, a page follows it.

    The rows are checked again and written in one transaction with the job's change to DONE,
    so the job says DONE exactly when every row is stored. `attempt` names the run allowed to
    write: a retry raises it, so a worker thought dead that wakes up later writes nothing.
    `updated_at` is the heartbeat: a RUNNING job silent for `IMPORT_JOB_STALL_SECONDS` has lost
    its worker (the database rolled its transaction back) and may be retried.
    """

    class Kind(models.TextChoices):
        OBSERVATIONS = "observations", _("Points")
        PROFILE = "profile", _("School data profile")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for its turn")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REFUSED = "refused", _("Nothing imported: rows with problems")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="import_jobs"
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="import_jobs"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    # The staged import's key (cohort_site.StagedImport); unique, so confirming twice is one job.
    staged_file = models.CharField(max_length=64, unique=True)
    encoding = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempt = models.PositiveIntegerField(default=1)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    refused = models.TextField(blank=True)
    problems = models.JSONField(default=list, blank=True)  # [[row number, [messages]], ...]
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("improvement:import_job", args=[self.project.team.slug, self.pk])

    @property
    def stalled(self) -> bool:
        limit = datetime.timedelta(seconds=settings.IMPORT_JOB_STALL_SECONDS)
        return self.status == self.Status.RUNNING and self.updated_at < timezone.now() - limit

    @property
    def failed(self) -> bool:
        return self.status == self.Status.FAILED or self.stalled

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REFUSED) or self.failed

    @property
    def percent(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0
