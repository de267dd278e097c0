"""Data dialogues: the team's cycle of inquiry on a measure or on its school data profile.

A dialogue follows five protocol steps (predict, go visual, observe, infer and ask, next
steps), each with a suggested time. Team members record notes in each step; a note in the
last step can become a change idea or a PDSA cycle, and keeps a link to what it became.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cohorts.models import TeamOwnedQuerySet

from .cycles import PDSACycle
from .diagram import ChangeIdea
from .measures import Measure
from .project import ImprovementProject, ProjectOwnedQuerySet
from .understanding import Indicator


@dataclass(frozen=True)
class DialogueStep:
    code: str
    title: Promise
    prompt: Promise
    minutes: int


class Step(models.TextChoices):
    PREDICT = "predict", _("Predict")
    LOOK = "look", _("Go visual")
    OBSERVE = "observe", _("Observe")
    INFER = "infer", _("Infer and ask")
    NEXT = "next", _("Next steps")


DIALOGUE_STEPS = (
    DialogueStep(
        Step.PREDICT,
        Step.PREDICT.label,
        _(
            "Before anyone opens the chart: what do you expect to see, and why? Name the "
            "assumptions you bring to these data."
        ),
        5,
    ),
    DialogueStep(
        Step.LOOK,
        Step.LOOK.label,
        _(
            "Open the chart and the table together. Read the titles, the groups and the dates, "
            "and note what you look at first."
        ),
        5,
    ),
    DialogueStep(
        Step.OBSERVE,
        Step.OBSERVE.label,
        _(
            'Say only what the data show, without explaining or judging: "I notice that…". '
            "Which groups differ, what changed over time, what surprised you?"
        ),
        10,
    ),
    DialogueStep(
        Step.INFER,
        Step.INFER.label,
        _(
            "Now explain: what might produce these patterns in how the school works? Write the "
            "questions you still need answered and whose voice you need to hear."
        ),
        10,
    ),
    DialogueStep(
        Step.NEXT,
        Step.NEXT.label,
        _(
            "Decide what the team will do: a change to try, data to gather, people to ask. "
            "One next step per note; each can become a change idea or a PDSA cycle."
        ),
        10,
    ),
)
STEPS_BY_CODE = {step.code: step for step in DIALOGUE_STEPS}


class DataDialogue(models.Model):
    project = models.ForeignKey(
        ImprovementProject, on_delete=models.CASCADE, related_name="dialogues"
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dialogues",
    )
    indicator = models.CharField(
        _("school data profile indicator"), max_length=12, choices=Indicator.choices, blank=True
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)

    objects = ProjectOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(measure__isnull=False) & models.Q(indicator=""))
                    | (models.Q(measure__isnull=True) & ~models.Q(indicator=""))
                ),
                name="dialogue_on_a_measure_or_an_indicator",
            )
        ]

    def __str__(self):
        return str(self.topic)

    def get_absolute_url(self):
        return reverse(
            "improvement:dialogue", kwargs={"slug": self.project.team.slug, "pk": self.pk}
        )

    @property
    def topic(self) -> str:
        """What the team looked at: the measure's name or the profile indicator's label."""
        if self.measure_id:
            return self.measure.name
        return str(Indicator(self.indicator).label)

    def clean(self):
        if bool(self.measure_id) == bool(self.indicator):
            raise ValidationError(_("A dialogue looks at one measure or one profile indicator."))
        if self.measure_id and self.measure.project_id != self.project_id:
            raise ValidationError({"measure": _("Choose one of this project's measures.")})


class DialogueNoteQuerySet(TeamOwnedQuerySet):
    team_field = "dialogue__project__team"


class DialogueNote(models.Model):
    dialogue = models.ForeignKey(DataDialogue, on_delete=models.CASCADE, related_name="notes")
    step = models.CharField(_("step"), max_length=8, choices=Step.choices)
    text = models.TextField(
        _("note"),
        max_length=2000,
        help_text=_("Never write a student's name or anything that identifies them."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # What a next step became (set once, by `note_to_change_idea` / `note_to_cycle`).
    change_idea = models.ForeignKey(
        ChangeIdea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cycle = models.ForeignKey(
        PDSACycle, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = DialogueNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
