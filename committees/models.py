"""Equity advisory committees (PSESD): families, students, community members and staff who
advise a school's equity team, with a charter, meeting records and tracked recommendations.

Committee members who are not on the team see the committee's space and the team's answers to
its recommendations, never the team's own pages: the team's pages stay behind
`Team.objects.visible_to`, which committee membership does not change.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts import access
from cohorts.models import Team

INVITATION_LIFETIME = timedelta(days=14)


class Seat(models.TextChoices):
    FAMILY = "family", _("Family")
    STUDENT = "student", _("Student")
    COMMUNITY = "community", _("Community member")
    STAFF = "staff", _("Staff")


class CommitteeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Its members, and whoever may open the team it advises (its members, the cohort's
        facilitators, site admins)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        seated = Q(members__user=user, members__left_on__isnull=True)
        if access.is_site_admin(user):
            return self
        return self.filter(seated | Q(team__in=Team.objects.visible_to(user))).distinct()


class Committee(models.Model):
    team = models.OneToOneField(
        Team,
        verbose_name=_("equity team it advises"),
        on_delete=models.CASCADE,
        related_name="committee",
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"))
    decision_making = models.TextField(_("how we make decisions"))
    meeting_norms = models.TextField(_("meeting norms"))

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("equity advisory committee")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committees:space", args=[self.team.slug])

    def is_member(self, user) -> bool:
        return self.members.filter(user_id=user.pk, left_on__isnull=True).exists()

    def can_steward(self, user) -> bool:
        """Team leads and the cohort's facilitators keep the charter, invite and answer."""
        return access.is_team_lead(user, self.team) or access.can_manage_team(user, self.team)

    def can_contribute(self, user) -> bool:
        """Committee members and stewards record meetings and send recommendations."""
        return self.can_steward(user) or self.is_member(user)


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_seats"
    )
    seat = models.CharField(_("seat"), max_length=10, choices=Seat.choices)
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["seat", "user__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "user"],
                condition=Q(left_on__isnull=True),
                name="one_current_seat_per_committee",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_seat_display()}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + INVITATION_LIFETIME


class CommitteeInvitation(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    seat = models.CharField(_("seat"), max_length=10, choices=Seat.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.committee}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"), default=timezone.localdate)
    agenda = models.TextField(_("agenda"))
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("who attended"), related_name="+", blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.committee} · {self.held_on}"


class Recommendation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the team's answer")
        ACCEPTED = "accepted", _("Accepted")
        NOT_NOW = "not_now", _("Not now")
        DECLINED = "declined", _("Declined")

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="recommendations"
    )
    title = models.CharField(_("recommendation"), max_length=200)
    rationale = models.TextField(_("why we recommend it"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_on = models.DateField(_("sent"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    response = models.TextField(
        _("the team's answer"),
        blank=True,
        help_text=_('For example "accepted, in our PDSA cycle 3" or "not now, because…".'),
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]

    def __str__(self):
        return self.title
