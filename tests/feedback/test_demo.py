import pytest

from django.core.management import call_command

from feedback import anonymity
from feedback.demo import seed_feedback
from feedback.models import FeedbackRequest, FeedbackResponse, PairingRound
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_seed_feedback_does_nothing_without_the_demo_teams(roles):
    seed_feedback()
    assert not FeedbackRequest.objects.exists()


def test_seed_demo_builds_a_round_an_anonymous_request_and_an_overdue_one():
    call_command("seed_demo", "--password", "pw-demo-123", verbosity=0)
    seed_feedback()  # idempotent
    assert PairingRound.objects.count() == 1
    assert FeedbackRequest.objects.count() == 4
    finished = FeedbackRequest.objects.filter(round__isnull=False)
    assert finished.count() == 2 and all(r.is_closed for r in finished)
    assert FeedbackResponse.objects.exclude(back_feedback="").count() == 2
    anonymous = FeedbackRequest.objects.get(anonymous=True)
    assert not anonymous.is_closed
    assert anonymous.responses.count() == 1
    assert not anonymity.is_released(anonymous, 1)
    assert FeedbackRequest.objects.overdue().count() == 1

    from accounts.models import User

    lead = User.objects.get(email="lead@example.org")
    page = client_for("lead", {"lead": lead}).get(anonymous.get_absolute_url()).content.decode()
    assert "Priya Shah" not in page
    for email in ("member@example.org", "peer@example.org", "facilitator@example.org"):
        person = User.objects.get(email=email)
        assert client_for("p", {"p": person}).get("/feedback/").status_code == 200
