"""PDSA cycles and the comments on a project or a cycle."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .diagram import ChangeIdea
from .measures import Measure
from .project import ImprovementProject, ProjectOwnedQuerySet


class PDSACycle(models.Model):
    class Purpose(models.TextChoices):
        COLLECT = "collect", _("Collect information")
        DEVELOP = "develop", _("Develop a change")
        TEST = "test", _("Test a change")
        IMPLEMENT = "implement", _("Implement a change")

    class Phase(models.TextChoices):
        PLAN = "plan", _("Plan")
        DO = "do", _("Do")
        STUDY = "study", _("Study")
        ACT = "act", _("Act")
        DONE = "done", _("Decided")

    class Decision(models.TextChoices):
        ADOPT = "adopt", _("Adopt")
        ADAPT = "adapt", _("Adapt")
        ABANDON = "abandon", _("Abandon")
        SCALE = "scale", _("Scale up")

    project = models.ForeignKey(ImprovementProject, on_delete=models.CASCADE, related_name="cycles")
    change_idea = models.ForeignKey(
        ChangeIdea, verbose_name=_("change idea"), on_delete=models.PROTECT, related_name="cycles"
    )
    ramp = models.CharField(_("series (ramp)"), max_length=120)
    number = models.PositiveSmallIntegerField(_("cycle number"), default=1)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_cycles"
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices, default="test")
    phase = models.CharField(_("phase"), max_length=5, choices=Phase.choices, default="plan")
    # Plan
    objective = models.TextField(
        _("objective"), blank=True, help_text=_("What do we want to learn?")
    )
    questions = models.JSONField(_("questions and predictions"), default=list, blank=True)
    tasks = models.TextField(
        _("tasks"), blank=True, help_text=_("One per line: who, what, when, where.")
    )
    # The test itself: required before the cycle moves to Do (`plan_gaps`).
    test_who = models.CharField(_("who runs the test"), max_length=300, blank=True)
    test_what = models.CharField(_("what they will do"), max_length=300, blank=True)
    test_where = models.CharField(_("where"), max_length=300, blank=True)
    test_when = models.CharField(_("when"), max_length=300, blank=True)
    data_plan = models.TextField(_("data collection plan"), blank=True)
    measures = models.ManyToManyField(
        Measure, verbose_name=_("linked measures"), related_name="cycles", blank=True
    )
    who_benefits = models.TextField(_("who benefits?"), blank=True)
    who_burdened = models.TextField(_("who is burdened?"), blank=True)
    whose_voice = models.TextField(_("whose voice informed this test?"), blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    # Do
    as_planned = models.BooleanField(_("carried out as planned?"), null=True, blank=True)
    observations = models.TextField(_("observations"), blank=True)
    problems = models.TextField(_("problems and unexpected events"), blank=True)
    deviations = models.TextField(_("deviations from the plan"), blank=True)
    # Study
    learned = models.TextField(_("what we learned"), blank=True)
    # Act
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    # Phase dates
    planned_on = models.DateField(_("plan written"), null=True, blank=True)
    done_on = models.DateField(_("carried out"), null=True, blank=True)
    studied_on = models.DateField(_("studied"), null=True, blank=True)
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["change_idea_id", "ramp", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "ramp", "number"], name="unique_cycle_number_in_ramp"
            )
        ]

    def __str__(self):
        return f"{self.ramp} #{self.number}: {self.title}"

    def get_absolute_url(self):
        return reverse("improvement:cycle", kwargs={"slug": self.project.team.slug, "pk": self.pk})

    def clean(self):
        super().clean()
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError(
                {"planned_end": _("The planned end cannot be before the planned start.")}
            )

    def plan_gaps(self) -> dict[str, str]:
        """What the plan still lacks before the test can be run, by field."""
        gaps = {}
        if not self.objective.strip():
            gaps["objective"] = _("Write what you want to learn from this test.")
        if not any(q.get("prediction", "").strip() for q in self.questions):
            gaps["questions"] = _("Write at least one question with your prediction.")
        for name, message in [
            ("test_who", _("Say who will run the test.")),
            ("test_what", _("Say what they will do.")),
            ("test_where", _("Say where the test happens.")),
            ("test_when", _("Say when the test happens.")),
        ]:
            if not getattr(self, name).strip():
                gaps[name] = message
        return gaps

    def phases_so_far(self) -> list[str]:
        """The phases that may still be edited: every one reached, until the cycle is closed."""
        if self.phase == self.Phase.DONE:
            return []
        order = [self.Phase.PLAN, self.Phase.DO, self.Phase.STUDY, self.Phase.ACT]
        return [str(p) for p in order[: order.index(self.phase) + 1]]

    @property
    def marker_date(self):
        """Where the cycle sits on a run chart: when its test started."""
        return self.planned_start or self.done_on or self.planned_on


class Comment(models.Model):
    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="comments"
    )
    cycle = models.ForeignKey(
        PDSACycle, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]
