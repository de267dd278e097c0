"""Every create form carries a one-time key: a double click or a resent POST stores one record
and shows it (issue 13, item 4). The journal's own cases are in tests/journals/test_saving.py."""

import datetime
import io

import pytest

from django.urls import reverse

from coaching.models import Conversation
from cohorts.models import Invitation
from feedback.models import FeedbackRequest
from improvement.factories import ChangeIdeaFactory, ImprovementProjectFactory, MeasureFactory
from improvement.models import Observation, PDSACycle
from norms.models import Condition
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

KEY = "a-one-time-key-0123456789"
SOON = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()


def _observation(roles):
    measure = MeasureFactory(project=ImprovementProjectFactory(team=roles["team_a"]))
    url = reverse("improvement:observation_add", args=["team-a", measure.pk])
    data = {"date": "2026-09-01", "group": "EL", "numerator": "3", "denominator": "40"}
    return "member_a", url, data, Observation.objects.filter(measure=measure)


def _cycle(roles):
    idea = ChangeIdeaFactory(project=ImprovementProjectFactory(team=roles["team_a"]))
    data = {"change_idea": idea.pk, "ramp": "Check-in", "title": "Greet at the door",
            "purpose": "test"}  # fmt: skip
    return "member_a", reverse("improvement:cycle_add", args=["team-a"]), data, PDSACycle.objects


def _condition(roles):
    url = reverse("norms:condition_add", args=["team-a"])
    return "member_a", url, {"text": "Start on time"}, Condition.objects


def _conversation(roles):
    data = {"held_on": "2026-11-10", "kind": "check_in", "notes": "Talked about the aim.",
            "participants": [roles["lead_a"].pk]}  # fmt: skip
    return "facilitator", reverse("coaching:new", args=["team-a"]), data, Conversation.objects


def _feedback_request(roles):
    data = {"artifact_title": "Driver diagram", "artifact_url": "https://docs.example.org/d",
            "focusing_question": "Do the drivers lead to testable ideas?",
            "protocol": "tuning-protocol", "due_on": SOON,
            "reviewer_team": roles["team_b"].pk}  # fmt: skip
    url = reverse("feedback:new_for_team", args=["team-a"])
    return "member_a", url, data, FeedbackRequest.objects


def _invitation(roles):
    data = {"team": roles["team_a"].pk, "email": "new@example.org", "role": "member"}
    url = reverse("cohorts:invite", args=["demo-cohort"])
    return "facilitator", url, data, Invitation.objects.filter(email="new@example.org")


CREATE_FORMS = [_observation, _cycle, _condition, _conversation, _feedback_request, _invitation]


@pytest.mark.parametrize("case", CREATE_FORMS, ids=lambda case: case.__name__.strip("_"))
def test_the_same_post_twice_stores_one_record_and_shows_it(roles, case):
    role, url, data, rows = case(roles)
    client = client_for(role, roles)
    first = client.post(url, {**data, "submission_key": KEY})
    assert first.status_code == 302
    second = client.post(url, {**data, "submission_key": KEY}, follow=True)
    assert rows.count() == 1
    assert second.redirect_chain[0][0] == first["Location"]
    assert "This was already saved; here it is." in second.content.decode()
    # A fresh form (a new key) is a new submission.
    client.post(url, {**data, "submission_key": "another-key-0123456789"})
    assert rows.count() in (1, 2)  # some forms refuse a true duplicate with a message


@pytest.mark.parametrize(
    "case", [_cycle, _conversation, _feedback_request, _invitation], ids=lambda c: c.__name__
)
def test_the_create_page_renders_a_fresh_key(roles, case):
    role, url, _data, _rows = case(roles)
    client = client_for(role, roles)
    first, second = client.get(url).content.decode(), client.get(url).content.decode()
    assert 'name="submission_key"' in first

    def key(page):
        start = page.index('name="submission_key" value="') + len('name="submission_key" value="')
        return page[start : page.index('"', start)]

    assert key(first) != key(second)


def test_a_form_sent_back_with_errors_keeps_its_key_usable(roles):
    role, url, data, rows = _conversation(roles)
    client = client_for(role, roles)
    refused = client.post(url, {**data, "held_on": "", "submission_key": KEY})
    assert refused.status_code == 200 and KEY in refused.content.decode()
    assert client.post(url, {**data, "submission_key": KEY}).status_code == 302
    assert rows.count() == 1


def test_the_same_csv_import_confirmed_twice_imports_once(roles):
    from django.core.files.uploadedfile import SimpleUploadedFile

    measure = MeasureFactory(project=ImprovementProjectFactory(team=roles["team_a"]))
    url = reverse("improvement:import", args=["team-a", measure.pk])
    client = client_for("member_a", roles)
    csv = b"date,group,numerator,denominator\n2026-09-01,EL,3,40\n2026-10-01,EL,4,40\n"
    upload = SimpleUploadedFile("points.csv", csv, content_type="text/csv")
    token = client.post(url, {"file": upload}).context["token"]  # the preview

    first, second = client.post(url, {"token": token}), client.post(url, {"token": token})
    assert first.status_code == 302 and second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Observation.objects.filter(measure=measure).count() == 2


@pytest.mark.urls("tests.cohort_site.integrity_urls")
def test_an_uncaught_unique_constraint_race_is_never_a_500(roles):
    from django.test import Client

    client = Client(raise_request_exception=False)
    client.force_login(roles["member_a"])
    response = client.post("/twin/", follow=False)
    assert response.status_code == 303 and response["Location"] == "/twin/"
    assert client.get("/twin/").status_code == 409


def test_pruning_forgets_old_keys_and_keeps_recent_ones(roles):
    from django.core.management import call_command
    from django.utils import timezone

    from cohort_site.models import SubmissionKey

    old = SubmissionKey.objects.create(user=roles["member_a"], key="old-key-0123456789")
    recent = SubmissionKey.objects.create(user=roles["member_a"], key="new-key-0123456789")
    SubmissionKey.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )

    call_command("prune_submission_keys", "--days", "7", stdout=io.StringIO())

    assert list(SubmissionKey.objects.values_list("pk", flat=True)) == [recent.pk]
