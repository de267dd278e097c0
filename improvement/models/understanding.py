"""Understanding the system: root causes, interviews, equity analysis, data profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .project import ImprovementProject, ProjectOwnedQuerySet, StudentGroup

# --- Understanding the system (simple forms) -------------------------------------------------


class RootCause(models.Model):
    class Category(models.TextChoices):
        POLICIES = "policies", _("Policies")
        PRACTICES = "practices", _("Practices and processes")
        PEOPLE = "people", _("People and beliefs")
        RESOURCES = "resources", _("Resources")
        EXPERIENCE = "experience", _("Student and family experience")

    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="root_causes"
    )
    category = models.CharField(_("fishbone category"), max_length=12, choices=Category.choices)
    cause = models.CharField(_("cause"), max_length=300)
    whys = models.TextField(_("5 whys"), blank=True, help_text=_('One "why?" answer per line.'))

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["category", "pk"]

    def __str__(self):
        return self.cause


class EmpathyInterview(models.Model):
    class Role(models.TextChoices):
        STUDENT = "student", _("Student")
        FAMILY = "family", _("Family member")
        STAFF = "staff", _("Staff")

    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="interviews"
    )
    protocol = models.TextField(_("protocol questions"), help_text=_("One question per line."))
    interviewee_role = models.CharField(_("interviewee role"), max_length=10, choices=Role.choices)
    interviewee_group = models.CharField(
        _("interviewee student group"), max_length=4, choices=StudentGroup.choices, blank=True
    )
    held_on = models.DateField(_("date"))
    notes = models.TextField(
        _("notes"),
        help_text=_("Never write a student's name or anything that identifies them."),
    )
    themes = models.CharField(_("themes"), max_length=300, blank=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return f"{self.get_interviewee_role_display()} {self.held_on}"


RET_STEPS = {
    1: (_("Set outcomes"), _("What are the racially equitable outcomes for this issue?")),
    2: (
        _("Involve stakeholders and analyse data"),
        _("Who is affected? How have they been involved? What do the data show?"),
    ),
    3: (
        _("Determine benefit and burden"),
        _("Who benefits and who is burdened? What are the unintended consequences?"),
    ),
    4: (
        _("Advance opportunity or minimise harm"),
        _("How will the plan advance equity or reduce harm?"),
    ),
    5: (
        _("Evaluate, raise awareness, be accountable"),
        _("How will you measure impact and report back to those affected?"),
    ),
    6: (_("Report back"), _("What did you share, with whom, and what comes next?")),
}


class EquityAnalysisStep(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="equity_steps"
    )
    step = models.PositiveSmallIntegerField(
        _("step"), choices=[(k, v[0]) for k, v in RET_STEPS.items()]
    )
    answers = models.TextField(_("answers"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    report_back_on = models.DateField(_("report back on"), null=True, blank=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["step"]
        constraints = [
            models.UniqueConstraint(fields=["project", "step"], name="one_ret_step_each")
        ]

    def __str__(self):
        return str(self.get_step_display())


class Indicator(models.TextChoices):
    ABSENTEEISM = "absenteeism", _("Chronic absenteeism (%)")
    SUSPENSION = "suspension", _("Suspension rate (%)")
    ELA = "ela", _("ELA distance from standard")
    MATH = "math", _("Math distance from standard")
    GRADUATION = "graduation", _("Graduation rate (%)")
    EL_PROGRESS = "el_progress", _("English learner progress (%)")


class DataProfileEntry(models.Model):
    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="profile_entries"
    )
    indicator = models.CharField(_("indicator"), max_length=12, choices=Indicator.choices)
    group = models.CharField(_("student group"), max_length=4, choices=StudentGroup.choices)
    n = models.PositiveIntegerField(_("n (students)"))
    value = models.FloatField(_("value"))

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "indicator", "group"], name="one_profile_value_each"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.group}"
