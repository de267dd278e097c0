import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from cohort_site.unchanged import UNCHANGED, assign
from cohorts import access
from cohorts.models import Team
from cohorts.services import team_summary_changed

from .localized import in_source_locale
from .models import HomePage, ModuleRelease


@transaction.atomic
def home_page_ensure(
    *,
    title: str = "Equity Improvement Project",
    intro=UNCHANGED,
    body=UNCHANGED,
    audience=UNCHANGED,
    how_to_join=UNCHANGED,
) -> HomePage:
    """Return the site's HomePage, creating the Wagtail root, home page and Site when missing.

    Idempotent: `seed_demo` and tests call it on databases in any state (even a flushed one).
    `intro`, `body`, `audience` and `how_to_join`, when given, are published on the page.
    """
    fields = {
        name: value
        for name, value in {
            "intro": intro,
            "body": body,
            "audience": audience,
            "how_to_join": how_to_join,
        }.items()
        if value is not UNCHANGED
    }
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    home = in_source_locale(HomePage.objects.all()).first() or HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
        # The default Wagtail welcome page would clash with our home page's slug.
        Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").delete()
        root.refresh_from_db()
        home = root.add_child(instance=HomePage(title=title, slug="home", **fields))
    elif any(getattr(home, name) != value for name, value in fields.items()):
        assign(home, fields)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # Named, so the admin does not call the site after its host ("localhost").
        Site.objects.create(
            hostname="localhost",
            site_name=settings.WAGTAIL_SITE_NAME,
            root_page=home,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk or not site.site_name:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
    return home


# ---------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------


@transaction.atomic
def release_dates_save(*, cohort, by, dates: dict) -> None:
    """The day each module opens for the cohort ({module: date}), set by its facilitators (or a
    site admin). The team space's module panel and the dashboard's alerts (no ratified norms by
    the third module) follow: the cohort's teams' versions move."""
    if not access.can_manage_cohort(by, cohort):
        raise PermissionDenied
    for module, opens_on in dates.items():
        ModuleRelease.objects.update_or_create(
            cohort=cohort, module=module, defaults={"opens_on": opens_on}
        )
    team_summary_changed(*Team.objects.filter(cohort=cohort).values_list("pk", flat=True))


def module_mark_done(*, user, module):
    """Record that `user` finished `module` (idempotent). Refused while the module is closed."""
    from django.core.exceptions import PermissionDenied

    from .models import ModuleCompletion
    from .release import module_is_open

    if not module_is_open(module, user):
        raise PermissionDenied
    completion, created = ModuleCompletion.objects.get_or_create(user=user, module=module)
    if created:
        _completion_shown_changed(user)
    return completion


def _completion_shown_changed(user) -> None:
    """The cohort dashboard's completion heat map shows the person's teams afresh."""
    from cohorts.models import Membership
    from cohorts.services import team_summary_changed

    team_summary_changed(
        *Membership.objects.current().filter(user=user).values_list("team_id", flat=True)
    )


# ---------------------------------------------------------------------------
# Resource library and search
# ---------------------------------------------------------------------------


def paginate(request_get, items, *, per_page: int):
    from django.core.paginator import Paginator

    paginator = Paginator(items, per_page)
    return paginator.get_page(request_get.get("page"))


def resources_filtered(params, *, per_page: int = 20) -> dict:
    """The library's filter form and one page of matching resources, each in the reader's
    language when translated (the filters and the search decide on the curriculum's rows)."""
    from .forms import ResourceFilterForm
    from .localized import in_reader_language
    from .models import Resource

    form = ResourceFilterForm(params or None)
    resources = Resource.objects.all()
    query = ""
    if form.is_valid():
        data = form.cleaned_data
        if data["topic"]:
            resources = resources.filter(topics=data["topic"])
        if data["type"]:
            resources = resources.filter(resource_type=data["type"])
        if data["group"]:
            resources = resources.filter(student_groups=data["group"])
        if data["goal"]:
            resources = resources.filter(cde_goals=data["goal"])
        if data["area"]:
            resources = resources.filter(equity_areas=data["area"])
        query = data["q"].strip()
    if query:
        # Found in any language's text: the resource answers once.
        words = search_words(query)
        found = get_search_backend().search(words, Resource) if words else []
        resources = resources.filter(translation_key__in={r.translation_key for r in found})
    shown = (
        in_reader_language(resources)
        .select_related("document", "locale")
        .prefetch_related("topics", "cde_goals")
        .order_by("title")
    )
    page = paginate(params, shown, per_page=per_page)
    filters = params.copy()
    filters.pop("page", None)
    return {"filter_form": form, "resources": page, "query": query, "filters": filters.urlencode()}


SEARCH_MAX_WORDS = 20
SEARCH_WORD = re.compile(r"\w+")


def search_words(query: str) -> str:
    """What someone typed in a search box as plain words, nothing a full-text engine parses.

    Quotes, brackets, operators (`-`, `*`, `&|!`, `<->`, `:`) and control characters split
    words; keywords such as OR and NEAR are lowercased into plain words; at most 20 words.
    SQLite's FTS5 and PostgreSQL's tsquery then see words only, so no query answers a 500.
    """
    return " ".join(SEARCH_WORD.findall(query.lower())[:SEARCH_MAX_WORDS])


def site_search(query: str):
    """Live module pages, then resources, matching the words of `query` (Wagtail's database
    backend). A module or resource found through its translation answers once, as the
    curriculum's page, or as the resource in the reader's language."""
    from .localized import in_reader_language, sources_of
    from .models import ModulePage, Resource

    words = search_words(query)
    if not words:
        return []
    modules = sources_of(list(ModulePage.objects.live().public().search(words)), ModulePage)
    rank = {}  # by relevance, each resource once (at its best-ranked language)
    for found in get_search_backend().search(words, Resource):
        rank.setdefault(found.translation_key, len(rank))
    shown = in_reader_language(Resource.objects.filter(translation_key__in=rank))
    resources = (
        sorted(shown.select_related("document", "locale"), key=lambda r: rank[r.translation_key])
        if rank
        else []
    )
    return [
        *({"kind": "module", "item": m} for m in modules),
        *({"kind": "resource", "item": r} for r in resources),
    ]


# ---------------------------------------------------------------------------
# Forms: rate limit and submissions
# ---------------------------------------------------------------------------


def form_rate_limited(request, page) -> bool:
    """Count this POST against the form and the client's address (ACCOUNT_RATE_LIMITS
    "public_form"); True once over the limit.

    allauth's rate-limit helper and client address (which honours ALLAUTH_TRUSTED_PROXY_COUNT)
    so the site's own limit follows the same rule as the login limits behind a proxy.
    """
    from allauth.account.adapter import get_adapter
    from allauth.core import ratelimit

    client = get_adapter(request).get_client_ip(request)
    return not ratelimit.consume(request, action="public_form", key=f"{page.pk}:{client}")


@transaction.atomic
def form_submission_create(*, page, form):
    """Store a form submission and, in the same transaction, queue the facilitators' notice
    and the submitter's fixed-text confirmation in the outbox (retried; sent after commit)."""
    from .mail import queue_form_confirmation, queue_form_notice

    form.cleaned_data.pop("website", None)
    submission = page.get_submission_class().objects.create(form_data=form.cleaned_data, page=page)
    queue_form_notice(submission=submission, page=page)
    queue_form_confirmation(submission=submission, page=page)
    return submission
