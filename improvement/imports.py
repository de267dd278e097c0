"""Imports of observations and of the school data profile, through the one tabular reader.

`*_check` reads and validates a file and saves nothing (the preview); `*_commit` checks again
and writes every row in one transaction with bulk inserts, or nothing.
"""

import datetime
import re
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohort_site.tabular import (
    DB_INT_MAX,
    Column,
    Row,
    TabularError,
    mark_imported,
    read_staged,
    read_table,
    validate_rows,
)
from cohorts.services import team_touch

from . import permissions
from .groups import StudentGroupField
from .models import DataProfileEntry, ImportJob, Indicator, Observation
from .services import build_observation, measure_signals_refresh
from .services.base import _require

STUDENT_LEVEL_HEADER = re.compile(
    r"student.?(id|number|no|name)|^ssid$|^id$|^(first|last|given|family|full).?name$|^name$"
    r"|birth|^dob$|^email$|^address$|^phone",
    re.IGNORECASE,
)
DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%d.%m.%Y"]
PREVIEW_ROWS = 20

OBSERVATION_COLUMNS = (
    Column("date", gettext_lazy("date"), ("day", "fecha", "month"), example="2026-09-01"),
    Column("group", gettext_lazy("group"), ("student group", "grupo", "subgroup"), example="EL"),
    Column("numerator", gettext_lazy("numerator"), ("count", "numerador"), example="12"),
    Column("denominator", gettext_lazy("denominator"), ("total", "denominador"), example="80"),
)
PROFILE_COLUMNS = (
    Column("indicator", gettext_lazy("indicator"), ("indicador", "measure"), example="ela"),
    Column("group", gettext_lazy("group"), ("student group", "grupo", "subgroup"), example="HI"),
    Column("n", gettext_lazy("n"), ("students", "count", "estudiantes"), example="300"),
    Column("value", gettext_lazy("value"), ("valor", "rate", "percent"), example="-12.5"),
)


@dataclass
class ImportReport:
    refused: str = ""
    rows: list[Row] = field(default_factory=list)
    created: int = 0
    encoding: str = ""
    ignored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused and bool(self.rows) and not any(r.problems for r in self.rows)

    @property
    def problems(self) -> list[Row]:
        return [row for row in self.rows if row.problems]

    @property
    def preview(self) -> list[Row]:
        return self.rows[:PREVIEW_ROWS]


def student_level_headers(headers: list[str]) -> str | None:
    personal = [h for h in headers if STUDENT_LEVEL_HEADER.search(h.strip())]
    if not personal:
        return None
    return _(
        "This file looks like student-level records (columns: %(cols)s). Import only "
        "totals per date and student group. Never upload records about individual students."
    ) % {"cols": ", ".join(personal)}


def _read(data: bytes, columns, encoding: str | None) -> tuple[ImportReport, object]:
    report = ImportReport()
    try:
        table = read_table(
            data,
            columns=columns,
            encoding=encoding or None,
            refuse_headers=student_level_headers,
        )
    except TabularError as error:
        report.refused = str(error)
        return report, None
    report.encoding, report.ignored = table.encoding, table.ignored
    return report, table


# --- observations -----------------------------------------------------------------------------


class IntegerCell(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=DB_INT_MAX, **kwargs)


class ObservationRowForm(forms.Form):
    """One row of an observations file; `clean` applies the same rules as a point typed in."""

    date = forms.DateField(input_formats=DATE_FORMATS)
    group = StudentGroupField()
    numerator = IntegerCell()
    denominator = IntegerCell()

    def __init__(self, *args, measure, stored, seen, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure, self.stored, self.seen = measure, stored, seen

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        day, group = data["date"], data["group"]
        try:
            data["observation"] = build_observation(
                self.measure,
                day=day,
                group=group,
                numerator=data["numerator"],
                denominator=data["denominator"],
                stored=self.stored,
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else "numerator", messages)
            return data
        if (day, group) in self.seen:
            self.add_error(
                "date",
                _("This file has two rows for %(group)s on %(day)s (row %(row)s).")
                % {"group": group, "day": day, "row": self.seen[(day, group)]},
            )
        else:
            self.seen[(day, group)] = self.row_number
        return data


def observations_check(
    *, measure, user, data: bytes, encoding: str | None = None, progress=None
) -> ImportReport:
    """Read and validate a file of points; nothing is saved. `report.rows` carry observations."""
    _require(permissions.can_write(user, measure.project.team))
    report, table = _read(data, OBSERVATION_COLUMNS, encoding)
    if report.refused:
        return report
    denominators = [str(row.values.get("denominator", "")).strip() for row in table.rows]
    if len(denominators) >= 5 and all(d in ("1", "1.0") for d in denominators):
        report.refused = _(
            "Every row has a denominator of 1, so this looks like one row per student. "
            "Import totals per date and student group instead."
        )
        return report
    stored = set(Observation.objects.filter(measure=measure).values_list("date", "group"))
    report.rows = validate_rows(
        table, ObservationRowForm, progress=progress, measure=measure, stored=stored, seen={}
    )
    return report


def observations_commit(*, measure, user, data: bytes, encoding=None, progress=None, job=None):
    """Check the file again, then insert every point in one transaction, or none."""
    report = observations_check(
        measure=measure, user=user, data=data, encoding=encoding, progress=progress
    )
    points = [row.cleaned["observation"] for row in report.rows] if report.ok else []

    def write():
        Observation.objects.bulk_create(points, batch_size=2000)
        measure_signals_refresh([measure])

    return _write_all(
        report,
        write,
        team=measure.project.team,
        job=job,
        meanwhile=_(
            "Someone saved points for the same dates and groups meanwhile. Nothing was "
            "imported; check the file again."
        ),
    )


def _write_all(report, write, *, team, job, meanwhile: str) -> ImportReport:
    """Every row of a checked report in one transaction (with the job's DONE), or none."""
    if not report.ok:
        return report
    try:
        with transaction.atomic():
            if job is not None and not job_may_write(job):
                report.refused = _("This import was started again; this run stopped.")
                return report
            write()
            team_touch(team)
            report.created = len(report.rows)
            if job is not None:
                job_finish(job, report)
    except IntegrityError:
        report.refused = meanwhile
        report.created = 0
    return report


# --- school data profile ----------------------------------------------------------------------


class ProfileRowForm(forms.Form):
    indicator = forms.CharField()
    group = StudentGroupField()
    n = forms.IntegerField(min_value=0, max_value=DB_INT_MAX)
    value = forms.FloatField(min_value=-1e9, max_value=1e9)

    def __init__(self, *args, stored, seen, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored, self.seen = stored, seen

    def clean_indicator(self):
        text = self.cleaned_data["indicator"].strip()
        for value, label in Indicator.choices:
            if text.lower() in (value, str(label).lower()):
                return value
        raise ValidationError(
            _("“%(v)s” is not one of %(all)s.") % {"v": text, "all": ", ".join(Indicator.values)}
        )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        key = (data["indicator"], data["group"])
        if key in self.stored or key in self.seen:
            self.add_error(
                "group",
                _("there is already a figure for %(g)s on %(i)s.")
                % {"g": data["group"], "i": data["indicator"]},
            )
        self.seen.add(key)
        return data


def profile_check(
    *, project, user, data: bytes, encoding: str | None = None, progress=None
) -> ImportReport:
    _require(permissions.can_write(user, project.team))
    report, table = _read(data, PROFILE_COLUMNS, encoding)
    if report.refused:
        return report
    stored = set(project.profile_entries.values_list("indicator", "group"))
    report.rows = validate_rows(table, ProfileRowForm, progress=progress, stored=stored, seen=set())
    return report


def profile_commit(*, project, user, data: bytes, encoding=None, progress=None, job=None):
    report = profile_check(
        project=project, user=user, data=data, encoding=encoding, progress=progress
    )
    entries = [
        DataProfileEntry(
            project=project,
            indicator=row.cleaned["indicator"],
            group=row.cleaned["group"],
            n=row.cleaned["n"],
            value=row.cleaned["value"],
        )
        for row in report.rows
        if report.ok
    ]
    return _write_all(
        report,
        lambda: DataProfileEntry.objects.bulk_create(entries, batch_size=2000),
        team=project.team,
        job=job,
        meanwhile=_("Someone saved figures meanwhile. Nothing was imported; try again."),
    )


# --- large imports in the task queue ----------------------------------------------------------

MAX_JOB_PROBLEMS = 500  # rows with problems kept for the progress page


@task
def run_import_job(job_id: str, attempt: int) -> None:
    """The queued half of a large import, run by `manage.py db_worker` in production."""
    run_job(job_id, attempt)


def job_enqueue(*, kind, project, user, staged_file: str, rows: int, encoding="", measure=None):
    """Queue a confirmed import once: confirming the same file again returns the same job."""
    _require(permissions.can_write(user, project.team))
    existing = ImportJob.objects.filter(staged_file=staged_file).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = ImportJob.objects.create(
                kind=kind,
                project=project,
                measure=measure,
                started_by=user,
                staged_file=staged_file,
                encoding=encoding or "",
                rows_total=rows,
            )
            # Queued in the same transaction: the job and its task are stored together.
            run_import_job.enqueue(str(job.pk), job.attempt)
    except IntegrityError:  # the same file confirmed at the same moment by a second request
        return ImportJob.objects.get(staged_file=staged_file)
    return ImportJob.objects.get(pk=job.pk)


def job_retry(*, job: ImportJob, user) -> bool:
    """Start a failed (or stalled) job again; False when it is not failed (nothing to do)."""
    _require(permissions.can_write(user, job.project.team))
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.IMPORT_JOB_STALL_SECONDS)
    failed = Q(status=ImportJob.Status.FAILED) | Q(
        status=ImportJob.Status.RUNNING, updated_at__lt=cutoff
    )
    with transaction.atomic():
        retried = ImportJob.objects.filter(failed, pk=job.pk, attempt=job.attempt).update(
            status=ImportJob.Status.QUEUED,
            attempt=F("attempt") + 1,
            rows_done=0,
            refused="",
            problems=[],
            updated_at=timezone.now(),
        )
        if retried:
            run_import_job.enqueue(str(job.pk), job.attempt + 1)
    return bool(retried)


def job_may_write(job: ImportJob) -> bool:
    """Inside the write transaction: this run still owns the job (no retry replaced it)."""
    current = ImportJob.objects.select_for_update().filter(pk=job.pk).first()
    return (
        current is not None
        and current.attempt == job.attempt
        and current.status == ImportJob.Status.RUNNING
    )


def job_finish(job: ImportJob, report: ImportReport) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.DONE,
        rows_done=len(report.rows),
        created=report.created,
        updated_at=timezone.now(),
    )


def run_job(job_id: str, attempt: int) -> None:
    """The task's body: claim the job, check every row (reporting progress), write or refuse."""
    claimed = ImportJob.objects.filter(
        pk=job_id, attempt=attempt, status=ImportJob.Status.QUEUED
    ).update(status=ImportJob.Status.RUNNING, updated_at=timezone.now())
    if not claimed:
        return  # delivered twice, or a retry replaced this run
    job = ImportJob.objects.select_related("project__team", "measure", "started_by").get(pk=job_id)
    this_run = ImportJob.objects.filter(pk=job.pk, attempt=attempt)

    def progress(rows_done: int) -> None:
        this_run.update(rows_done=rows_done, updated_at=timezone.now())

    try:
        data = read_staged(job.staged_file)
        options = {
            "user": job.started_by,
            "data": data,
            "encoding": job.encoding or None,
            "progress": progress,
            "job": job,
        }
        if job.kind == ImportJob.Kind.OBSERVATIONS:
            report = observations_commit(measure=job.measure, **options)
        else:
            report = profile_commit(project=job.project, **options)
    except (TabularError, PermissionDenied) as error:
        report = ImportReport(refused=str(error) or _("You can no longer import into this team."))
    except Exception:
        this_run.update(status=ImportJob.Status.FAILED, updated_at=timezone.now())
        raise
    if report.created:
        mark_imported(job.staged_file)
        return
    this_run.filter(status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.REFUSED,
        rows_done=len(report.rows),
        refused=report.refused,
        problems=[[row.number, row.problems] for row in report.problems[:MAX_JOB_PROBLEMS]],
        updated_at=timezone.now(),
    )
