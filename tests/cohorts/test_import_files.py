"""Partner schools and bulk invitations read the files people really have."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from cohorts.models import Invitation, Organization
from notifications.models import OutgoingEmail
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


def bulk_upload(roles, data: bytes, name="people.csv", client=None):
    return (client or client_for("facilitator", roles)).post(
        reverse("cohorts:bulk_invite", args=["demo-cohort"]),
        {"team": roles["team_b"].pk, "csv_file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"name,role\nAna,lead\n", "The file needs the columns email"),
        (b"\x00\x01\x02\x03binary\xff", "not a CSV or Excel file"),
        (b"email,name\n" + b"a" * 1_000_001, "larger than"),
        (b"email,name,role\nana@example.org,Ana,lead\nnot-an-email,Bo,\n", "is not an email"),
        (b"email,role\nana@example.org,chief\n", "Role must be"),
        (b"email\nana@example.org\nANA@example.org\n", "appears twice"),
        (b"email,name\nana@example.org,Ana,extra\n", "Row 2: this row has 3 cells"),
    ],
)
def test_a_refused_invitation_file_answers_400_and_stores_nothing(roles, data, message):
    response = bulk_upload(roles, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Invitation.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_an_address_already_on_the_team_or_invited_is_refused_by_row(roles):
    Invitation.objects.create(team=roles["team_b"], email="open@example.org")
    data = f"email\nok@example.org\n{roles['member_b'].email.upper()}\nOpen@example.org\n"
    response = bulk_upload(roles, data.encode())
    body = response.content.decode()
    assert response.status_code == 400
    assert "already on this team" in body
    assert "already has an open invitation" in body
    assert Invitation.objects.count() == 1


def test_the_bulk_invitation_page_lists_the_columns_and_offers_templates(roles):
    client = client_for("facilitator", roles)
    page = client.get(reverse("cohorts:bulk_invite", args=["demo-cohort"])).content.decode()
    for fmt in ("csv", "xlsx"):
        assert reverse("cohorts:bulk_invite_template", args=["demo-cohort", fmt]) in page
    assert "correo electrónico" in page  # the accepted aliases are listed
    csv_template = client.get(reverse("cohorts:bulk_invite_template", args=["demo-cohort", "csv"]))
    assert csv_template.content.decode("utf-8-sig").splitlines()[0] == "email,name,role"
    xlsx = client.get(reverse("cohorts:bulk_invite_template", args=["demo-cohort", "xlsx"]))
    assert xlsx.content.startswith(b"PK")


def invite_many(roles, count, django_assert_max_num_queries, limit):
    lines = "".join(f"person{i}@example.org,Person {i},member\n" for i in range(count))
    client = client_for("facilitator", roles)
    with django_assert_max_num_queries(limit):
        response = bulk_upload(roles, ("email,name,role\n" + lines).encode(), client=client)
    assert f"{count} invitations sent" in response.content.decode()
    assert Invitation.objects.filter(team=roles["team_b"]).count() == count


def test_bulk_invitations_take_the_same_queries_for_2_or_60_people(
    roles, django_assert_max_num_queries
):
    account = UserFactory(email="Person1@example.org")  # told on the site as well
    invite_many(roles, 2, django_assert_max_num_queries, 25)
    Invitation.objects.all().delete()
    OutgoingEmail.objects.all().delete()
    invite_many(roles, 60, django_assert_max_num_queries, 25)
    assert OutgoingEmail.objects.filter(to__startswith="person").count() == 60
    assert OutgoingEmail.objects.get(to="person1@example.org").user == account
    assert account.notifications.filter(kind="invited").count() == 2
