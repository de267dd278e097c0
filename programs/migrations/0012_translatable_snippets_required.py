import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("protocol", "protocolstep", "resource")


class Migration(migrations.Migration):
    """With 0010 and 0011: the locale and translation key required, a key once per language,
    and a protocol's slug and a resource's title unique within one language (a translation
    keeps the slug, and may keep a title that is a proper name)."""

    dependencies = [
        ("programs", "0011_translatable_snippets_bootstrap"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(
            operation
            for model_name in MODELS
            for operation in (
                migrations.AlterField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
            )
        ),
        migrations.AlterField(
            model_name="protocol",
            name="slug",
            field=models.SlugField(max_length=80, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="resource",
            name="title",
            field=models.CharField(max_length=255, verbose_name="title"),
        ),
        migrations.AlterUniqueTogether(
            name="protocol",
            unique_together={("slug", "locale"), ("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="protocolstep",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="resource",
            unique_together={("title", "locale"), ("translation_key", "locale")},
        ),
    ]
