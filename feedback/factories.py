"""Factories for feedback requests, assignments and responses; shared by tests and seed_demo."""

import datetime

import factory

from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.factories import TeamFactory

from .models import FeedbackRequest


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
