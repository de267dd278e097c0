"""The demo seeds a change package the facilitator and both teams can open."""

import pytest

from django.core.management import call_command
from django.test import Client

from accounts.models import User
from improvement.models import ChangePackageEntry

pytestmark = pytest.mark.django_db


def test_the_demo_package_shows_two_schools_tested_and_adopted():
    call_command("seed_demo", "--password", "seed-pass-123", verbosity=0)
    call_command("seed_demo", "--password", "seed-pass-123", verbosity=0)  # idempotent
    entry = ChangePackageEntry.objects.get()
    assert entry.adoptions.count() == 1
    for email in ("facilitator@example.org", "lead@example.org", "peer@example.org"):
        client = Client()
        client.force_login(User.objects.get(email=email))
        page = client.get(f"/cohorts/{entry.cohort.slug}/change-package/")
        assert "Tested at 2 schools, adopted at 2" in page.text, email
        assert "Morning check-in and greet" in page.text
