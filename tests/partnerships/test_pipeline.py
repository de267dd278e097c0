"""Partnership pipeline: a proposal becomes a partner, a team and invitations in one step."""

import pytest

from django.urls import reverse

from cohorts.factories import DistrictFactory, SchoolFactory
from cohorts.models import Invitation, Organization, Team
from partnerships.factories import ProposalFactory
from partnerships.models import Conversion
from programs.factories import FormPageFactory
from programs.services import home_page_ensure
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

MATRIX = {
    "list": expect(404, facilitator=200, facilitator_other=200, site_admin=200),
    "detail": expect(404, facilitator=200, facilitator_other=200, site_admin=200),
    "convert": expect(404, facilitator=200, facilitator_other=200, site_admin=200),
}
COVERS = {f"partnerships:{key}" for key in MATRIX}


@pytest.fixture
def proposal(db):
    page = FormPageFactory(parent=home_page_ensure(), slug="partnership-proposal")
    return ProposalFactory(
        page=page,
        form_data={
            "district": "Valle Verde Unified",
            "school": "Cedar Creek High School",
            "team_members_and_roles": "Rosa Campos, rosa@example.org, counselor\n"
            "Tom Baker, teacher\nAl Reyes, al@example.org, lead",
            "contact_name": "Dana Whitfield",
            "contact_email": "Dana@example.org",
            "what_the_team_wants_to_work_on": "Ninth-grade math placement",
        },
    )


def url(name, proposal):
    if name == "list":
        return reverse("partnerships:list")
    return reverse(f"partnerships:{name}", args=[proposal.pk])


def test_every_partnerships_url_is_in_the_matrix():
    from partnerships.urls import urlpatterns

    assert {p.name for p in urlpatterns} == set(MATRIX)


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in row.items()],
)
def test_access_matrix(roles, proposal, url_name, role, expected):
    response = client_for(role, roles).get(url(url_name, proposal))
    assert_access(response, expected)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]


def form_data(roles, **changes):
    data = {
        "cohort": roles["cohort"].pk,
        "new_name": "Cedar Creek High School",
        "new_cds_code": "57990010000001",
        "new_kind": "school",
        "team_name": "Cedar Creek equity team",
        "team_kind": "school",
        "people": "dana@example.org, Dana Whitfield, lead\nrosa@example.org, Rosa Campos, member",
    }
    data.update(changes)
    return data


def test_the_form_is_filled_from_the_proposal(roles, proposal):
    body = client_for("facilitator", roles).get(url("convert", proposal)).content.decode()
    assert "dana@example.org, Dana Whitfield, lead" in body
    assert "rosa@example.org, Rosa Campos, member" in body
    assert "al@example.org, Al Reyes, lead" in body
    # Named without an address: listed so the facilitator can ask for it.
    assert "Tom Baker, teacher" in body
    assert "Cedar Creek High School equity team" in body


def test_preview_creates_nothing_and_confirm_creates_everything(
    roles, proposal, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for("facilitator", roles)
    preview = client.post(url("convert", proposal), form_data(roles))
    body = preview.content.decode()
    assert "Check before creating" in body
    assert "rosa@example.org" in body
    assert not Team.objects.filter(name="Cedar Creek equity team").exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("convert", proposal), {**form_data(roles), "confirm": "1"})
    assert response.status_code == 302
    conversion = Conversion.objects.get(proposal_id=proposal.pk)
    assert conversion.team.cohort == roles["cohort"]
    assert conversion.organization.cds_code == "57990010000001"
    assert sorted(conversion.invitations.values_list("email", "role")) == [
        ("dana@example.org", "lead"),
        ("rosa@example.org", "member"),
    ]
    assert sorted(m.to[0] for m in mailoutbox) == ["dana@example.org", "rosa@example.org"]

    detail = client.get(url("detail", proposal)).content.decode()
    assert "Cedar Creek equity team" in detail
    assert "new partner" in detail
    listing = client.get(url("list", proposal)).content.decode()
    assert "Cedar Creek equity team" in listing
    # Confirming again (a resent form) creates nothing more.
    again = client.post(url("convert", proposal), {**form_data(roles), "confirm": "1"})
    assert again.status_code == 302
    assert Team.objects.filter(name="Cedar Creek equity team").count() == 1


def test_an_existing_partner_is_reused(roles, proposal):
    school = SchoolFactory(name="Cedar Creek High School", parent=DistrictFactory())
    before = Organization.objects.count()
    client_for("facilitator", roles).post(
        url("convert", proposal),
        form_data(roles, organization=school.pk, new_name="", new_cds_code="", confirm="1"),
    )
    assert Conversion.objects.get().organization == school
    assert Organization.objects.count() == before


def test_mistakes_are_named_beside_their_fields_and_what_was_typed_stays(roles, proposal):
    response = client_for("facilitator", roles).post(
        url("convert", proposal),
        form_data(
            roles,
            new_cds_code="123",
            team_name="Team A",
            people="not-an-address, Someone, member\nrosa@example.org, Rosa, chair",
            confirm="1",
        ),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "14 digits" in body
    assert "A team with this name already exists" in body
    assert "is not an email address" in body
    assert "Role must be" in body
    assert "not-an-address, Someone, member" in body
    assert not Conversion.objects.exists()


def test_an_invitation_refused_by_the_rules_leaves_nothing_behind(roles, proposal):
    # A failure half-way (here: a team slug taken by a race after the form was checked)
    # rolls back the organization and the invitations already made.
    from partnerships import services

    client = client_for("facilitator", roles)
    original = services.proposal_convert

    def racing(**kwargs):
        Team.objects.create(
            cohort=roles["cohort"],
            organization=roles["team_a"].organization,
            name="x",
            slug=kwargs["team_slug"],
        )
        return original(**kwargs)

    services.proposal_convert = racing
    try:
        response = client.post(url("convert", proposal), {**form_data(roles), "confirm": "1"})
    finally:
        services.proposal_convert = original
    assert response.status_code == 200
    assert not Conversion.objects.exists()
    assert not Organization.objects.filter(cds_code="57990010000001").exists()
    assert not Invitation.objects.filter(email="rosa@example.org").exists()


def test_a_facilitator_converts_only_into_a_cohort_they_facilitate(roles, proposal):
    response = client_for("facilitator_other", roles).post(
        url("convert", proposal), {**form_data(roles), "confirm": "1"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Conversion.objects.exists()


def test_the_cohort_page_points_to_waiting_proposals(roles, proposal):
    body = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    assert "1 proposal is waiting to become a team" in body


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_runs_a_fixed_number_of_queries(
    roles, proposal, count, django_assert_max_num_queries
):
    for _ in range(count - 1):
        ProposalFactory(page=proposal.page)
    client = client_for("facilitator", roles)
    with django_assert_max_num_queries(12):
        assert client.get(url("list", proposal)).status_code == 200
