"""seed_scale builds the statewide dataset's shape; tests use a small --teams."""

import pytest

from django.core.management import call_command

from cohort_site.management.commands import seed_scale
from cohorts.models import Cohort, Membership, Team
from feedback.models import FeedbackRequest
from improvement.models import Measure, Observation, PDSACycle
from journals.models import JournalEntry
from norms.models import CheckIn, NormSet
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Cohort,
            Team,
            Membership,
            Observation,
            JournalEntry,
            NormSet,
            CheckIn,
            FeedbackRequest,
            PDSACycle,
            Notification,
        )
    }


def test_seed_scale_builds_cohorts_of_teams_with_a_year_of_work_once(client, monkeypatch):
    # Cohorts of 2 teams here (25 in the statewide run) so 3 teams make two cohorts quickly.
    monkeypatch.setattr(seed_scale, "TEAMS_PER_COHORT", 2)
    call_command("seed_scale", "--teams", "3", "--seed", "7", "--password", "scale-pass-1")
    first = counts()
    assert first["Cohort"] == 2 and first["Team"] == 3
    assert Team.objects.filter(cohort__slug="statewide-01").count() == 2
    assert 4 * 3 <= first["Membership"] <= 8 * 3
    assert Membership.objects.filter(role="lead").count() == 3
    assert first["Observation"] == 3 * seed_scale.MEASURES_PER_TEAM * 5 * seed_scale.WEEKS
    assert first["JournalEntry"] == 3 * seed_scale.JOURNAL_ENTRIES_PER_TEAM
    assert first["NormSet"] == 3 and first["CheckIn"] > 0 and first["PDSACycle"] >= 3 * 3
    assert first["FeedbackRequest"] == 2 * 3 and first["Notification"] > 0
    # The dashboard's signals are stored as the data is written.
    assert Measure.objects.filter(has_current_signal=True).exists()

    call_command("seed_scale", "--teams", "3", "--seed", "7", "--password", "scale-pass-1")
    assert counts() == first

    for email in (seed_scale.ADMIN_EMAIL, seed_scale.facilitator_email(1)):
        response = client.post("/accounts/login/", {"login": email, "password": "scale-pass-1"})
        assert response.status_code == 302, email
        client.post("/accounts/logout/")
    client.post(
        "/accounts/login/", {"login": seed_scale.person_email(1, 1), "password": "scale-pass-1"}
    )
    assert client.get("/teams/statewide-team-00001/").status_code == 200
