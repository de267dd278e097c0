"""Observation and data-profile imports with the files people really have: preview, then commit."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Observation
from tests.conftest import client_for
from tests.files import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["date", "group", "numerator", "denominator"]


def csv_bytes(rows, *, newline="\n", delimiter=",", encoding="utf-8"):
    return (newline.join(delimiter.join(r) for r in [HEADER, *rows]) + newline).encode(encoding)


def xlsx_file(rows):
    return xlsx_bytes([HEADER, *rows])


def check(roles, measure, data, name="points.csv", **extra):
    return client_for("member_a", roles).post(
        reverse("improvement:import", args=["team-a", measure.pk]),
        {"file": SimpleUploadedFile(name, data), **extra},
    )


def commit(roles, measure, token):
    return client_for("member_a", roles).post(
        reverse("improvement:import", args=["team-a", measure.pk]), {"token": token}
    )


def el_points(measure):
    return list(
        Observation.objects.filter(measure=measure, group="EL")
        .order_by("date")
        .values_list("date", "numerator", "denominator")
    )


ROWS = [["2026-09-01", "English learners", "12", "80"], ["2026-10-01", "EL", "10", "82"]]
EXPECTED = [(datetime.date(2026, 9, 1), 12, 80), (datetime.date(2026, 10, 1), 10, 82)]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (csv_bytes(ROWS, newline="\r"), "mac.csv"),
        (csv_bytes(ROWS, newline="\r\n"), "windows.csv"),
        (csv_bytes(ROWS, delimiter=";"), "semicolon.csv"),
        (csv_bytes(ROWS, encoding="utf-16"), "utf16.csv"),
        (
            csv_bytes(
                [[d, "Estudiantes del idioma inglés", n, den] for d, _g, n, den in ROWS],
                encoding="latin-1",
            ),
            "latin1.csv",
        ),  # fmt: skip
        (
            xlsx_file(
                [
                    [datetime.datetime(2026, 9, 1), "el", 12, 80],
                    ["10/01/2026", "English Learners", 10, 82],
                ]
            ),
            "points.xlsx",
        ),  # fmt: skip
    ],
    ids=["excel-mac-cr", "crlf", "semicolon", "utf16", "latin1-spanish", "xlsx"],
)
def test_real_files_preview_then_import(data, name, roles, project):
    measure = project["measure"]
    preview = check(roles, measure, data, name)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Ready to import 2 rows" in html
    assert el_points(measure) == []  # nothing saved before the person confirms
    response = commit(roles, measure, preview.context["token"])
    assert response.status_code == 302
    assert el_points(measure) == EXPECTED


def test_a_latin1_file_keeps_its_accents(roles, project):
    project["project"].problem = ""
    data = "indicator,group,n,value\nela,Hispano,300,-12.5\nmath,señora,10,1\n".encode("latin-1")
    response = client_for("member_a", roles).post(
        reverse("improvement:profile_import", args=["team-a"]),
        {"file": SimpleUploadedFile("profile.csv", data)},
    )
    assert response.status_code == 400
    assert "“señora” is not a student group" in response.content.decode()
    assert not project["project"].profile_entries.exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["2026-09-01", "EL", "12", "3000000000"]], "Row 2, column “denominator”: Ensure this value is less than or equal to 2147483647."),  # noqa: E501
        ([["2026-13-45", "EL", "12", "80"]], "Row 2, column “date”: Enter a valid date."),
        ([["2031-09-01", "EL", "12", "80"]], "outside the project"),
        ([["2026-09-01", "Martians", "12", "80"]], "Row 2, column “group”: “Martians” is not a student group"),  # noqa: E501
        ([["2026-09-01", "EL", "12", "80", "extra"]], "Row 2: this row has 5 cells"),
        ([["2026-09-01", "EL", "12"]], "Row 2, column “denominator”: the cell is missing."),
        ([["2026-09-01", "EL", "12", "80"], ["2026-09-01", "English learners", "1", "80"]],
         "Row 3, column “date”: This file has two rows for EL on 2026-09-01 (row 2)."),
        ([["2024-09-01", "All students", "5", "80"]], "already a point for ALL on 2024-09-01"),
    ],
)  # fmt: skip
def test_bad_rows_name_row_and_column_and_store_nothing(rows, message, roles, project):
    measure = project["measure"]
    before = Observation.objects.count()
    response = check(roles, measure, csv_bytes(rows))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Observation.objects.count() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not a CSV or Excel file"),
        (b"when,who\n2026-09-01,EL\n", "missing: date, group, numerator, denominator"),
        (b"student_id,date,group,numerator,denominator\n1,2026-09-01,EL,1,1\n", "student-level"),
        (b"Student Name,Birth Date,score\nAna,2015-01-02,3\n", "student-level"),
    ],
)
def test_files_that_cannot_be_imported_are_refused(data, message, roles, project):
    response = check(roles, project["measure"], data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_stale_or_foreign_token_imports_nothing(roles, project):
    measure = project["measure"]
    preview = check(roles, measure, csv_bytes(ROWS))
    token = preview.context["token"]
    other = client_for("lead_a", roles).post(
        reverse("improvement:import", args=["team-a", measure.pk]), {"token": token}
    )
    assert other.status_code == 400
    assert "Upload the file again" in other.content.decode()
    assert commit(roles, measure, token + "x").status_code == 400
    assert el_points(measure) == []


@pytest.mark.parametrize(
    ("queue_from", "max_queries"),
    [(10_000, 30), (5_000, 50)],  # in the request; in the task queue (the default threshold)
    ids=["in-the-request", "in-the-task-queue"],
)
def test_five_thousand_rows_commit_in_a_few_queries(
    queue_from, max_queries, roles, project, django_assert_max_num_queries, settings
):
    settings.IMPORT_QUEUE_ROWS = queue_from
    measure = project["measure"]
    days = [datetime.date(2024, 7, 1) + datetime.timedelta(days=i) for i in range(1000)]
    groups = ["EL", "SED", "SWD", "AA", "WH"]
    rows = [[d.isoformat(), g, "5", "50"] for d in days for g in groups]
    assert len(rows) == 5000
    client = client_for("member_a", roles)
    url = reverse("improvement:import", args=["team-a", measure.pk])
    preview = client.post(url, {"file": SimpleUploadedFile("big.csv", csv_bytes(rows))})
    assert preview.status_code == 200
    with django_assert_max_num_queries(max_queries):
        response = client.post(url, {"token": preview.context["token"]})
    assert response.status_code == 302
    assert ("/imports/" in response.url) == (queue_from == 5_000)
    assert Observation.objects.filter(measure=measure, group="SED").count() == 1000


def test_the_templates_download_with_every_column(roles, project):
    client = client_for("member_a", roles)
    response = client.get(
        reverse("improvement:import_template", args=["team-a", project["measure"].pk, "csv"])
    )
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "date,group,numerator,denominator"
    response = client.get(
        reverse("improvement:import_template", args=["team-a", project["measure"].pk, "xlsx"])
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_import_page_lists_every_group_in_english_and_spanish(roles, project):
    html = (
        client_for("member_a", roles)
        .get(reverse("improvement:import", args=["team-a", project["measure"].pk]))
        .content.decode()
    )
    for word in ["LTEL", "Students with disabilities", "Estudiantes del idioma inglés", "Latino",
                 "Hispanic", "Homeless youth", "template (CSV)", "template (Excel)"]:  # fmt: skip
        assert word in html


def test_the_person_may_choose_the_encoding(roles, project):
    measure = project["measure"]
    data = csv_bytes(
        [["2026-09-01", "Estudiantes del idioma inglés", "12", "80"]], encoding="cp1252"
    )
    refused = check(roles, measure, data, encoding="utf-8")
    assert refused.status_code == 400
    assert "cannot be read as UTF-8" in refused.content.decode()
    assert check(roles, measure, data, encoding="cp1252").status_code == 200
