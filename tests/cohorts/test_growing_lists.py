"""Lists that grow with a statewide cohort are shown a page at a time."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from feedback.models import Assignment, FeedbackRequest
from feedback.views import OVERDUE_PAGE_SIZE
from journals.factories import JournalEntryFactory
from journals.views import PAGE_SIZE
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_facilitator_journal_shows_shared_entries_a_page_at_a_time(roles):
    for n in range(PAGE_SIZE + 3):
        JournalEntryFactory(
            author=roles["member_a"],
            team=roles["team_a"],
            title=f"Shared reflection {n:02d}",
            visibility="facilitator",
        )
    client = client_for("facilitator", roles)
    first = client.get(reverse("journals:facilitator")).content.decode()
    assert first.count("Shared reflection") == PAGE_SIZE
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = client.get(reverse("journals:facilitator"), {"page": 2}).content.decode()
    assert second.count("Shared reflection") == 3


def test_cohort_feedback_lists_overdue_requests_a_page_at_a_time(roles):
    requests = FeedbackRequest.objects.bulk_create(
        FeedbackRequest(
            team=roles["team_a"],
            requested_by=roles["member_a"],
            artifact_title=f"Overdue draft {n:02d}",
            focusing_question="Clear?",
            protocol="tuning-protocol",
            due_on=timezone.localdate() - datetime.timedelta(days=1 + n),
        )
        for n in range(OVERDUE_PAGE_SIZE + 4)
    )
    # Overdue means past due with a reviewer still to answer.
    Assignment.objects.bulk_create(
        Assignment(request=r, reviewer=roles["member_b"], reviewer_team=roles["team_b"])
        for r in requests
    )
    client = client_for("facilitator", roles)
    url = reverse("feedback:cohort", args=["demo-cohort"])
    first = client.get(url).content.decode()
    assert first.count("Overdue draft") == OVERDUE_PAGE_SIZE
    assert "Overdue draft 28" in first  # the oldest due first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count("Overdue draft") == 4
