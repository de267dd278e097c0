from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import ModuleBodyBlock
from .permissions import OnlySiteAdminsDelete

# ---------------------------------------------------------------------------
# Taxonomy snippets (registered in wagtail_hooks.py)
# ---------------------------------------------------------------------------


class ProgramGoal(models.Model):
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


class CdeEquityGoal(models.Model):
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


class EquityArea(models.Model):
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


class LiberatoryDesignMode(models.Model):
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


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class StudentGroup(models.Model):
    """California School Dashboard student groups (code as published)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    label = models.CharField(_("label"), max_length=120)

    class Meta:
        ordering = ["label"]
        verbose_name = _("student group")
        verbose_name_plural = _("student groups")

    def __str__(self):
        return self.label


class Protocol(index.Indexed, ClusterableModel):
    """A named discussion protocol with timed steps, reused across modules."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("protocol")
        verbose_name_plural = _("protocols")

    def __str__(self):
        return self.name


class ProtocolStep(Orderable):
    protocol = ParentalKey(Protocol, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField(_("step"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))

    panels = [FieldPanel("text"), FieldPanel("minutes")]

    class Meta(Orderable.Meta):
        verbose_name = _("protocol step")


class Resource(index.Indexed, ClusterableModel):
    """A report, toolkit or video in the resource library.

    A snippet rather than a page: resources have no body of their own (each is a link or a
    file), module pages pick them with a chooser inside their body, and the library is one
    filterable list on ResourceIndexPage. A page per resource would add a tree, revisions and
    URLs that nobody reads.
    """

    class Type(models.TextChoices):
        REPORT = "report", _("Report")
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDE = "guide", _("Guide")
        VIDEO = "video", _("Video")
        LETTER = "letter", _("Letter")
        RESEARCH_BRIEF = "research_brief", _("Research brief")

    title = models.CharField(_("title"), max_length=255, unique=True)
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

    class Meta:
        ordering = ["title"]
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


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


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
        if path_components:
            program = ProgramPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if program is not None:
                program._cached_parent_obj = self
                return program.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public()
        context["programs"] = children.type(ProgramPage).specific()
        context["resource_library"] = children.type(ResourceIndexPage).first()
        context["site_forms"] = site_forms(self)
        return context


class PublicCachedPage:
    """Anonymous visitors get a cached copy (programs/public_cache.py)."""

    def serve(self, request, *args, **kwargs):
        from .public_cache import serve_cached

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
        """Fetch a module with its tags in one go: the module page's query count stays fixed."""
        if len(path_components) == 1:
            module = (
                ModulePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("mode")
                .prefetch_related("objectives", "goals")
                .annotate(is_done=ModuleCompletion.objects.done_by(request.user))
                .first()
            )
            if module is not None:
                module._cached_parent_obj = self
                return module.route(request, [])
        return super().route(request, path_components)

    def modules_for(self, user):
        from .release import module_states

        modules = list(
            ModulePage.objects.child_of(self)
            .live()
            .public()
            .order_by("number")
            .prefetch_related("goals", "cde_goals", "equity_areas")
        )
        return module_states(modules, user)

    def get_context(self, request, *args, **kwargs):
        from .forms import EquityTagFilterForm

        context = super().get_context(request, *args, **kwargs)
        context["goals"] = self.goals.all()
        timeline = self.modules_for(request.user)
        # The CDE goal and area filters: a plain GET form, so it works without JavaScript.
        tag_filter = EquityTagFilterForm(request.GET or None)
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
        from .release import module_is_open, opening_date

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["can_read"] = module_is_open(self, user)
        if user.is_authenticated and not context["can_read"]:
            context["opens_on"] = opening_date(self, user)
        is_done = getattr(self, "is_done", None)  # annotated when routed by ProgramPage
        if is_done is None:
            is_done = ModuleCompletion.objects.filter(user_id=user.pk, module=self).exists()
        context["is_done"] = user.is_authenticated and is_done
        context["objectives"] = self.objectives.all()
        context["goals"] = self.goals.all()
        return context


class ModuleObjective(Orderable):
    page = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("learning objective")


class ModuleCompletionQuerySet(models.QuerySet):
    def done_by(self, user):
        """An Exists() expression for annotating modules: has `user` marked it done?"""
        return models.Exists(
            self.filter(
                module=models.OuterRef("pk"), user_id=user.pk if user.is_authenticated else None
            )
        )


class ModuleCompletion(models.Model):
    """A participant marked a module as done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    objects = ModuleCompletionQuerySet.as_manager()

    class Meta:
        verbose_name = _("module completion")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_module_completion")
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"


class ModuleRelease(models.Model):
    """When a module opens to one cohort's members (default: the first day of its month)."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="module_releases"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="releases")
    opens_on = models.DateField(_("opens on"))

    class Meta:
        verbose_name = _("module release date")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "module"], name="one_release_per_cohort_module"
            )
        ]

    def __str__(self):
        return f"{self.module} → {self.cohort}: {self.opens_on}"


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
        from .services import resources_filtered

        context = super().get_context(request, *args, **kwargs)
        context.update(resources_filtered(request.GET, per_page=self.per_page))
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
        context["site_forms"] = site_forms(self)
        return context


def site_forms(page) -> list:
    """The site's public forms (partnership proposal, contact list), linked from Home and About."""
    site = page.get_site()
    if site is None:
        return []
    return list(FormPage.objects.live().public().in_site(site).order_by("path"))


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(OnlySiteAdminsDelete, AbstractEmailForm):
    """Partnership proposals and the contact list: editor-built forms with bot protection.

    Submissions are stored (Forms in the admin, CSV export built in); after commit the submitter
    gets a confirmation with fixed text only and facilitators a notice (programs/mail.py).
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    confirmation_subject = models.CharField(
        _("confirmation email subject"), max_length=200, blank=True
    )
    confirmation_text = models.TextField(
        _("confirmation email text"),
        blank=True,
        help_text=_("Sent to the address in the form's first email field."),
    )

    def get_submissions_list_view_class(self):
        from cohort_site.admin_exports import SubmissionsListView

        return SubmissionsListView  # the CSV and XLSX exports go through the one writer

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("confirmation_subject"),
                FieldPanel("confirmation_text"),
            ],
            heading=_("Email"),
        ),
    ]
    parent_page_types = ["programs.HomePage"]
    subpage_types = []
    template = "programs/form_page.html"
    landing_page_template = "programs/form_page_landing.html"

    class Meta:
        verbose_name = _("form page")

    def get_form_class(self):
        from .forms import form_class_with_honeypot

        return form_class_with_honeypot(super().get_form_class())

    def serve(self, request, *args, **kwargs):
        from .services import form_rate_limited

        if request.method == "POST" and form_rate_limited(request, self):
            from django.shortcuts import render

            form = self.get_form(page=self, user=request.user)
            context = self.get_context(request)
            context["form"] = form
            context["rate_limited"] = True
            return render(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        from .services import form_submission_create

        return form_submission_create(page=self, form=form)
