"""Bright spots: a measure's sustained improvement signal for one student group, stored.

Rows are written by `services.bright_spots_store` whenever a measure's data or rules change
(inside `measure_signals_refresh`), from the figures a facilitator may see, so the cohort
dashboard reads a few rows instead of rerunning the run-chart rules over every observation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cohorts.models import TeamOwnedQuerySet

from .measures import Measure
from .project import StudentGroup


class BrightSpotQuerySet(TeamOwnedQuerySet):
    team_field = "measure__project__team"


class BrightSpot(models.Model):
    class Rule(models.TextChoices):
        SHIFT = "shift", _("Shift")
        TREND = "trend", _("Trend")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="bright_spots")
    group = models.CharField(_("student group"), max_length=4, choices=StudentGroup.choices)
    rule = models.CharField(_("signal"), max_length=5, choices=Rule.choices)
    points = models.PositiveSmallIntegerField(_("points"))
    # A shift above the median, or a trend going up (lower values: below / going down).
    rising = models.BooleanField(_("above the median or going up"))
    starts_on = models.DateField(_("since"))
    ends_on = models.DateField(_("latest point"))

    objects = BrightSpotQuerySet.as_manager()

    class Meta:
        ordering = ["-ends_on", "-points", "pk"]
        verbose_name = _("bright spot")
        constraints = [
            models.UniqueConstraint(fields=["measure", "group"], name="one_bright_spot_per_group")
        ]

    def __str__(self):
        return f"{self.measure} {self.group} {self.rule}"
