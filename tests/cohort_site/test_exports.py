"""Every spreadsheet the project produces: UTF-8 with BOM, readable headers, no live formula."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cohort_site.admin_exports import SafeSpreadsheetExportMixin
from cohort_site.tabular import FORMULA_START, NUMBER
from cohorts.factories import TeamFactory
from cohorts.models import Organization
from feedback.factories import FeedbackRequestFactory
from feedback.models import Assignment
from improvement.factories import (
    ChangeIdeaFactory,
    ChangePackageEntryFactory,
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
    client = client_for("member_a", roles, reauthenticated=True)
    for kind, header in [("cycles", "Title"), ("measures", "Name"), ("observations", "Measure")]:
        for fmt in ("csv", "xlsx"):
            response = client.get(export_url(f"improvement:export_{kind}", "team-a", fmt))
            rows = cells(response)
            assert header in rows[0]
            assert all("_" not in str(h) for h in rows[0]), rows[0]
    observations = cells(client.get(export_url("improvement:export_observations", "team-a", "csv")))
    assert observations[1][4] == "-3.5"  # a negative number stays a number


def test_change_package_exports_defuse_formulas(roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    idea = ChangeIdeaFactory(project=project, text=EVIL[1], adopted_on=datetime.date(2026, 10, 1))
    ChangePackageEntryFactory(idea=idea, write_up=EVIL[0])
    client = client_for("facilitator", roles)
    for fmt in ("csv", "xlsx"):
        rows = cells(client.get(export_url("improvement:package_export", "demo-cohort", fmt)))
        assert rows[0][0] == "Change idea" and len(rows) == 2


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


def every_alert_kind(roles):
    """Team B gets every alert the dashboard knows: inactivity, no ratified norms by the
    third module, no PDSA cycle by April, and an overdue feedback request."""
    two_alerts(roles)
    today = timezone.localdate()
    roles["cohort"].ends_on = today.replace(year=today.year - 1) if today.month < 4 else today
    roles["cohort"].save()
    overdue = FeedbackRequestFactory(
        team=roles["team_b"], due_on=today - datetime.timedelta(days=3)
    )
    Assignment.objects.create(request=overdue, reviewer=roles["member_a"])


def test_the_dashboard_export_works_with_every_alert_kind(roles):
    every_alert_kind(roles)
    client = client_for("facilitator", roles)
    page = client.get(reverse("cohorts:cohort", args=["demo-cohort"]))
    team_b_alerts = {row.team.slug: row.alerts for row in page.context["rows"]}["team-b"]
    assert len(team_b_alerts) == 4, team_b_alerts
    for fmt in ("csv", "xlsx"):
        response = client.get(export_url("cohorts:cohort_export", "demo-cohort", fmt))
        assert response.status_code == 200
        team_b = next(row for row in cells(response) if row[0] == "Team B")
        assert all(str(alert) in team_b[-1] for alert in team_b_alerts), team_b[-1]


def test_wagtail_reports_defuse_formulas(roles):
    page = home_page_ensure().add_child(instance=FormPageFactory.build(title=EVIL[0], slug="x"))
    page.save_revision(user=roles["site_admin"], log_action=True)
    page.locked, page.locked_by, page.locked_at = True, roles["site_admin"], timezone.now()
    page.save()
    client = client_for("site_admin", roles)
    both(client, "/admin/reports/aging-pages/")  # opens, without a live formula
    for report in ("locked", "site-history"):
        csv_rows, xlsx_rows = both(client, f"/admin/reports/{report}/")
        assert any(EVIL[0] in cell for row in xlsx_rows for cell in map(str, row)), report
        assert any("'" + EVIL[0] in row for row in csv_rows), report


def export_views():
    """Every view in the URL configuration that can write a spreadsheet (Wagtail's mixin)."""

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            else:
                yield getattr(pattern.callback, "view_class", None)

    return {
        view
        for view in walk(get_resolver().url_patterns)
        if view and issubclass(view, SpreadsheetExportMixin)
    }


def test_every_wagtail_export_writes_through_the_one_writer():
    views = export_views()
    assert len(views) > 10  # reports, redirects, listings, our model viewsets
    for view in views:
        assert view.stream_csv is SafeSpreadsheetExportMixin.stream_csv, view
        assert view.write_xlsx is SafeSpreadsheetExportMixin.write_xlsx, view


# The project's own downloads; each is opened by a test above and checked for live formulas.
OPENED_EXPORTS = {
    "cohorts:cohort_export",
    "cohorts:cohort_export_xlsx",
    "improvement:package_export",
    "improvement:package_export_xlsx",
    *(
        f"improvement:export_{kind}{fmt}"
        for kind in ("cycles", "measures", "observations")
        for fmt in ("", "_xlsx")
    ),  # fmt: skip
}
NOT_SPREADSHEETS = {"journals:export"}  # a zip of the author's journal (HTML and JSON)


def test_every_export_url_of_the_project_is_opened_by_a_test():
    def names(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from names(pattern.url_patterns, inner)
            elif pattern.name:
                yield namespace + pattern.name

    exports = {
        name
        for name in names(get_resolver().url_patterns)
        if "export" in name and not name.startswith("wagtail")
    }
    assert exports == OPENED_EXPORTS | NOT_SPREADSHEETS
