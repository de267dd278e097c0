"""Factories for improvement projects; shared by the tests and the demo seed."""

import datetime

import factory

from cohorts.factories import TeamFactory

from .models import (
    Aim,
    ChangeIdea,
    ChangePackageEntry,
    DataDialogue,
    DialogueNote,
    Driver,
    ImprovementProject,
    Measure,
    PDSACycle,
)


class ImprovementProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementProject
        django_get_or_create = ["team", "school_year"]

    team = factory.SubFactory(TeamFactory)
    school_year = factory.LazyAttribute(lambda o: o.team.cohort.school_year)
    problem_of_practice = "Hispanic students miss school far more often than their peers."
    focal_groups = factory.LazyFunction(lambda: ["HI", "EL"])
    equity_area = "climate"
    data_from = datetime.date(2024, 7, 1)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    project = factory.SubFactory(ImprovementProjectFactory)
    name = factory.Sequence(lambda n: f"Chronic absenteeism {n}")
    kind = "outcome"
    unit = "percent"
    direction = "down"
    groups = factory.LazyFunction(lambda: ["ALL", "HI"])
    numerator = "Students absent 10% or more of days enrolled"
    denominator = "Students enrolled 31 days or more"


class AimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aim

    project = factory.SubFactory(ImprovementProjectFactory)
    what = "chronic absenteeism"
    how_much = "from 24% to 15%"
    by_when = datetime.date(2027, 6, 1)
    for_whom = "HI"
    baseline_value = 24.0
    baseline_date = datetime.date(2026, 6, 1)
    target_value = 15.0


class DriverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Driver

    project = factory.SubFactory(ImprovementProjectFactory)
    text = factory.Sequence(lambda n: f"Students feel they belong {n}")
    level = 1


class ChangeIdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeIdea
        skip_postgeneration_save = True

    project = factory.SubFactory(ImprovementProjectFactory)
    text = factory.Sequence(lambda n: f"Morning check-in {n}")

    @factory.post_generation
    def drivers(self, create, extracted, **kwargs):
        if create and extracted:
            self.drivers.set(extracted)


class PDSACycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PDSACycle

    project = factory.SubFactory(ImprovementProjectFactory)
    change_idea = factory.SubFactory(ChangeIdeaFactory, project=factory.SelfAttribute("..project"))
    ramp = "Check-in ramp"
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Test {n + 1}")


class DataDialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataDialogue

    project = factory.SubFactory(ImprovementProjectFactory)
    measure = factory.SubFactory(MeasureFactory, project=factory.SelfAttribute("..project"))


class DialogueNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueNote

    dialogue = factory.SubFactory(DataDialogueFactory)
    step = "observe"
    text = factory.Sequence(lambda n: f"I notice pattern {n}.")


class ChangePackageEntryFactory(factory.django.DjangoModelFactory):
    """An adopted change idea in its cohort's change package."""

    class Meta:
        model = ChangePackageEntry

    idea = factory.SubFactory(ChangeIdeaFactory, adopted_on=datetime.date(2026, 10, 1))
    cohort = factory.LazyAttribute(lambda o: o.idea.project.team.cohort)
    write_up = (
        "A trusted adult greets each student by name at the gate and checks in with any student "
        "who missed a day. Attendance for the focal group rose over three cycles."
    )
