"""Every spreadsheet the project produces: UTF-8 with BOM, readable headers, no live formula."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse
from django.utils import timezone

from cohort_site.tabular import FORMULA_START, NUMBER
from cohorts.factories import TeamFactory
from cohorts.models import Organization
from improvement.factories import (
    ChangeIdeaFactory,
    ImprovementProjectFactory,
    MeasureFactory,
    PDSACycleFactory,
)
from improvement.models import Observation
from programs.demo import PARTNERSHIP_FIELDS, _form_fields
from programs.factories import FormPageFactory, ModulePageFactory, ProgramPageFactory
from programs.models import FormPage
from programs.services import home_page_ensure
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

EVIL = ['=HYPERLINK("http://evil.example","click")', "@SUM(A1:A9)", "+cmd|' /C calc'!A0",
        "-1+2", "\t=1+1", "\r=1+1", "  =2+2"]  # fmt: skip


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def cells(response) -> list[list]:
    """The cells of a CSV or XLSX download, checked for a BOM and for live formulas."""
    data = content(response)
    if response["Content-Type"].startswith("text/csv"):
        assert data.startswith(b"\xef\xbb\xbf"), "CSV exports start with the UTF-8 BOM"
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        for row in rows:
            for cell in row:
                stripped = cell.lstrip(" ")
                assert not (
                    stripped.startswith(FORMULA_START) and not NUMBER.fullmatch(stripped.strip())
                ), f"live formula in CSV: {cell!r}"
        return rows
    workbook = load_workbook(io.BytesIO(data))
    rows = []
    for row in workbook.active.iter_rows():
        assert all(c.data_type != "f" for c in row), "live formula in XLSX"
        rows.append([c.value for c in row])
    return rows


def export_url(name, slug, fmt):
    """Each export has a CSV address and an XLSX one beside it."""
    return reverse(name if fmt == "csv" else f"{name}_xlsx", args=[slug])


def both(client, url, **params):
    """The CSV and the XLSX of one export."""
    return [cells(client.get(url, {**params, "export": fmt})) for fmt in ("csv", "xlsx")]


def two_alerts(roles):
    """Team B: no activity for 30 days and no ratified norms by the third module."""
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    for number in (1, 2, 3):
        ModulePageFactory(parent=program, number=number, month=datetime.date(2025, 9, 1),
                          slug=f"m{number}")  # fmt: skip
    roles["cohort"].program = program
    roles["cohort"].save()


def test_the_dashboard_export_works_with_two_alerts_and_defuses_formulas(roles):
    two_alerts(roles)
    TeamFactory(cohort=roles["cohort"], name=EVIL[0], slug="formula")
    client = client_for("facilitator", roles)
    for fmt in ("csv", "xlsx"):
        response = client.get(export_url("cohorts:cohort_export", "demo-cohort", fmt))
        assert response.status_code == 200
        rows = cells(response)
        assert rows[0][:3] == ["Team", "Partner", "Members"]
        team_b = next(row for row in rows if row[0] == "Team B")
        assert "No activity for 30 days" in team_b[-1]
        assert "No ratified norms by the third module" in team_b[-1]


def test_improvement_exports_have_readable_headers_and_no_formula(roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    idea = ChangeIdeaFactory(project=project, text=EVIL[2])
    PDSACycleFactory(project=project, change_idea=idea, title=EVIL[0], objective=EVIL[4])
    measure = MeasureFactory(project=project, name=EVIL[1], owner=EVIL[5], groups=["ALL"])
    Observation.objects.create(measure=measure, date=datetime.date(2026, 9, 1), group="ALL",
                               value=-3.5, n=200)  # fmt: skip
    client = client_for("member_a", roles)
    for kind, header in [("cycles", "Title"), ("measures", "Name"), ("observations", "Measure")]:
        for fmt in ("csv", "xlsx"):
            response = client.get(export_url(f"improvement:export_{kind}", "team-a", fmt))
            rows = cells(response)
            assert header in rows[0]
            assert all("_" not in str(h) for h in rows[0]), rows[0]
    observations = cells(client.get(export_url("improvement:export_observations", "team-a", "csv")))
    assert observations[1][4] == "-3.5"  # a negative number stays a number


def test_wagtail_admin_exports_defuse_formulas(roles):
    Organization.objects.create(name=EVIL[0], kind=Organization.Kind.SCHOOL,
                                cds_code="57990039900011")  # fmt: skip
    TeamFactory(cohort=roles["cohort"], name=EVIL[3], slug="formula")
    client = client_for("site_admin", roles)
    for model in ("organization", "cohort", "team"):
        for rows in both(client, f"/admin/{model}/"):
            assert len(rows) > 1


def test_form_submission_exports_defuse_formulas(roles):
    page = FormPageFactory(parent=home_page_ensure(), slug="partnership-proposal")
    page.form_fields = _form_fields(PARTNERSHIP_FIELDS)
    page.save()
    page = FormPage.objects.get(pk=page.pk)
    page.get_submission_class().objects.create(
        page=page, form_data={"district": EVIL[0], "school": EVIL[2], "contact_name": EVIL[6]},
        submit_time=timezone.now(),
    )  # fmt: skip
    client = client_for("site_admin", roles)
    csv_rows, xlsx_rows = both(client, reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert "'" + EVIL[0] in csv_rows[1]
    assert EVIL[0] in xlsx_rows[1]
