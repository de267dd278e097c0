"""Factories for organizations, cohorts, teams and people on them; shared by tests and seed_demo."""

import datetime

import factory

from accounts.factories import UserFactory

from .models import Cohort, CohortSession, Membership, Organization, Team


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["cds_code"]

    name = factory.Sequence(lambda n: f"Valle Verde Unified {n}")
    kind = Organization.Kind.DISTRICT
    # Always 14 digits, however many districts a test session makes (PostgreSQL enforces it).
    cds_code = factory.Sequence(lambda n: f"56{n % 100_000:05d}0000000")
    county = "Yolo"


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["cds_code"]

    name = factory.Sequence(lambda n: f"Oak Hollow School {n}")
    kind = Organization.Kind.SCHOOL
    parent = factory.SubFactory(DistrictFactory)
    cds_code = factory.Sequence(lambda n: f"5799999{n % 10_000_000:07d}")
    county = "Yolo"
    city = "Woodland"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Equity Improvement Cohort {n}")
    slug = factory.Sequence(lambda n: f"cohort-{n}")
    school_year = "2026-27"
    starts_on = datetime.date(2026, 9, 1)
    ends_on = datetime.date(2027, 6, 15)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["slug"]

    cohort = factory.SubFactory(CohortFactory)
    organization = factory.SubFactory(SchoolFactory)
    name = factory.LazyAttribute(lambda o: f"{o.organization.name} equity team")
    slug = factory.Sequence(lambda n: f"team-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Membership.Role.MEMBER


class CohortSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortSession

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Session {n + 1}")
    starts_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 9, 17, 16, 0, tzinfo=datetime.UTC)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    location = "County Office of Education, Room 204"
