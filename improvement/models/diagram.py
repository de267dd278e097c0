"""The aim and the driver diagram: drivers and change ideas."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .measures import Measure
from .project import GROUP_LABELS, ImprovementProject, ProjectOwnedQuerySet, StudentGroup


class Aim(models.Model):
    project = models.OneToOneField(ImprovementProject, on_delete=models.CASCADE, related_name="aim")
    what = models.CharField(
        _("what will improve"), max_length=300, help_text=_("e.g. chronic absenteeism")
    )
    how_much = models.CharField(
        _("how much"), max_length=200, help_text=_("e.g. from 24% to 15%: some is not a number")
    )
    by_when = models.DateField(_("by when"), help_text=_("soon is not a time"))
    for_whom = models.CharField(
        _("for whom (student group)"), max_length=4, choices=StudentGroup.choices
    )
    baseline_value = models.FloatField(_("baseline value"))
    baseline_date = models.DateField(_("baseline date"))
    target_value = models.FloatField(_("target value"))
    outcome_measure = models.ForeignKey(
        Measure,
        verbose_name=_("outcome measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ProjectOwnedQuerySet.as_manager()

    def __str__(self):
        return self.statement

    @property
    def statement(self) -> str:
        return _(
            "By %(when)s, %(what)s for %(whom)s: %(much)s (baseline %(base)s, target %(target)s)."
        ) % {
            "when": self.by_when.isoformat(),
            "what": self.what,
            "whom": GROUP_LABELS.get(self.for_whom, self.for_whom),
            "much": self.how_much,
            "base": f"{self.baseline_value:g}",
            "target": f"{self.target_value:g}",
        }


class Driver(models.Model):
    class Level(models.IntegerChoices):
        PRIMARY = 1, _("Primary driver")
        SECONDARY = 2, _("Secondary driver")

    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="drivers"
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=1)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("primary driver"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    text = models.CharField(_("driver"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["level", "order", "pk"]

    def __str__(self):
        return self.text

    def siblings(self):
        """The drivers it is ordered among: same project, level and primary driver."""
        return Driver.objects.filter(
            project=self.project_id, level=self.level, parent=self.parent_id
        )

    def clean(self):
        if self.level == self.Level.SECONDARY and not self.parent_id:
            raise ValidationError({"parent": _("A secondary driver needs its primary driver.")})
        if self.level == self.Level.PRIMARY and self.parent_id:
            raise ValidationError({"parent": _("A primary driver has no parent.")})
        if self.parent_id and self.parent.level != self.Level.PRIMARY:
            raise ValidationError({"parent": _("Choose a primary driver.")})


class ChangeIdea(models.Model):
    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="change_ideas"
    )
    text = models.CharField(_("change idea"), max_length=300)
    drivers = models.ManyToManyField(
        Driver,
        verbose_name=_("drivers it serves"),
        related_name="change_ideas",
        help_text=_("A change idea may serve several drivers."),
    )
    order = models.PositiveSmallIntegerField(default=0)
    # The change package (models/package.py): the day the team marked it adopted after an
    # Adopt decision, and the package entry it was taken from when another team's idea.
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True, editable=False)
    package_entry = models.ForeignKey(
        "improvement.ChangePackageEntry",
        verbose_name=_("taken from the change package"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="adoptions",
    )

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "package_entry"], name="one_adoption_per_entry_and_project"
            )
        ]

    def __str__(self):
        return self.text

    def siblings(self):
        """The change ideas it is ordered among: the project's."""
        return ChangeIdea.objects.filter(project=self.project_id)
