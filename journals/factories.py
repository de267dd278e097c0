"""Factories for journal entries; shared by the tests and the demo seed."""

import factory

from accounts.factories import UserFactory
from cohort_site.sanitize import clean_html, html_to_text
from cohorts.factories import TeamFactory

from .models import EntryVersion, IdentityTool, JournalEntry, Kind, Visibility


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalEntry

    author = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    kind = Kind.LEARNING
    title = factory.Sequence(lambda n: f"Reflection {n}")
    body = factory.Sequence(lambda n: f"<p>Body of reflection {n}.</p>")
    body_text = factory.LazyAttribute(lambda o: html_to_text(clean_html(o.body)))
    visibility = Visibility.PRIVATE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs["body"] = clean_html(kwargs.get("body"))
        entry = super()._create(model_class, *args, **kwargs)
        EntryVersion.objects.create(entry=entry, title=entry.title, body=entry.body)
        return entry


class IdentityToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdentityTool
        django_get_or_create = ["author", "kind"]

    author = factory.SubFactory(UserFactory)
    kind = IdentityTool.ToolKind.WHEEL
    data = factory.LazyFunction(dict)
    visibility = Visibility.PRIVATE
