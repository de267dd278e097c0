"""Audit records named people by email; they now carry a pseudonym (privacy.models.pseudonym)."""

from django.db import migrations
from django.utils.crypto import salted_hmac


def _pseudonym(pk) -> str:
    # Frozen copy of privacy.models.pseudonym: migrations must not import app code.
    digest = salted_hmac("privacy.audit", str(pk), algorithm="sha256").hexdigest()
    return "person-" + digest[:16]


def pseudonymise(apps, schema_editor):
    AuditRecord = apps.get_model("privacy", "AuditRecord")
    for record in AuditRecord.objects.all():
        if record.actor_id:
            record.actor_label = _pseudonym(record.actor_id)
        elif "@" in record.actor_label:
            record.actor_label = "former account"
        if record.action == "export_person" or record.subject.startswith("account "):
            # The subject of a personal export or erasure was the email or "account <pk>".
            pk = record.subject.removeprefix("account ")
            record.subject = _pseudonym(pk) if pk.isdigit() else (
                _pseudonym(record.actor_id) if record.actor_id else "former account"
            )
        record.save(update_fields=["actor_label", "subject"])


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(pseudonymise, migrations.RunPython.noop)]
