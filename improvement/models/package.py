"""The change package: change ideas a team tested and adopted, shared with its cohort.

A facilitator adds an adopted `ChangeIdea` to the cohort's package (`ChangePackageEntry`) with
a short write-up; another team of the cohort takes an entry into its own driver diagram as a
new `ChangeIdea` whose `package_entry` points back here, so its cycles count as evidence too.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohorts import access
from cohorts.models import Cohort

from .diagram import ChangeIdea


class ChangePackageEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Entries of the cohorts whose teams the person is on or facilitates (admins: all)."""
        return self.filter(cohort__in=Cohort.objects.filter(access.visible_cohort_q(user)))


class ChangePackageEntry(models.Model):
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="change_package"
    )
    idea = models.ForeignKey(
        ChangeIdea,
        verbose_name=_("change idea"),
        on_delete=models.CASCADE,
        related_name="package_entries",
    )
    write_up = models.TextField(
        _("write-up"),
        max_length=2000,
        help_text=_("What the change is, how the team tested it and what it learned."),
    )
    cde_goal = models.ForeignKey(
        "programs.CdeEquityGoal",
        verbose_name=_("CDE goal of equity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    in_program = models.BooleanField(
        _("also in the program's change package"),
        default=False,
        help_text=_("Offer it to every cohort of the program in the county's annual report."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChangePackageEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("change package entry")
        verbose_name_plural = _("change package entries")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "idea"], name="one_entry_per_idea")
        ]

    def __str__(self):
        return self.idea.text

    def get_absolute_url(self):
        return reverse("improvement:package_entry", args=[self.cohort.slug, self.pk])
