"""The site's own small tables: one-time submission keys (see cohort_site/idempotency.py) and
spreadsheets waiting for confirmation (cohort_site/tabular.py)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionKey(models.Model):
    """A create form's one-time key, and the object its first POST created.

    The unique constraint is what makes a double click or a resent POST store one record: the
    second insert of the same key waits for the first transaction and then fails, and the
    second request is answered with the object the first one created.
    """

    key = models.CharField(_("key"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submission_keys"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    # Where the first POST sent the person: where a repeated POST is sent too.
    location = models.CharField(_("location"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("submission key")
        verbose_name_plural = _("submission keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="one_submission_per_key")
        ]

    def __str__(self):
        return self.key

    @property
    def created_object(self):
        if self.content_type_id is None or not self.object_id:
            return None
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()


class StagedImport(models.Model):
    """A checked spreadsheet waiting between the preview and the person's confirmation.

    Kept in the database, not on an app server's disk, so the confirmation may reach another
    instance than the preview did. After the import the data is dropped and the row stays as a
    marker, so a repeated confirmation is recognised; rows older than the token's lifetime go.
    """

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    # Who may confirm it: "<user pk>:<import page path>" (no name or address).
    owner = models.CharField(_("owner"), max_length=300)
    data = models.BinaryField(_("data"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        verbose_name = _("staged import")
        verbose_name_plural = _("staged imports")

    def __str__(self):
        return str(self.key)
