"""Equity advisory committees, shared by the tests and `seed_demo`."""

import factory

from .models import Committee, CommitteeMember, Recommendation, Seat


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ["team"]

    name = factory.LazyAttribute(lambda o: f"{o.team.organization.name} equity advisory committee")
    purpose = "Bring the voices of families, students and neighbours into the team's work."
    decision_making = "We seek consensus; if we cannot reach it, a two-thirds vote decides."
    meeting_norms = "Everyone speaks in the language they prefer; we interpret for each other."


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember
        django_get_or_create = ["committee", "user"]

    seat = Seat.FAMILY


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation
        django_get_or_create = ["committee", "title"]

    rationale = "Families told us this at our last meeting."
