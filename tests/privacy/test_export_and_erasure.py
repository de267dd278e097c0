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
from tests.conftest import LOGIN, MATRIX_ROLES, assert_access, client_for

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
    response = client_for("member_a", roles).post(reverse("privacy:my_data"))
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
    client = client_for("member_a", roles)
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
    response = client_for("facilitator", roles).get(
        reverse("privacy:team_portfolio", args=["team-a"])
    )
    files = unzip(response)
    assert "coaching.Conversation.json" in files
    assert json.loads(files["cohorts.Membership.json"])
    assert AuditRecord.objects.filter(action="export_team", subject="Team A").exists()


def test_site_admin_erases_a_partner_school_after_retyping_its_name(roles, activity):
    school = roles["team_a"].organization
    client = client_for("site_admin", roles)
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


# anonymous, member_a, lead_a, member_b, facilitator, facilitator_other, site_admin, inactive
MATRIX = {
    "my_data": [LOGIN, 200, 200, 200, 200, 200, 200, LOGIN],
    "delete_account": [LOGIN, 200, 200, 200, 200, 200, 200, LOGIN],
    "team_portfolio": [LOGIN, 404, 404, 404, 200, 404, 404, LOGIN],
    "organization_erase": [LOGIN, 404, 404, 404, 404, 404, 200, LOGIN],
}


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in zip(MATRIX_ROLES, row, strict=True)],
)
def test_access_matrix(roles, url_name, role, expected):
    args = {
        "team_portfolio": ["team-a"],
        "organization_erase": [roles["team_a"].organization.pk],
    }.get(url_name, [])
    response = client_for(role, roles).get(reverse(f"privacy:{url_name}", args=args))
    assert_access(response, expected)
