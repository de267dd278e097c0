from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    INVITED = "invited", _("You were invited to a team")
    MODULE_RELEASED = "module_released", _("A module opened")
    COACHING_STEP_DUE = "coaching_step_due", _("A coaching next step is due")
    SESSION_TOMORROW = "session_tomorrow", _("A session is tomorrow")
    FEEDBACK_REQUESTED = "feedback_requested", _("Someone asked you for feedback")
    RESPONSE_RECEIVED = "response_received", _("Feedback arrived on your request")
    BACK_FEEDBACK_RECEIVED = "back_feedback_received", _("Someone answered your feedback")
    NORMS_PROPOSED = "norms_proposed", _("Norms were proposed for a vote")
    PDSA_CYCLE_DUE = "pdsa_cycle_due", _("A PDSA cycle step is due")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Email me right away")
    DIGEST = "digest", _("Email me a daily digest")
    NEVER = "never", _("Only show it on the site")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    # The person the notice names, if any, and the name as written into title and body: when
    # that person deletes their account the name is rewritten to "a former member".
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Names the event for reminders sent by daily jobs ("session 12 starting 3 Dec, 4 PM"): a
    # person is told about one event once, however often the job runs.
    key = models.CharField(max_length=200, blank=True, default="")

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~models.Q(key=""), name="one_notice_per_event"
            )
        ]

    def __str__(self):
        return self.title


class Preference(models.Model):
    """How a person hears about one kind of event; no row means the default (right away)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} → {self.delivery}"


class OutgoingEmail(models.Model):
    """One email on its way out: written in the same transaction as the change it reports.

    The `send_outbox` worker claims due rows, sends each once, and records the outcome; see
    `notifications.outbox` for the retry schedule and the lease that recovers a dead worker.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    key = models.CharField(_("key"), max_length=200, unique=True)
    # What the message is about, e.g. "invitation:42", so a page can show how its mail went.
    topic = models.CharField(_("topic"), max_length=100, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_emails",
    )
    to = models.EmailField(_("to"))
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    # Nothing in an email is worth Wagtail's "usage" index; skipping it halves the cost of a row.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing email")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.subject} → {self.to}"
