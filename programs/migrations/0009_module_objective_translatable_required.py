import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Learning objectives are translatable (wagtail.models.TranslatableMixin): with 0008, the
    two-step bootstrap Wagtail documents for an existing model."""

    dependencies = [
        ("programs", "0008_module_objective_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="moduleobjective",
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
            model_name="moduleobjective",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="moduleobjective",
            unique_together={("translation_key", "locale")},
        ),
    ]
