"""Self-assessments, shared by the tests and `seed_demo`."""

import factory

from .models import GoalRating, SelfAssessment


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfAssessment
        django_get_or_create = ["team", "school_year", "moment"]

    school_year = factory.LazyAttribute(lambda o: o.team.cohort.school_year)
    moment = SelfAssessment.Moment.START


class GoalRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoalRating
        django_get_or_create = ["assessment", "goal"]

    rating = 3
    evidence = "Notes from our walk-through and the attendance data by student group."
