"""Factories for curriculum content, shared by the tests and `seed_curriculum()`.

Plain factory_boy (wagtail-factories does not declare Wagtail 8 support). Page factories take a
`parent` and add the page under it with `parent.add_child(instance=...)`.
"""

import datetime

import factory

from .models import (
    FormPage,
    ModulePage,
    ProgramGoal,
    ProgramPage,
    Protocol,
    ProtocolStep,
    Resource,
    ResourceIndexPage,
    StandardPage,
    StudentGroup,
    Topic,
)


class ProgramGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramGoal
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"goal-{n}")
    title = factory.Sequence(lambda n: f"Goal {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")


class StudentGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudentGroup
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"G{n}")
    label = factory.Sequence(lambda n: f"Group {n}")


class ProtocolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Protocol
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"protocol-{n}")
    name = factory.Sequence(lambda n: f"Protocol {n}")
    purpose = "Help the team listen before it decides."


class ProtocolStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProtocolStep

    protocol = factory.SubFactory(ProtocolFactory)
    text = factory.Sequence(lambda n: f"Step {n}")
    minutes = 5


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        django_get_or_create = ["title"]
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "A short guide for school teams."
    resource_type = Resource.Type.GUIDE
    audience = "School teams"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def student_groups(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.student_groups.set(extracted)
            self.save()

    @factory.post_generation
    def cde_goals(self, create, extracted, **kwargs):
        if create and extracted is not None:
            self.cde_goals.set(extracted)
            self.save()


class PageFactory(factory.Factory):
    """Builds a page and adds it under `parent` (a required keyword)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = ""

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        if not kwargs.get("slug"):
            from django.utils.text import slugify

            kwargs["slug"] = slugify(kwargs["title"])[:200]
        return parent.add_child(instance=model_class(**kwargs))

    @classmethod
    def _build(cls, model_class, *args, parent=None, **kwargs):
        return model_class(**kwargs)


class ProgramPageFactory(PageFactory):
    class Meta:
        model = ProgramPage

    title = factory.Sequence(lambda n: f"Program {n}")


class ModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    number = factory.Sequence(lambda n: n + 1)
    month = datetime.date(2026, 9, 1)
    estimated_minutes = 180


class ResourceIndexPageFactory(PageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resources"
    slug = "resources"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About {n}")


class FormPageFactory(PageFactory):
    class Meta:
        model = FormPage

    title = factory.Sequence(lambda n: f"Form {n}")
