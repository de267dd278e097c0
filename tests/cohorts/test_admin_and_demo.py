import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cohorts.factories import SchoolFactory, TeamFactory
from cohorts.models import Cohort, Membership, Organization, Team
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["organization", "cohort", "team"])
def test_site_admin_lists_and_exports_cohort_models_as_csv(roles, model):
    client = client_for("site_admin", roles)
    TeamFactory(name="Exported team", cohort=roles["cohort"])
    listing = client.get(f"/admin/{model}/")
    assert listing.status_code == 200
    export = client.get(f"/admin/{model}/?export=csv")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    rows = b"".join(export.streaming_content).decode().strip().splitlines()
    assert len(rows) > 1


def test_members_cannot_open_the_admin_viewsets(roles):
    response = client_for("member_a", roles).get("/admin/team/")
    assert response.status_code in (302, 403)


def upload(client, text, good_rows=False):
    data = {"csv_file": SimpleUploadedFile("schools.csv", text.encode(), content_type="text/csv")}
    if good_rows:
        data["import_good_rows"] = "on"
    return client.post(reverse("cohorts_school_import"), data)


def test_school_import_applies_nothing_when_a_row_is_bad(roles):
    client = client_for("site_admin", roles)
    before = Organization.objects.count()
    response = upload(
        client, "name,cds,district\nPine School,57990039900011,Pine USD\nBad School,123,Pine USD\n"
    )
    assert "is not a 14-digit CDS code" in response.content.decode()
    assert Organization.objects.count() == before


def test_school_import_creates_schools_under_their_district(roles):
    client = client_for("site_admin", roles)
    upload(client, "Pine School,57990039900011,Pine USD\nBad,1,Pine USD\n", good_rows=True)
    school = Organization.objects.get(cds_code="57990039900011")
    assert school.parent.name == "Pine USD"
    assert school.parent.cds_code == "57990030000000"
    assert not Organization.objects.filter(name="Bad").exists()


def test_school_import_needs_permission(roles):
    response = client_for("facilitator", roles).get(reverse("cohorts_school_import"))
    assert response.status_code in (302, 403)


def test_seed_builds_the_demo_cohort_that_each_account_can_browse():
    call_command("seed_demo", "--password", "pw-demo-123", verbosity=0)
    demo = Cohort.objects.get(slug="cohort-a-2026-27")
    teams = Team.objects.filter(cohort=demo).with_member_counts()
    assert teams.count() >= 4
    assert all(4 <= team.member_count <= 7 for team in teams)
    assert all(team.organization.parent is not None for team in teams)
    team_a = Membership.objects.get(user__email="lead@example.org").team
    assert Membership.objects.get(user__email="member@example.org").team == team_a
    assert Membership.objects.get(user__email="peer@example.org").team.cohort == demo
    assert demo.sessions.count() >= 9
    expectations = {
        "member@example.org": {team_a.get_absolute_url(): 200, demo.get_absolute_url(): 404},
        "facilitator@example.org": {team_a.get_absolute_url(): 200, demo.get_absolute_url(): 200},
        "facilitator2@example.org": {team_a.get_absolute_url(): 404, demo.get_absolute_url(): 404},
        "peer@example.org": {team_a.get_absolute_url(): 404},
        "admin@example.org": {demo.get_absolute_url(): 200},
    }
    for email, pages in expectations.items():
        client = Client()
        assert (
            client.post("/accounts/login/", {"login": email, "password": "pw-demo-123"}).status_code
            == 302
        )
        for url, status in pages.items():
            assert client.get(url).status_code == status, (email, url)
    call_command("seed_demo", "--password", "pw-demo-123", verbosity=0)
    assert Team.objects.filter(cohort=demo).count() == teams.count()
    assert SchoolFactory._meta.model.objects.filter(kind="school").count() == 7


def test_the_cohort_form_offers_only_people_who_may_facilitate(roles):
    response = client_for("site_admin", roles).get("/admin/cohort/new/")
    assert response.status_code == 200
    field = response.context["form"].fields["facilitators"]
    offered = set(field.queryset.values_list("email", flat=True))
    assert {"facilitator@example.org", "facilitator2@example.org"} <= offered
    assert "admin@example.org" in offered
    assert offered.isdisjoint({"member@example.org", "lead@example.org", "peer@example.org"})


def schools_csv(count, start=0):
    lines = ["name,cds,district"]
    for n in range(start, start + count):
        district = 1 + n % 7
        lines.append(f"School {n},{57 + district:02d}{district:05d}{n + 1:07d},District {district}")
    return "\n".join(lines) + "\n"


def test_school_import_takes_the_same_queries_for_5_or_600_schools(
    roles, django_assert_max_num_queries
):
    client = client_for("site_admin", roles)
    with django_assert_max_num_queries(40):
        upload(client, schools_csv(5))
    with django_assert_max_num_queries(40):
        response = upload(client, schools_csv(600, start=5))
    assert response.status_code == 200
    assert Organization.objects.filter(kind="school", name__startswith="School ").count() == 605
    assert Organization.objects.filter(kind="district", name__startswith="District ").count() == 7


def test_school_import_updates_schools_it_knows_and_keeps_their_districts_names(roles):
    client = client_for("site_admin", roles)
    upload(client, "Pine School,57990039900011,Pine USD\n")
    upload(client, "Pine Middle School,57990039900011,Pine Unified\nOak School,57990039900029,\n")
    pine = Organization.objects.get(cds_code="57990039900011")
    assert pine.name == "Pine Middle School"
    assert pine.parent.name == "Pine USD", "an existing district keeps its name"
    assert Organization.objects.filter(cds_code="57990039900011").count() == 1
    assert Organization.objects.get(cds_code="57990039900029").parent is None


def test_a_cds_code_twice_in_one_file_is_refused_by_row(roles):
    client = client_for("site_admin", roles)
    before = Organization.objects.count()
    response = upload(
        client, "name,cds,district\nPine,57990039900011,Pine USD\nPine again,57990039900011,\n"
    )
    assert "CDS code 57990039900011 is already on row 2." in response.content.decode()
    assert Organization.objects.count() == before
