"""A school's self-assessment against the CDE Quality Schooling Framework's six goals of equity,
taken at the start and at the end of the school year."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohorts.models import Team, TeamOwnedQuerySet
from programs.models import CdeEquityGoal

LOW_RATING = 2  # ratings at or below this link to matching resources


class Rating(models.IntegerChoices):
    NOT_YET = 1, _("1 · Not yet in place")
    EMERGING = 2, _("2 · Emerging")
    DEVELOPING = 3, _("3 · Developing")
    ESTABLISHED = 4, _("4 · Established")


class SelfAssessment(models.Model):
    class Moment(models.TextChoices):
        START = "start", _("Start of the year")
        END = "end", _("End of the year")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="self_assessments")
    school_year = models.CharField(_("school year"), max_length=9)
    moment = models.CharField(_("when"), max_length=5, choices=Moment.choices)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = TeamOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["school_year", "moment"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "school_year", "moment"], name="one_self_assessment_per_moment"
            )
        ]

    def __str__(self):
        return f"{self.team} · {self.school_year} · {self.get_moment_display()}"


class GoalRating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    goal = models.ForeignKey(CdeEquityGoal, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    evidence = models.TextField(_("evidence"))

    class Meta:
        ordering = ["goal__number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "goal"], name="one_rating_per_goal")
        ]

    def __str__(self):
        return f"{self.goal}: {self.rating}"

    @property
    def is_low(self) -> bool:
        return self.rating <= LOW_RATING
