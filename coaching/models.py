from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts import access
from cohorts.models import Team, TeamOwnedQuerySet


class ConversationQuerySet(TeamOwnedQuerySet):
    def visible_to(self, user):
        """Notes are for the team's leads and the cohort's facilitators only.

        Members see the agreed next steps on the team space, not the notes; site admins run the
        site but do not read coaching notes.
        """
        return self.filter(team__in=Team.objects.filter(access.led_or_facilitated_team_q(user)))


class Conversation(models.Model):
    class Kind(models.TextChoices):
        CHECK_IN = "check_in", _("Monthly check-in")
        LEADERSHIP = "leadership", _("Leadership coaching")
        OTHER = "other", _("Other")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="coaching_conversations")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    held_on = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CHECK_IN)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("who took part"), related_name="+", blank=True
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("Visible to the team's leads and the cohort's facilitators."),
    )
    protocol = models.CharField(
        _("coaching protocol"),
        max_length=30,
        blank=True,
        help_text=_("A named protocol (coaching/protocols.py) whose steps the notes follow."),
    )
    # {step key: what was said}, in the protocol's order; empty for free notes.
    steps = models.JSONField(_("protocol steps"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.team} · {self.held_on}"

    @property
    def protocol_steps(self) -> list[tuple]:
        """(step, text) for each step of the protocol, in order; [] for free notes."""
        from .protocols import PROTOCOLS

        protocol = PROTOCOLS.get(self.protocol)
        if protocol is None:
            return []
        return [(step, self.steps.get(step.key, "")) for step in protocol.steps]

    @property
    def protocol_name(self) -> str:
        from .protocols import PROTOCOLS

        protocol = PROTOCOLS.get(self.protocol)
        return protocol.name if protocol else ""


class NextStepQuerySet(TeamOwnedQuerySet):
    team_field = "conversation__team"

    def open(self):
        return self.filter(done_at__isnull=True)

    def owned_by(self, user):
        """The person's own open steps, on teams they are on now (for their own page)."""
        return self.open().filter(owner=user, conversation__team__in=access.member_team_ids(user))


class NextStep(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="next_steps"
    )
    description = models.CharField(_("next step"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(null=True, blank=True)

    objects = NextStepQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()

    def can_mark_done(self, user) -> bool:
        team = self.conversation.team
        return user.pk == self.owner_id or access.leads_or_facilitates(user, team)
