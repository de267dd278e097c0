"""Factories for feedback requests, assignments and responses; shared by tests and seed_demo."""

import datetime

import factory

from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.factories import TeamFactory

from .models import Assignment, FeedbackRequest, FeedbackResponse


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackRequest

    team = factory.SubFactory(TeamFactory)
    requested_by = factory.SubFactory(UserFactory)
    artifact_title = factory.Sequence(lambda n: f"Draft aim statement {n}")
    artifact_url = "/teams/"
    focusing_question = "Is the student group we name specific enough to track?"
    protocol = "warm-and-cool-feedback"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    request = factory.SubFactory(FeedbackRequestFactory)
    reviewer = factory.SubFactory(UserFactory)


class FeedbackResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackResponse

    request = factory.SubFactory(FeedbackRequestFactory)
    giver = factory.SubFactory(UserFactory)
    answers = factory.LazyAttribute(
        lambda o: {
            s.key: f"{s.label}: a thought." for s in o.request.protocol_def.reviewer_sections
        }
    )
    status = FeedbackResponse.Status.SUBMITTED
    submitted_on = factory.LazyFunction(timezone.localdate)
