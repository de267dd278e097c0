"""A team member imports a large file: the task queue runs it while a progress page follows."""

import datetime

import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import ImprovementProjectFactory, MeasureFactory
from improvement.imports import run_job
from improvement.models import ImportJob, Observation

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = 12


def points_file() -> bytes:
    start = datetime.date(2025, 9, 1)
    lines = ["date,group,numerator,denominator"] + [
        f"{start + datetime.timedelta(days=7 * i)},English learners,{10 + i},80"
        for i in range(ROWS)
    ]
    return ("\n".join(lines) + "\n").encode()


def test_a_large_import_shows_its_progress_then_the_result(page, site, password, settings):
    # The real threshold is 5,000 rows; the journey is the same with a lower one. The dummy
    # backend keeps the task waiting, as a busy worker would, and the test then plays the worker.
    settings.IMPORT_QUEUE_ROWS = 10
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, role="member", user__email="member@example.org")
    project = ImprovementProjectFactory(team=team, data_from=datetime.date(2025, 1, 1))
    measure = MeasureFactory(project=project, name="Chronic absenteeism", groups=["ALL", "EL"])

    log_in(page, "member@example.org", password)
    page.goto(f"/teams/team-a/improvement/measures/{measure.pk}/import/")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": points_file()}],
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name=f"Import {ROWS} rows").click()

    # The progress page: waiting, nothing saved yet, a progress bar and a refresh link.
    assert page.get_by_role("heading", name="Waiting for its turn").is_visible()
    assert page.get_by_text(f"0 of {ROWS} rows checked").is_visible()
    assert page.locator("progress").get_attribute("max") == str(ROWS)
    assert page.get_by_role("link", name="Refresh").is_visible()
    assert not Observation.objects.filter(measure=measure).exists()

    # The worker runs the task; htmx polling shows the result without a reload.
    job = ImportJob.objects.get()
    run_job(str(job.pk), job.attempt)
    page.get_by_text(f"Imported {ROWS} rows.").wait_for()
    assert Observation.objects.filter(measure=measure, group="EL").count() == ROWS
    page.get_by_role("link", name="See the imported data").click()
    assert page.get_by_role("heading", name="Chronic absenteeism").first.is_visible()
