import pytest

from django.core.management import call_command

from wagtail.models import Page

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent_and_every_demo_account_can_log_in(client):
    call_command("seed_demo", "--password", "seed-pass-123", verbosity=0)
    counts = (User.objects.count(), Page.objects.count())
    call_command("seed_demo", "--password", "seed-pass-123", verbosity=0)
    assert (User.objects.count(), Page.objects.count()) == counts
    for email in [
        "admin@example.org",
        "facilitator@example.org",
        "lead@example.org",
        "member@example.org",
        "peer@example.org",
        "facilitator2@example.org",
        "familia@example.org",
        "comite@example.org",
    ]:
        response = client.post("/accounts/login/", {"login": email, "password": "seed-pass-123"})
        assert response.status_code == 302, email
        client.post("/accounts/logout/")


def test_the_committee_family_member_reaches_the_committee_and_not_the_team(client):
    from committees.models import CommitteeMember

    call_command("seed_demo", "--password", "seed-pass-123", verbosity=0)
    seat = CommitteeMember.objects.select_related("committee__team").get(
        user__email="comite@example.org"
    )
    client.post("/accounts/login/", {"login": "comite@example.org", "password": "seed-pass-123"})

    assert client.get(f"/teams/{seat.committee.team.slug}/").status_code == 404
    assert seat.user.preferred_language == "es"
