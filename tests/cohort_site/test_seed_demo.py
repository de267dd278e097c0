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
    ]:
        response = client.post("/accounts/login/", {"login": email, "password": "seed-pass-123"})
        assert response.status_code == 302, email
        client.post("/accounts/logout/")
