"""Large imports run in the task queue: the person follows a progress page to the result.

The test settings run tasks at once (the immediate backend), so a confirmed import is done when
the redirect arrives; the dummy backend keeps a task queued to show the waiting states.
"""

import datetime
from unittest import mock

import pytest

from django.tasks import default_task_backend
from django.urls import reverse
from django.utils import timezone

from improvement.imports import observations_commit, run_job
from improvement.models import DataProfileEntry, ImportJob, Observation
from tests.conftest import client_for
from tests.improvement.test_import_files import check, commit, csv_bytes

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
ROWS = [[f"2026-{month:02d}-01", "EL", "10", "80"] for month in range(9, 13)]


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.IMPORT_QUEUE_ROWS = 3  # the real threshold is 5,000 rows: same path, smaller files


def el_count(measure):
    return Observation.objects.filter(measure=measure, group="EL").count()


def confirm(roles, measure, rows=ROWS):
    checked = check(roles, measure, csv_bytes(rows))
    assert checked.status_code == 200, checked.content.decode()
    return commit(roles, measure, checked.context["token"])


def test_a_large_import_runs_as_a_task_and_the_page_shows_the_result(roles, project):
    measure = project["measure"]
    response = confirm(roles, measure)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("improvement:import_job", args=["team-a", job.pk])
    page = client_for("member_a", roles).get(response.url)
    assert page.status_code == 200
    assert "Imported 4 rows." in page.content.decode()
    assert "refresh" not in page.content.decode()  # finished: no more reloading
    assert el_count(measure) == 4
    assert (job.status, job.rows_total, job.created) == ("done", 4, 4)


def test_a_large_profile_import_runs_as_a_task_too(roles, project):
    client = client_for("member_a", roles)
    url = reverse("improvement:profile_import", args=["team-a"])
    lines = "indicator,group,n,value\n" + "".join(
        f"ela,{group},300,-12.5\n" for group in ("ALL", "HI", "EL", "SED")
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    checked = client.post(url, {"file": SimpleUploadedFile("p.csv", lines.encode())})
    response = client.post(url, {"token": checked.context["token"]})
    assert response.url == ImportJob.objects.get().get_absolute_url()
    assert DataProfileEntry.objects.filter(project=project["project"]).count() == 4


def test_a_small_import_still_commits_in_the_request(roles, project):
    response = confirm(roles, project["measure"], ROWS[:2])
    assert response.url == project["measure"].get_absolute_url()
    assert not ImportJob.objects.exists()
    assert el_count(project["measure"]) == 2


def test_confirming_twice_queues_one_task_and_the_page_refreshes_without_javascript(
    roles, project, settings
):
    settings.TASKS = DUMMY_TASKS
    measure = project["measure"]
    checked = check(roles, measure, csv_bytes(ROWS))
    first = commit(roles, measure, checked.context["token"])
    second = commit(roles, measure, checked.context["token"])
    assert first.url == second.url
    assert ImportJob.objects.count() == 1
    assert len(default_task_backend.results) == 1
    page = client_for("member_a", roles).get(first.url)
    html = page.content.decode()
    assert "0 of 4 rows checked" in html
    assert '<noscript><meta http-equiv="refresh"' in html
    assert 'hx-trigger="every 2s"' in html
    assert f'href="{first.url}"' in html  # a refresh link too
    assert el_count(measure) == 0


def test_the_progress_page_counts_the_rows_checked_and_htmx_gets_only_the_progress(
    roles, project, settings
):
    settings.TASKS = DUMMY_TASKS
    url = confirm(roles, project["measure"]).url
    ImportJob.objects.update(status="running", rows_done=2)
    client = client_for("member_a", roles)
    assert "2 of 4 rows checked" in client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section id="import-progress"')
    assert "2 of 4 rows checked" in partial


def test_rows_that_became_duplicates_meanwhile_are_listed_and_nothing_is_saved(
    roles, project, settings
):
    settings.TASKS = DUMMY_TASKS
    measure = project["measure"]
    url = confirm(roles, measure).url
    Observation.objects.create(
        measure=measure, date=datetime.date(2026, 10, 1), group="EL", value=10, n=80
    )
    job = ImportJob.objects.get()
    run_job(str(job.pk), job.attempt)
    job.refresh_from_db()
    assert job.status == "refused"
    assert el_count(measure) == 1
    page = client_for("member_a", roles).get(url).content.decode()
    assert "Nothing was imported" in page
    assert "Row 3" in page  # the row of 2026-10-01, the header being row 1


def test_a_worker_dying_mid_import_leaves_nothing_and_the_page_offers_a_retry(roles, project):
    measure = project["measure"]
    with mock.patch("improvement.imports.team_touch", side_effect=RuntimeError("worker died")):
        url = confirm(roles, measure).url  # the rows are inserted, then the run breaks
    assert el_count(measure) == 0
    assert ImportJob.objects.get().status == "failed"
    client = client_for("member_a", roles)
    page = client.get(url).content.decode()
    assert "The import failed" in page
    assert "Try the import again" in page
    assert client.post(url).status_code == 302
    job = ImportJob.objects.get()
    assert (job.status, job.attempt) == ("done", 2)
    assert el_count(measure) == 4


def test_a_run_that_went_silent_counts_as_failed_and_its_late_wake_up_writes_nothing(
    roles, project, settings
):
    settings.TASKS = DUMMY_TASKS
    measure = project["measure"]
    url = confirm(roles, measure).url
    # A worker claimed the job, checked a row, then its process was killed.
    silent = timezone.now() - datetime.timedelta(seconds=settings.IMPORT_JOB_STALL_SECONDS + 1)
    ImportJob.objects.update(status="running", rows_done=1, updated_at=silent)
    old_run = ImportJob.objects.get()
    client = client_for("member_a", roles)
    assert "The import failed" in client.get(url).content.decode()
    client.post(url)
    job = ImportJob.objects.get()
    assert (job.status, job.attempt) == ("queued", 2)
    assert len(default_task_backend.results) == 2
    # The old worker was only slow: it reaches its write after the retry and writes nothing.
    ImportJob.objects.update(status="running")
    late = observations_commit(
        measure=measure, user=roles["member_a"], data=csv_bytes(ROWS), job=old_run
    )
    assert late.refused and el_count(measure) == 0
    ImportJob.objects.update(status="queued")
    run_job(str(job.pk), 1)  # nor may the old attempt claim it again
    assert ImportJob.objects.get().status == "queued"
    run_job(str(job.pk), 2)
    assert el_count(measure) == 4
    client.post(url)  # retrying a finished job does nothing
    assert ImportJob.objects.get().attempt == 2


def test_a_running_job_cannot_be_retried(roles, project, settings):
    settings.TASKS = DUMMY_TASKS
    url = confirm(roles, project["measure"]).url
    ImportJob.objects.update(status="running")
    client_for("member_a", roles).post(url)
    assert ImportJob.objects.get().attempt == 1
    assert len(default_task_backend.results) == 1
