from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    actor_label = models.CharField(max_length=200)
    subject = models.CharField(max_length=200)
    counts = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject} by {self.actor_label}"
