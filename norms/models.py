"""Team norms (co-constructed, ratified, versioned), check-ins, the collective identity statement.

Every model belongs to a team; `visible_to(user)` comes from cohorts' `TeamOwnedQuerySet`.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.models import Team, TeamOwnedQuerySet


class Condition(models.Model):
    """One answer to "What do I need to do my best learning in this group?"."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="norm_conditions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.CharField(_("condition"), max_length=300)
    group_label = models.CharField(_("group"), max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TeamOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["group_label", "created_at", "pk"]

    def __str__(self):
        return self.text


class NormSetQuerySet(TeamOwnedQuerySet):
    def open(self):
        return self.filter(status__in=[NormSet.Status.DRAFT, NormSet.Status.VOTING])


class NormSet(models.Model):
    """One version of a team's norms: draft → voting → ratified → superseded."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("drafting")
        VOTING = "voting", _("voting")
        RATIFIED = "ratified", _("ratified")
        SUPERSEDED = "superseded", _("superseded")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="norm_sets")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    ratified_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    close_reason = models.TextField(_("reason for closing the vote"), blank=True)

    objects = NormSetQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["team", "number"], name="one_norm_set_number_per_team"),
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(status__in=["draft", "voting"]),
                name="one_open_norm_set_per_team",
            ),
            models.UniqueConstraint(
                fields=["team"],
                condition=Q(status="ratified"),
                name="one_ratified_norm_set_per_team",
            ),
        ]

    def __str__(self):
        return f"{self.team} · v{self.number} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_voting(self) -> bool:
        return self.status == self.Status.VOTING

    def tally(self, votes, member_ids) -> dict:
        """Count the votes of current members only; people who left no longer count."""
        member_ids = set(member_ids)
        counted = [v for v in votes if v.user_id in member_ids]
        by_choice = {choice: 0 for choice, _label in Vote.Choice.choices}
        for vote in counted:
            by_choice[vote.choice] += 1
        consenting = by_choice[Vote.Choice.AGREE] + by_choice[Vote.Choice.LIVE_WITH]
        return {
            "members": len(member_ids),
            "voted": len(counted),
            "consenting": consenting,
            "objections": by_choice[Vote.Choice.CANNOT],
            "by_choice": by_choice,
            "ratifies": bool(member_ids) and consenting == len(member_ids),
        }


class Norm(models.Model):
    norm_set = models.ForeignKey(NormSet, on_delete=models.CASCADE, related_name="norms")
    statement = models.CharField(_("norm"), max_length=200)
    in_practice = models.TextField(_("what it looks like in practice"), blank=True)
    position = models.PositiveIntegerField(default=0)
    # The same norm across versions shares a lineage, so history can say "changed".
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    # Optimistic locking: a save based on an older revision is not applied.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.statement


class Vote(models.Model):
    class Choice(models.TextChoices):
        AGREE = "agree", _("I agree")
        LIVE_WITH = "live_with", _("I can live with it")
        CANNOT = "cannot", _("I cannot agree")

    norm_set = models.ForeignKey(NormSet, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("your answer"), max_length=10, choices=Choice.choices)
    reason = models.TextField(_("reason"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["norm_set", "user"], name="one_vote_per_person_and_set")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_choice_display()}"


class CheckIn(models.Model):
    """After a meeting: how well did we keep each norm today?"""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="norm_check_ins")
    norm_set = models.ForeignKey(NormSet, on_delete=models.CASCADE, related_name="check_ins")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    met_on = models.DateField(_("meeting date"), default=timezone.localdate)
    hard_norm = models.ForeignKey(
        Norm,
        verbose_name=_("the norm that was hard today"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TeamOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["met_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["norm_set", "user", "met_on"], name="one_check_in_per_person_and_meeting"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.met_on}"


class Rating(models.Model):
    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="ratings")
    norm = models.ForeignKey(Norm, on_delete=models.CASCADE, related_name="ratings")
    value = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["check_in", "norm"], name="one_rating_per_norm"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=4), name="rating_between_1_and_4"
            ),
        ]

    def __str__(self):
        return f"{self.norm} · {self.value}"


class IdentityStatement(models.Model):
    """One version of the team's collective identity statement."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="identity_statements")
    number = models.PositiveIntegerField(_("version"))
    who_we_are = models.TextField(_("Who we are as an equity team"))
    why_we_do_this_work = models.TextField(_("Why we do this work"))
    what_we_commit_to = models.TextField(
        _("What we commit to"), help_text=_("One commitment per line.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = TeamOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["team", "number"], name="one_statement_number_per_team")
        ]

    def __str__(self):
        return f"{self.team} · v{self.number}"

    @property
    def commitments(self) -> list[str]:
        return [line.strip() for line in self.what_we_commit_to.splitlines() if line.strip()]


class StatementComment(models.Model):
    statement = models.ForeignKey(
        IdentityStatement, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} · {self.statement}"


class Endorsement(models.Model):
    statement = models.ForeignKey(
        IdentityStatement, on_delete=models.CASCADE, related_name="endorsements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "user"], name="one_endorsement_per_person")
        ]

    def __str__(self):
        return f"{self.user} · {self.statement}"
