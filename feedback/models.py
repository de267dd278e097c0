"""Feedback requests, reviewer assignments, responses, critical-friend rounds, session feedback.

Privacy rules live elsewhere on purpose: who may open what is decided by the `visible_to`
querysets here (built on the cohorts access layer); what of a response a viewer may see is
decided by `feedback/anonymity.py` alone. No model stores a time of day a receiver could use
to tell reviewers apart: responses keep dates only, and session feedback keeps neither the
person nor any date.
"""

import secrets
import unicodedata
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts import access
from cohorts.models import Cohort, CohortSession, Team

from . import protocols

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "odt", "txt", "png", "jpg", "jpeg"]


def validate_artifact_url(value: str) -> None:
    """A path inside this site (`/teams/...`) or an https link; nothing else.

    Browsers drop tabs and newlines anywhere in a link, strip control characters around it and
    read `\\` as `/`, so `/\\evil.example` or `/<tab>/evil.example` would lead off the site:
    a link with a backslash, whitespace or any control or invisible format character is refused,
    and a path must not start with `//`.
    """
    if not any(
        char == "\\" or char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs")
        for char in value
    ):
        if value.startswith("/") and not value.startswith("//"):
            return
        if value.startswith("https://") and _hostname(value):
            return
    raise ValidationError(
        _("Give a link inside this site (starting with /) or a web address starting with https://.")
    )


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # such as "https://[": not a valid address
        return None


def validate_upload_size(file) -> None:
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is too large: at most 10 MB."))


def new_token() -> str:
    return secrets.token_urlsafe(12)


def artifact_upload_to(instance, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"feedback/{secrets.token_hex(16)}.{ext}"


class PairingRound(models.Model):
    """A critical-friend round: each team of the cohort is reviewed by another team."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="feedback_rounds")
    name = models.CharField(_("name"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_on = models.DateField(_("created"), default=timezone.localdate)

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("critical-friend round")

    def __str__(self):
        return self.name


class Pairing(models.Model):
    round = models.ForeignKey(PairingRound, on_delete=models.CASCADE, related_name="pairings")
    reviewed_team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    reviewer_team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["reviewed_team__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "reviewed_team"], name="one_pair_per_team"),
            models.CheckConstraint(
                condition=~Q(reviewed_team=models.F("reviewer_team")), name="no_self_review"
            ),
        ]

    def __str__(self):
        return f"{self.reviewer_team} → {self.reviewed_team}"


class FeedbackRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Members of the asking team, the cohort's facilitators, site admins, and anyone ever
        assigned to review it (so a reassigned reviewer still finds their draft)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(
            Q(team__in=Team.objects.visible_to(user))
            | Q(pk__in=Assignment.objects.filter(reviewer=user).values("request_id"))
        )

    def open(self):
        return self.filter(closed_on__isnull=True)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(
            due_on__lt=today,
            pk__in=Assignment.objects.pending().values("request_id"),
        )


class FeedbackRequest(models.Model):
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="feedback_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="feedback_requests",
    )
    artifact_title = models.CharField(_("what you want feedback on"), max_length=200)
    artifact_url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[validate_artifact_url],
        help_text=_("A page of this site (starting with /) or an https:// address."),
    )
    artifact_file = models.FileField(
        _("file"),
        upload_to=artifact_upload_to,
        blank=True,
        validators=[FileExtensionValidator(UPLOAD_EXTENSIONS), validate_upload_size],
        help_text=_("Optional. PDF, Office, text or image files up to 10 MB."),
    )
    artifact_key = models.CharField(_("project work"), max_length=80, blank=True)
    artifact_snapshot = models.JSONField(
        _("snapshot of the project work"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Read-only copy, taken when the request was sent, that reviewers see."),
    )
    focusing_question = models.TextField(_("focusing question"), max_length=2000)
    protocol = models.CharField(_("protocol"), max_length=40, choices=protocols.CHOICES)
    anonymous = models.BooleanField(
        _("anonymous to me"),
        default=False,
        help_text=_(
            "Reviewers' names are never shown to you, and you see the answers once at least "
            "two have arrived or you close the request."
        ),
    )
    reviewer_team = models.ForeignKey(
        Team,
        verbose_name=_("reviewing team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    round = models.ForeignKey(
        PairingRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )
    due_on = models.DateField(_("due"))
    created_on = models.DateField(_("asked on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    release_announced = models.BooleanField(default=False, editable=False)

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("feedback request")

    def __str__(self):
        return self.artifact_title

    def get_absolute_url(self):
        return reverse("feedback:request", kwargs={"pk": self.pk})

    @property
    def protocol_def(self) -> protocols.Protocol:
        return protocols.get(self.protocol)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_closed and self.due_on < timezone.localdate()


class AssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Assignment.Status.ACTIVE)

    def pending(self):
        """Active, and no submitted response from this reviewer yet."""
        submitted = FeedbackResponse.objects.filter(
            request_id=models.OuterRef("request_id"),
            giver_id=models.OuterRef("reviewer_id"),
            status=FeedbackResponse.Status.SUBMITTED,
        )
        return self.active().filter(~models.Exists(submitted))


class Assignment(models.Model):
    """One person asked to review one request. Reassigning ends it and starts another."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REASSIGNED = "reassigned", _("Reassigned")

    request = models.ForeignKey(
        FeedbackRequest, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_assignments"
    )
    reviewer_team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The team the reviewer gave feedback for (empty for facilitators)."),
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    reminded_on = models.DateField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "reviewer"],
                condition=Q(status="active"),
                name="one_active_assignment_per_reviewer",
            )
        ]

    def __str__(self):
        return f"{self.reviewer} ← {self.request}"


class FeedbackResponse(models.Model):
    """A reviewer's answer, section by section.

    `giver` is kept so the giver can find and edit their own draft and receive reminders; it is
    never shown to anyone else when the request is anonymous (see anonymity.py). `token` is the
    only identifier pages and links use, and the order receivers see (random, not temporal).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="responses")
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_given"
    )
    token = models.CharField(max_length=24, unique=True, default=new_token, editable=False)
    answers = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_on = models.DateField(null=True, blank=True)
    helpful = models.BooleanField(default=False)
    back_feedback = models.TextField(_("what I will do with this"), blank=True, max_length=4000)
    back_feedback_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["token"]
        constraints = [
            models.UniqueConstraint(fields=["request", "giver"], name="one_response_per_giver")
        ]

    def __str__(self):
        return f"response {self.token}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class SessionFeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the cohort's facilitators and site admins read session feedback."""
        return self.filter(session__cohort__in=Cohort.objects.facilitated_by(user))


class SessionFeedback(models.Model):
    """An anonymous rating of a cohort session. It stores no person and no time; the random
    primary key keeps rows from lining up with the `SessionFeedbackMarker` written with them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(
        CohortSession, on_delete=models.CASCADE, related_name="feedback_responses"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    objects = SessionFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.session}: {self.rating}"


class SessionFeedbackMarker(models.Model):
    """Records THAT a person answered (to prevent a second answer), never WHAT they answered."""

    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_session_answer")
        ]

    def __str__(self):
        return f"answered {self.session_id}"


def sessions_open_to(user):
    """Sessions (already ended) of cohorts where the person is on a team."""
    if not (user.is_authenticated and user.is_active):
        return CohortSession.objects.none()
    cohorts = access.member_cohort_ids(user)
    return CohortSession.objects.filter(cohort_id__in=cohorts, ends_at__lte=timezone.now())


def can_answer_session(user, session) -> bool:
    return sessions_open_to(user).filter(pk=session.pk).exists()


def in_cohort(user, cohort) -> bool:
    """On a team of the cohort now, or facilitating it."""
    return (
        access.is_cohort_facilitator(user, cohort)
        or access.current_memberships(user).filter(team__cohort=cohort).exists()
    )
