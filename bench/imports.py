"""Time observation imports of 5,000 and 50,000 rows (preview, then commit) on a fresh database.

Run: `make bench` (SQLite), or with DATABASE_URL set for PostgreSQL. Timings are printed, never
asserted in tests.
"""

import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohort_site.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

GROUPS = ["ALL", "AA", "AI", "AS", "FI", "HI", "PI", "WH", "MR", "EL"]


def observation_file(rows: int) -> bytes:
    lines = ["date,group,numerator,denominator"]
    start = datetime.date(2013, 1, 1)
    for i in range(rows):
        day = start + datetime.timedelta(days=i // len(GROUPS))
        lines.append(f"{day.isoformat()},{GROUPS[i % len(GROUPS)]},{i % 50},{50 + i % 7}")
    return ("\n".join(lines) + "\n").encode()


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from cohorts.factories import MembershipFactory
        from improvement.factories import ImprovementProjectFactory, MeasureFactory
        from improvement.imports import observations_check, observations_commit
        from improvement.models import Observation

        membership = MembershipFactory()
        project = ImprovementProjectFactory(
            team=membership.team, data_from=datetime.date(2013, 1, 1)
        )
        for rows in (5_000, 50_000):
            measure = MeasureFactory(project=project, groups=["ALL"])
            data = observation_file(rows)
            started = time.perf_counter()
            report = observations_check(measure=measure, user=membership.user, data=data)
            checked = time.perf_counter()
            assert report.ok, report.refused or report.problems[:3]
            report = observations_commit(measure=measure, user=membership.user, data=data)
            done = time.perf_counter()
            assert report.created == rows == Observation.objects.filter(measure=measure).count()
            print(
                f"{connection.vendor}: {rows:>6,} rows ({len(data) / 1e6:.1f} MB): "
                f"preview {checked - started:.2f} s, commit (checks again, then inserts) "
                f"{done - checked:.2f} s"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
