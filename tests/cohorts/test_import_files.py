"""Partner schools and bulk invitations read the files people really have."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cohorts.models import Invitation, Organization
from tests.conftest import client_for
from tests.files import xlsx_bytes

pytestmark = pytest.mark.django_db


def schools(roles, data, name="schools.csv"):
    return client_for("site_admin", roles).post(
        reverse("cohorts_school_import"), {"csv_file": SimpleUploadedFile(name, data)}
    )


@pytest.mark.parametrize(
    "data",
    [
        "Name;CDS Code;District\rEscuela Señora;57990039900011;Pine USD\r".encode("cp1252"),
        xlsx_bytes(
            [["name", "cds code", "district"], ["Escuela Señora", "57990039900011", "Pine USD"]]
        ),
    ],
    ids=["mac-cr-semicolon-cp1252", "xlsx"],
)
def test_schools_import_from_excel_files(data, roles):
    response = schools(roles, data)
    assert response.status_code == 200
    assert Organization.objects.get(cds_code="57990039900011").name == "Escuela Señora"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02binary", "not a CSV or Excel file"),
        (b"name,cds,district\nPine,57990039900011,Pine USD,surprise\n", "Row 2: this row has 4"),
    ],
)
def test_bad_school_files_are_refused_with_the_row(data, message, roles):
    before = Organization.objects.count()
    response = schools(roles, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Organization.objects.count() == before


def test_bulk_invitations_read_an_excel_for_mac_file(roles, mailoutbox):
    data = "Email,Name,Role\rana@example.org,Ana Señora,lead\rbo@example.org,Bo,\r"
    response = client_for("facilitator", roles).post(
        reverse("cohorts:bulk_invite", args=["demo-cohort"]),
        {"team": roles["team_b"].pk, "csv_file": SimpleUploadedFile("p.csv", data.encode())},
    )
    assert "2 invitations sent" in response.content.decode()
    assert set(Invitation.objects.values_list("email", "name", "role")) == {
        ("ana@example.org", "Ana Señora", "lead"),
        ("bo@example.org", "Bo", "member"),
    }


def test_the_school_import_page_offers_templates(roles):
    client = client_for("site_admin", roles)
    page = client.get(reverse("cohorts_school_import")).content.decode()
    assert reverse("cohorts_school_template", args=["xlsx"]) in page
    response = client.get(reverse("cohorts_school_template", args=["csv"]))
    assert response.content.decode("utf-8-sig").splitlines()[0] == "name,CDS code,district"
    assert client.get(reverse("cohorts_school_template", args=["exe"])).status_code == 404
