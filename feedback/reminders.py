"""The daily feedback jobs: reminders to reviewers before a request is due, and telling askers
that their anonymous answers can be read (`manage.py send_feedback_reminders`)."""

import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from . import anonymity, notifications
from .models import Assignment, FeedbackRequest, FeedbackResponse

REMINDER_WINDOW_DAYS = 2


def reminders_due(today: datetime.date | None = None):
    """Pending assignments of open requests due within two days, not yet reminded today."""
    today = today or timezone.localdate()
    return (
        Assignment.objects.pending()
        .filter(
            request__closed_on__isnull=True,
            request__due_on__gte=today,
            request__due_on__lte=today + datetime.timedelta(days=REMINDER_WINDOW_DAYS),
            reviewer__is_active=True,
        )
        .exclude(reminded_on=today)
        .select_related("request__team", "reviewer")
    )


@transaction.atomic
def releases_announce() -> int:
    """Tell askers that their anonymous answers can be read (run daily, see notifications.py)."""
    released = (
        FeedbackRequest.objects.open()
        .filter(anonymous=True, release_announced=False)
        .annotate(
            submitted=Count(
                "responses", filter=Q(responses__status=FeedbackResponse.Status.SUBMITTED)
            )
        )
        .filter(submitted__gte=anonymity.RELEASE_THRESHOLD)
        .select_related("requested_by")
    )
    announced = 0
    for request in released:
        notifications.responses_released(request, request.submitted)
        FeedbackRequest.objects.filter(pk=request.pk).update(release_announced=True)
        announced += 1
    return announced


def reminders_send(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    sent = 0
    for assignment in reminders_due(today):
        has_draft = FeedbackResponse.objects.filter(
            request_id=assignment.request_id, giver_id=assignment.reviewer_id
        ).exists()
        notifications.reminder(assignment, has_draft=has_draft)
        Assignment.objects.filter(pk=assignment.pk).update(reminded_on=today)
        sent += 1
    return sent
