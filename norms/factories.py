"""Factories for norm sets, norms and check-ins; shared by the tests."""

import datetime

import factory

from django.utils import timezone

from accounts.factories import UserFactory
from cohorts.factories import TeamFactory

from .models import CheckIn, Norm, NormSet, Rating


class NormSetFactory(factory.django.DjangoModelFactory):
    """A set of norms; `statements=[...]` adds its norms (ratified sets are dated now)."""

    class Meta:
        model = NormSet
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = NormSet.Status.RATIFIED
    ratified_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == NormSet.Status.RATIFIED else None
    )

    @factory.post_generation
    def statements(self, create, extracted, **kwargs):
        for position, statement in enumerate(extracted or (), start=1):
            Norm.objects.create(
                norm_set=self,
                statement=statement,
                in_practice=f"{statement} in practice",
                position=position,
            )


class CheckInFactory(factory.django.DjangoModelFactory):
    """One person's check-in after a meeting; `ratings=[...]` rates the set's norms in order."""

    class Meta:
        model = CheckIn
        skip_postgeneration_save = True

    norm_set = factory.SubFactory(NormSetFactory, statements=["Stay engaged"])
    team = factory.SelfAttribute("norm_set.team")
    user = factory.SubFactory(UserFactory)
    met_on = factory.Sequence(lambda n: datetime.date(2026, 9, 1) + datetime.timedelta(days=n))

    @factory.post_generation
    def ratings(self, create, extracted, **kwargs):
        for norm, value in zip(self.norm_set.norms.all(), extracted or (), strict=False):
            Rating.objects.create(check_in=self, norm=norm, value=value)
