import django.db.models.deletion
from collections import defaultdict

from django.db import migrations, models


def compute_bright_spots(apps, schema_editor):
    """Fill the new table for measures that already have data (the dashboard reads only it)."""
    from improvement.brightspots import detect
    from improvement.charts import group_cells

    Measure = apps.get_model("improvement", "Measure")
    Observation = apps.get_model("improvement", "Observation")
    BrightSpot = apps.get_model("improvement", "BrightSpot")
    points = defaultdict(list)
    for obs in Observation.objects.order_by("date").iterator(chunk_size=5000):
        points[obs.measure_id].append(obs)
    rows = []
    for measure in Measure.objects.filter(pk__in=list(points)):
        for spot in detect(group_cells(points[measure.pk], insider=False), measure):
            rows.append(
                BrightSpot(
                    measure_id=measure.pk,
                    group=spot.group,
                    rule=spot.rule,
                    points=spot.points,
                    rising=spot.rising,
                    starts_on=spot.starts_on,
                    ends_on=spot.ends_on,
                )
            )
    BrightSpot.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('improvement', '0005_measure_has_current_signal'),
    ]

    operations = [
        migrations.CreateModel(
            name='BrightSpot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('group', models.CharField(choices=[('ALL', 'All students'), ('AA', 'African American'), ('AI', 'American Indian or Alaska Native'), ('AS', 'Asian'), ('FI', 'Filipino'), ('HI', 'Hispanic'), ('PI', 'Pacific Islander'), ('WH', 'White'), ('MR', 'Two or more races'), ('EL', 'English learners'), ('LTEL', 'Long-term English learners'), ('SED', 'Socioeconomically disadvantaged'), ('SWD', 'Students with disabilities'), ('FOS', 'Foster youth'), ('HOM', 'Homeless youth')], max_length=4, verbose_name='student group')),
                ('rule', models.CharField(choices=[('shift', 'Shift'), ('trend', 'Trend')], max_length=5, verbose_name='signal')),
                ('points', models.PositiveSmallIntegerField(verbose_name='points')),
                ('rising', models.BooleanField(verbose_name='above the median or going up')),
                ('starts_on', models.DateField(verbose_name='since')),
                ('ends_on', models.DateField(verbose_name='latest point')),
                ('measure', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bright_spots', to='improvement.measure')),
            ],
            options={
                'verbose_name': 'bright spot',
                'ordering': ['-ends_on', '-points', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('measure', 'group'), name='one_bright_spot_per_group')],
            },
        ),
        migrations.RunPython(compute_bright_spots, migrations.RunPython.noop),
    ]
