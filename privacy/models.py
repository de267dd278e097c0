from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def pseudonym(user) -> str:
    """How audit records name a person: a keyed hash of the account id, never the email.

    Stable (one person's records can be told apart from another's) and meaningless without the
    site's SECRET_KEY, so it survives the erasure of the account without identifying anyone.
    """
    digest = salted_hmac("privacy.audit", str(user.pk), algorithm="sha256").hexdigest()
    return "person-" + digest[:16]


class AuditRecord(models.Model):
    """Who exported or erased what, when, and how many rows (kept after the erasure itself)."""

    class Action(models.TextChoices):
        EXPORT_PERSON = "export_person", _("Personal data export")
        ERASE_PERSON = "erase_person", _("Account erasure")
        EXPORT_TEAM = "export_team", _("Team portfolio export")
        ERASE_ORGANIZATION = "erase_organization", _("Partner organization erasure")

    action = models.CharField(max_length=30, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200)  # `pseudonym(actor)` or "system"
    subject = models.CharField(max_length=200)  # a team or organization name, or a pseudonym
    counts = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject} by {self.actor_label}"
