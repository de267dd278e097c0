"""Improvement projects: aim, driver diagram, measures with observations, PDSA cycles.

Everything hangs off `ImprovementProject` (one per team and school year) and is resolved
through `TeamOwnedQuerySet.visible_to`, so another team's rows answer 404.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
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

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    def siblings(self):
        """The change ideas it is ordered among: the project's."""
        return ChangeIdea.objects.filter(project=self.project_id)


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
