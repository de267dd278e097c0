from collections import defaultdict

from django.db import migrations, models


def compute_signals(apps, schema_editor):
    """Fill the new flag for measures that already have data (the dashboard reads only it)."""
    from improvement.charts import current_signal, group_cells

    Measure = apps.get_model("improvement", "Measure")
    Observation = apps.get_model("improvement", "Observation")
    points = defaultdict(list)
    for obs in Observation.objects.order_by("date").iterator(chunk_size=5000):
        points[obs.measure_id].append(obs)
    for measure in Measure.objects.filter(pk__in=list(points)):
        if current_signal(group_cells(points[measure.pk], insider=False), measure):
            measure.has_current_signal = True
            measure.save(update_fields=["has_current_signal"])


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0004_import_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="measure",
            name="has_current_signal",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has a current signal"
            ),
        ),
        migrations.RunPython(compute_signals, migrations.RunPython.noop),
    ]
