"""Factories for coaching conversations and their next steps; shared by the tests."""

import datetime

import factory

from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.factories import TeamFactory

from .models import Conversation, NextStep


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    team = factory.SubFactory(TeamFactory)
    facilitator = factory.SubFactory(UserFactory)
    notes = "We looked at the attendance data by group."


class NextStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NextStep

    conversation = factory.SubFactory(ConversationFactory)
    description = factory.Sequence(lambda n: f"Share the draft aim {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
