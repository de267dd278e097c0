import io
import json
import zipfile

import pytest

from django.urls import reverse

from accounts.models import User
from coaching.models import Conversation, NextStep
from cohorts.models import Membership, Organization, Team
from notifications.models import Kind, Notification
from privacy.models import AuditRecord
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db


def unzip(response):
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return {name: archive.read(name).decode() for name in archive.namelist()}


@pytest.fixture
def activity(roles):
    Notification.objects.create(
        user=roles["member_a"], kind=Kind.NORMS_PROPOSED, title="Mine: norms proposed"
    )
    Notification.objects.create(
        user=roles["member_b"], kind=Kind.NORMS_PROPOSED, title="Theirs: not mine"
    )
    conversation = Conversation.objects.create(
        team=roles["team_a"], facilitator=roles["facilitator"], notes="Check-in"
    )
    NextStep.objects.create(
        conversation=conversation,
        description="Collect data",
        owner=roles["member_a"],
        due_on="2026-12-01",
    )
    return conversation


def test_download_my_data_has_everything_about_me_and_nothing_about_others(roles, activity):
    response = client_for("member_a", roles, reauthenticated=True).post(reverse("privacy:my_data"))
    files = unzip(response)
    assert set(files) == {"data.json", "data.html"}
    data = json.loads(files["data.json"])
    assert data["profile"]["email"] == "member@example.org"
    assert [n["title"] for n in data["notifications.Notification"]] == ["Mine: norms proposed"]
    assert data["coaching.NextStep"][0]["description"] == "Collect data"
    assert "Theirs: not mine" not in files["data.html"]
    assert "peer@example.org" not in files["data.json"]
    assert AuditRecord.objects.get(action="export_person").counts["notifications.Notification"] == 1


def test_deleting_my_account_needs_the_word_and_keeps_team_work_as_a_former_member(roles, activity):
    client = client_for("member_a", roles, reauthenticated=True)
    wrong = client.post(reverse("privacy:delete_account"), {"confirmation": "delete me"})
    assert "does not match" in wrong.content.decode()
    assert User.objects.get(pk=roles["member_a"].pk).is_active

    response = client.post(reverse("privacy:delete_account"), {"confirmation": "DELETE"})
    assert response.status_code == 302
    person = User.objects.get(pk=roles["member_a"].pk)
    assert (person.display_name, person.is_active, person.has_usable_password()) == (
        "Former member",
        False,
        False,
    )
    assert "member@example.org" not in person.email
    assert not Notification.objects.filter(user=person).exists()
    assert Notification.objects.filter(user=roles["member_b"]).exists()
    assert NextStep.objects.get().owner == person, (
        "team artifacts stay, attributed to a former member"
    )
    assert Membership.objects.filter(user=person).exists()
    audit = AuditRecord.objects.get(action="erase_person")
    assert audit.counts["notifications.Notification"] == 1


def test_an_erasure_that_fails_part_way_rolls_back(roles, activity, monkeypatch):
    from privacy import services

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_detach_other_links", explode)
    with pytest.raises(RuntimeError):
        services.person_erase(user=roles["member_a"], actor=roles["member_a"])
    assert Notification.objects.filter(user=roles["member_a"]).exists()
    assert User.objects.get(pk=roles["member_a"].pk).email == "member@example.org"
    assert not AuditRecord.objects.exists()


def test_facilitator_exports_the_team_portfolio(roles, activity):
    response = client_for("facilitator", roles, reauthenticated=True).get(
        reverse("privacy:team_portfolio", args=["team-a"])
    )
    files = unzip(response)
    assert "coaching.Conversation.json" in files
    assert json.loads(files["cohorts.Membership.json"])
    assert AuditRecord.objects.filter(action="export_team", subject="Team A").exists()


def test_site_admin_erases_a_partner_school_after_retyping_its_name(roles, activity):
    school = roles["team_a"].organization
    client = client_for("site_admin", roles, reauthenticated=True)
    url = reverse("privacy:organization_erase", args=[school.pk])
    assert "Team A" in client.get(url).content.decode()
    client.post(url, {"confirmation": "wrong"})
    assert Team.objects.filter(pk=roles["team_a"].pk).exists()
    client.post(url, {"confirmation": school.name})
    assert not Team.objects.filter(pk=roles["team_a"].pk).exists()
    assert not Organization.objects.filter(pk=school.pk).exists()
    assert not Conversation.objects.exists()
    assert Team.objects.filter(pk=roles["team_b"].pk).exists()
    assert AuditRecord.objects.get(action="erase_organization").counts["teams"] == 1


MATRIX = {
    "my_data": expect(200),
    "delete_account": expect(200),
    "team_portfolio": expect(404, facilitator=200),
    "organization_erase": expect(404, site_admin=200),
}
COVERS = {f"privacy:{key}" for key in MATRIX}


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in row.items()],
)
def test_access_matrix(roles, url_name, role, expected):
    args = {
        "team_portfolio": ["team-a"],
        "organization_erase": [roles["team_a"].organization.pk],
    }.get(url_name, [])
    # Who may, with a fresh password check; without one, see the re-authentication tests.
    client = client_for(role, roles, reauthenticated=True)
    response = client.get(reverse(f"privacy:{url_name}", args=args))
    assert_access(response, expected)


# --- re-authentication and the services' own checks --------------------------------------------


def test_exports_and_erasures_ask_for_the_password_again(roles, activity):
    """Logged in, but not recently re-authenticated: each action leads to allauth's
    re-authentication page first, and nothing happens until the password is given."""
    school = roles["team_a"].organization
    actions = [
        ("member_a", "post", reverse("privacy:my_data"), {}),
        ("member_a", "post", reverse("privacy:delete_account"), {"confirmation": "DELETE"}),
        ("facilitator", "get", reverse("privacy:team_portfolio", args=["team-a"]), {}),
        (
            "site_admin",
            "post",
            reverse("privacy:organization_erase", args=[school.pk]),
            {"confirmation": school.name},
        ),
    ]
    for role, method, url, data in actions:
        response = getattr(client_for(role, roles), method)(url, data)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_reauthenticate")), response.url
    assert not AuditRecord.objects.exists()
    assert User.objects.get(pk=roles["member_a"].pk).is_active
    assert Team.objects.filter(pk=roles["team_a"].pk).exists()
    # Outsiders still get 404, not an invitation to re-authenticate.
    outsider = client_for("member_b", roles)
    assert outsider.get(reverse("privacy:team_portfolio", args=["team-a"])).status_code == 404


def test_after_the_password_the_deletion_goes_through(roles, activity, password):
    client = client_for("member_a", roles)
    first = client.post(reverse("privacy:delete_account"), {"confirmation": "DELETE"})
    assert User.objects.get(pk=roles["member_a"].pk).is_active
    response = client.post(first.url, {"password": password})
    assert response.status_code == 302
    person = User.objects.get(pk=roles["member_a"].pk)
    assert (person.is_active, person.display_name) == (False, "Former member")


def test_the_services_check_the_actor_themselves(roles, activity):
    from django.core.exceptions import PermissionDenied

    from privacy import services

    team, school = roles["team_a"], roles["team_a"].organization
    refused = [
        lambda: services.person_export(user=roles["member_a"], actor=roles["site_admin"]),
        lambda: services.person_erase(user=roles["member_a"], actor=roles["lead_a"]),
        lambda: services.person_erase(user=roles["member_a"], actor=roles["facilitator"]),
        lambda: services.team_portfolio(team=team, actor=roles["lead_a"]),
        lambda: services.team_portfolio(team=team, actor=roles["facilitator_other"]),
        lambda: services.organization_erase(organization=school, actor=roles["facilitator"]),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    assert not AuditRecord.objects.exists()
    assert User.objects.get(pk=roles["member_a"].pk).is_active
    assert Organization.objects.filter(pk=school.pk).exists()
