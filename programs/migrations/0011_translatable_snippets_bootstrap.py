from django.db import migrations

from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Every existing protocol, step and resource is the curriculum's English: the default
    locale, and a translation key of its own (wagtail.models.BootstrapTranslatableModel)."""

    dependencies = [("programs", "0010_translatable_snippets")]

    operations = [
        BootstrapTranslatableModel("programs.Protocol"),
        BootstrapTranslatableModel("programs.ProtocolStep"),
        BootstrapTranslatableModel("programs.Resource"),
    ]
