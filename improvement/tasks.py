"""Background work of the improvement workspace, run by `manage.py db_worker` in production."""

from django.tasks import task


@task
def run_import_job(job_id: str, attempt: int) -> None:
    from .imports import run_job

    run_job(job_id, attempt)
