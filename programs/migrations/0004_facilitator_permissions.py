from django.db import migrations


def grant(apps, schema_editor):
    from programs.permissions import facilitator_permissions_apply

    facilitator_permissions_apply(apps)


class Migration(migrations.Migration):
    """Give the Facilitators group its curriculum-editing permissions (see programs.permissions)."""

    dependencies = [
        ("programs", "0003_curriculum"),
        # The HomePage (the program tree's root) exists from 0002 on.
        ("programs", "0002_create_homepage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
