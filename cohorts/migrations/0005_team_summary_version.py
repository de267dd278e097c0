import cohorts.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cohorts', '0004_session_revision'),
    ]

    operations = [
        migrations.AddField(
            model_name='team',
            name='summary_version',
            field=models.BigIntegerField(default=cohorts.models.random_version, editable=False),
        ),
    ]
