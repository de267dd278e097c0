"""The public pages: home, program, its modules, the resource library and plain pages."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index

from ..blocks import ModuleBodyBlock
from ..fragments import cached_fragment
from ..localized import reading_of, source_home, with_translations
from ..permissions import OnlySiteAdminsDelete
from ..public_cache import serve_cached
from .form_pages import FormPage
from .progress import ModuleCompletion
from .rules import page_rules
from .taxonomy import CdeEquityGoal, EquityArea, LiberatoryDesignMode, ProgramGoal, Topic


class HomePage(OnlySiteAdminsDelete, Page):
    """The public front door: what the program is, for whom, and how to join."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("about the program"), blank=True)
    audience = RichTextField(_("who it is for"), blank=True)
    how_to_join = RichTextField(_("how to join"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("audience"),
        FieldPanel("how_to_join"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "programs.ProgramPage",
        "programs.ResourceIndexPage",
        "programs.FormPage",
        "programs.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Fetch a program child as a ProgramPage in one query (Wagtail's route takes two)."""
        # Wagtail routes a Spanish reader from the home page's Spanish translation; URLs mean
        # the same in every language, so the curriculum's own tree answers them all.
        home = source_home(self)
        if home is not self:
            return home.route(request, path_components)
        if path_components:
            program = ProgramPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if program is not None:
                program._cached_parent_obj = self
                return program.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The private sections read once for the three lists, and the programs as ProgramPages
        # (not pages made specific afterwards): four queries instead of six.
        private = Page.objects.private_q()
        context["programs"] = ProgramPage.objects.child_of(self).live().exclude(private)
        context["resource_library"] = (
            ResourceIndexPage.objects.child_of(self).live().exclude(private).first()
        )
        context["site_forms"] = site_forms(self, request, private=private)
        return context


class PublicCachedPage:
    """Anonymous visitors get a cached copy (programs/public_cache.py)."""

    def serve(self, request, *args, **kwargs):
        return serve_cached(
            self, request, lambda: super(PublicCachedPage, self).serve(request, *args, **kwargs)
        )


class ProgramPage(PublicCachedPage, OnlySiteAdminsDelete, Page):
    """A year-long program: overview, audience, goals and the timeline of its modules."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    overview = RichTextField(_("overview"), blank=True)
    audience = RichTextField(_("audience"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    goals = ParentalManyToManyField(ProgramGoal, verbose_name=_("program goals"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("overview"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*Page.search_fields, index.SearchField("overview")]

    parent_page_types = ["programs.HomePage"]
    subpage_types = ["programs.ModulePage"]

    class Meta:
        verbose_name = _("program page")

    def route(self, request, path_components):
        """Fetch a module with its mode, progress and the reader's release date in one query;
        its objectives and goals are read only when its shared content is rendered
        (programs/fragments.py)."""
        if len(path_components) == 1:
            user = request.user
            modules = (
                ModulePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("mode")
                .annotate(is_done=ModuleCompletion.objects.done_by(user))
            )
            if user.is_authenticated:
                modules = modules.annotate(reader_opens_on=page_rules().release_date_for(user))
            module = modules.first()
            if module is not None:
                module._cached_parent_obj = self
                if user.is_authenticated:
                    module.person_release = (user.pk, module.reader_opens_on)
                return module.route(request, [])
        return super().route(request, path_components)

    def modules_for(self, user):
        modules = list(
            ModulePage.objects.child_of(self)
            .live()
            .public()
            .order_by("number")
            .prefetch_related("goals", "cde_goals", "equity_areas")
        )
        return with_translations(page_rules().module_states(modules, user))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reading"] = reading_of(self)
        context["goals"] = self.goals.all()
        timeline = self.modules_for(request.user)
        # The CDE goal and area filters: a plain GET form, so it works without JavaScript.
        tag_filter = page_rules().equity_tag_filter_form(request.GET or None)
        if tag_filter.is_valid():
            goal, area = tag_filter.cleaned_data["goal"], tag_filter.cleaned_data["area"]
            timeline = [
                entry
                for entry in timeline
                if (goal is None or goal in entry.module.cde_goals.all())
                and (area is None or area in entry.module.equity_areas.all())
            ]
        context["tag_filter"] = tag_filter
        context["timeline"] = timeline
        return context


class ModulePage(PublicCachedPage, OnlySiteAdminsDelete, Page):
    """One monthly session: what participants learn, do and reflect on."""

    number = models.PositiveSmallIntegerField(_("number"))
    month = models.DateField(
        _("month"), help_text=_("Any day in the month of the session; only month and year show.")
    )
    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), null=True, blank=True
    )
    mode = models.ForeignKey(
        LiberatoryDesignMode,
        verbose_name=_("main Liberatory Design mode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    goals = ParentalManyToManyField(ProgramGoal, verbose_name=_("goals it serves"), blank=True)
    cde_goals = ParentalManyToManyField(
        CdeEquityGoal, verbose_name=_("CDE goals of equity"), blank=True
    )
    equity_areas = ParentalManyToManyField(EquityArea, verbose_name=_("equity areas"), blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    body = StreamField(ModuleBodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("month"), FieldPanel("estimated_minutes")]),
        FieldPanel("summary"),
        InlinePanel("objectives", label=_("Learning objectives")),
        MultiFieldPanel(
            [
                FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
                FieldPanel("mode"),
                FieldPanel("cde_goals"),
                FieldPanel("equity_areas"),
                FieldPanel("topics"),
            ],
            heading=_("Tags"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["programs.ProgramPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module page")

    def get_context(self, request, *args, **kwargs):
        rules = page_rules()
        context = super().get_context(request, *args, **kwargs)
        # Its text in the reader's language; URL, release and progress stay this page's.
        context["reading"] = reading = reading_of(self)
        user = request.user
        context["can_read"] = rules.module_is_open(self, user)
        if user.is_authenticated and not context["can_read"]:
            context["opens_on"] = rules.opening_date(self, user)
        is_done = getattr(self, "is_done", None)  # annotated when routed by ProgramPage
        if is_done is None:
            is_done = ModuleCompletion.objects.filter(user_id=user.pk, module=self).exists()
        context["is_done"] = user.is_authenticated and is_done
        if context["can_read"]:
            # The same for every reader in this language: rendered once per version.
            context["module_content"] = cached_fragment(
                request,
                "module",
                (self.pk, reading.content.pk, reading.missing),
                "programs/includes/module_content.html",
                lambda: {
                    "reading": reading,
                    "objectives": reading.content.objectives.all(),
                    "goals": self.goals.all(),
                },
            )
        return context


class ModuleObjective(TranslatableMixin, Orderable):
    # Translatable: wagtail-localize offers each objective for translation with its module.
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("learning objective")


class ResourceIndexPage(OnlySiteAdminsDelete, Page):
    """The resource library at /resources/: filter by topic, type and group, search, pages."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    per_page = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["programs.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("resource library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reading"] = reading_of(self)
        # The unfiltered library reads the same to everyone: rendered once per version and
        # page number. Filtered and searched views are rendered each time (any words may be
        # typed in; they must not fill the cache).
        number = request.GET.get("page", "1")
        shared = set(request.GET) <= {"page"} and number.isdigit() and len(number) <= 4
        context["library"] = cached_fragment(
            request,
            "resources",
            (self.pk, request.path, number) if shared else None,
            "programs/includes/resource_library.html",
            lambda: {
                **page_rules().resources_filtered(request.GET, per_page=self.per_page),
                "path": request.path,
            },
        )
        return context


class StandardPage(OnlySiteAdminsDelete, Page):
    """About, contact and other plain pages."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["programs.HomePage", "programs.StandardPage"]
    subpage_types = ["programs.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["site_forms"] = site_forms(self, request)
        return context


def site_forms(page, request=None, *, private=None) -> list:
    """The site's public forms (partnership proposal, contact list), linked from Home and About.

    The site comes from the request when there is one (Wagtail found it while routing and keeps
    it on the request: no second query). `private`: the private sections' `private_q()`, when
    the page has read it already."""
    site = Site.find_for_request(request) if request is not None else page.get_site()
    if site is None:
        return []
    forms = FormPage.objects.live().in_site(site)
    forms = forms.public() if private is None else forms.exclude(private)
    return list(forms.order_by("path"))
