from django.db import migrations


def grant(apps, schema_editor):
    from programs.permissions import facilitator_permissions_apply

    facilitator_permissions_apply(apps)


class Migration(migrations.Migration):
    """Facilitators may submit curriculum pages for translation (wagtail-localize) and edit the
    translated pages (see programs.permissions)."""

    dependencies = [
        ("programs", "0006_resource_equity_tags"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
