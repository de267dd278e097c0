"""Taxonomy snippets (registered in wagtail_hooks.py): goals, CDE goals and areas of equity,
Liberatory Design modes, topics, student groups, protocols and the resource library's items.

Protocols (with their steps) and resources are translatable (`TranslatableSnippet`):
facilitators translate them with wagtail-localize like pages, and readers see the version in
their language when there is one (`programs/localized.py`)."""

from wagtail_localize.fields import SynchronizedField

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from ..localized import reader_language, source_language
from ..public_cache import purge


class CurriculumSnippet(models.Model):
    """Shown on cached curriculum pages and fragments (module bodies, the resource library's
    list and filters, program pages): saving or deleting one makes every cached copy stale."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        purge_now_and_on_commit()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        purge_now_and_on_commit()
        return result


class TranslatableSnippet(TranslatableMixin, CurriculumSnippet):
    """A curriculum snippet translated with wagtail-localize: each language's version is a row
    of its own (its `locale`), linked to the others by `translation_key`. wagtail-localize saves
    a translation with `save()`, so creating or updating one bumps the curriculum's version too.

    `unique_in_locale` names fields unique within one language (the database holds it as a
    unique constraint with the locale); `clean()` reports a clash on the field, as `unique=True`
    would, since the locale is not a form field and Django's checks would skip the constraint.
    """

    unique_in_locale: tuple[str, ...] = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def clean(self):
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        for name in self.unique_in_locale:
            clashes = type(self).objects.filter(locale_id=locale_id, **{name: getattr(self, name)})
            if clashes.exclude(pk=self.pk).exists():
                raise ValidationError({name: self.unique_error_message(type(self), (name,))})

    def reader_version(self):
        """This snippet as the reader reads it, when it was loaded with its translations
        (`localized.chosen_with_translations`, for the snippets a module's body chooses): its
        version in the reader's language, else the curriculum's original. Otherwise itself (no
        query)."""
        loaded = getattr(self, "translations_loaded", None)
        if not loaded:
            return self
        return loaded.get(reader_language() or source_language()) or loaded.get(
            source_language(), self
        )


def purge_now_and_on_commit() -> None:
    # Again after commit: a page rendered meanwhile from the old rows may have been cached
    # under the version bumped first.
    from django.db import transaction

    purge()
    transaction.on_commit(purge)


class ProgramGoal(CurriculumSnippet):
    """One of the county model's seven goals; programs list them, modules say which they serve."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"), "sort_order"]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("program goal")
        verbose_name_plural = _("program goals")

    def __str__(self):
        return self.title


class CdeEquityGoal(CurriculumSnippet):
    """The CDE Quality Schooling Framework's six goals of equity."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("CDE goal of equity")
        verbose_name_plural = _("CDE goals of equity")

    def __str__(self):
        return f"{self.number}. {self.title}"


class EquityArea(CurriculumSnippet):
    """The CDE's four areas where equity shows up."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("equity area")
        verbose_name_plural = _("equity areas")

    def __str__(self):
        return self.name


class LiberatoryDesignMode(CurriculumSnippet):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_core = models.BooleanField(
        _("core mode"), default=False, help_text=_("Notice and Reflect run through every mode.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("Liberatory Design mode")
        verbose_name_plural = _("Liberatory Design modes")

    def __str__(self):
        return self.name


class Topic(CurriculumSnippet):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class StudentGroup(CurriculumSnippet):
    """California School Dashboard student groups (code as published)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    label = models.CharField(_("label"), max_length=120)

    class Meta:
        ordering = ["label"]
        verbose_name = _("student group")
        verbose_name_plural = _("student groups")

    def __str__(self):
        return self.label


class Protocol(TranslatableSnippet, index.Indexed, ClusterableModel):
    """A named discussion protocol with timed steps, reused across modules. Its name, purpose,
    source and steps are translated; the slug, mode and minutes are the same in every language."""

    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    mode = models.ForeignKey(
        LiberatoryDesignMode,
        verbose_name=_("Liberatory Design mode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="protocols",
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        FieldPanel("mode"),
        FieldPanel("source"),
        InlinePanel("steps", label=_("Steps")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("purpose")]
    # The slug names the protocol in the content files and the seed: kept in every language.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    unique_in_locale = ("slug",)

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")

    def __str__(self):
        return self.name


class ProtocolStep(TranslatableMixin, CurriculumSnippet, Orderable):
    # Translatable: wagtail-localize offers each step's text with its protocol (in the
    # protocol's language; the minutes are synchronized).
    protocol = ParentalKey(Protocol, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField(_("step"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))

    panels = [FieldPanel("text"), FieldPanel("minutes")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("protocol step")

    def __str__(self):
        return self.text


class Resource(TranslatableSnippet, index.Indexed, ClusterableModel):
    """A report, toolkit or video in the resource library.

    A snippet rather than a page: resources have no body of their own (each is a link or a
    file), module pages pick them with a chooser inside their body, and the library is one
    filterable list on ResourceIndexPage. A page per resource would add a tree, revisions and
    URLs that nobody reads.

    Its title, summary and audience are translated; its type, tags, link and document are
    synchronized from the English (wagtail-localize lets a translation override the link or
    the document).
    """

    class Type(models.TextChoices):
        REPORT = "report", _("Report")
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDE = "guide", _("Guide")
        VIDEO = "video", _("Video")
        LETTER = "letter", _("Letter")
        RESEARCH_BRIEF = "research_brief", _("Research brief")

    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("external link"), max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("uploaded document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.CharField(_("one-line summary"), max_length=300)
    resource_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    student_groups = ParentalManyToManyField(
        StudentGroup, verbose_name=_("student groups"), blank=True
    )
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    cde_goals = ParentalManyToManyField(
        CdeEquityGoal, verbose_name=_("CDE goals of equity"), blank=True, related_name="resources"
    )
    equity_areas = ParentalManyToManyField(
        EquityArea, verbose_name=_("equity areas"), blank=True, related_name="resources"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("resource_type"),
        MultiFieldPanel([FieldPanel("url"), FieldPanel("document")], heading=_("Where to find it")),
        FieldPanel("topics"),
        FieldPanel("student_groups"),
        FieldPanel("cde_goals", widget=forms.CheckboxSelectMultiple),
        FieldPanel("equity_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audience"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("resource_type"),
    ]
    # wagtail-localize leaves many-to-many fields alone: keep the tags the curriculum's.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("topics", "student_groups", "cde_goals", "equity_areas")
    ]
    unique_in_locale = ("title",)

    class Meta(TranslatableSnippet.Meta):
        ordering = ["title"]
        unique_together = [("translation_key", "locale"), ("title", "locale")]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.url and self.document_id:
            raise ValidationError(_("Give either an external link or a document, not both."))

    @property
    def link(self) -> str:
        """Where the resource opens: the uploaded document, else the external link ("" if none)."""
        if self.document_id and self.document:
            return self.document.url
        return self.url
