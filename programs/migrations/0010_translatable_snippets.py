import django.db.models.deletion
from django.db import migrations, models

MODELS = ("protocol", "protocolstep", "resource")


class Migration(migrations.Migration):
    """Protocols (with their steps) and resources become translatable (TranslatableMixin), in
    Wagtail's three steps for an existing model: the fields, nullable (here); every row given
    the default locale and a key of its own (0011); then required and unique (0012)."""

    dependencies = [
        ("programs", "0009_module_objective_translatable_required"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        operation
        for model_name in MODELS
        for operation in (
            migrations.AddField(
                model_name=model_name,
                name="locale",
                field=models.ForeignKey(
                    editable=False,
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="wagtailcore.locale",
                    verbose_name="locale",
                ),
            ),
            migrations.AddField(
                model_name=model_name,
                name="translation_key",
                field=models.UUIDField(editable=False, null=True),
            ),
        )
    ]
