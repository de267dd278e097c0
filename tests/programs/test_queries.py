"""Program and module pages render in a fixed number of queries, whatever their size."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.factories import (
    ModulePageFactory,
    ProgramGoalFactory,
    ProgramPageFactory,
    ProtocolFactory,
    ProtocolStepFactory,
    ResourceFactory,
    TopicFactory,
)
from programs.models import ModuleCompletion

# With translated curriculum pages on (WAGTAIL_I18N_ENABLED), Wagtail routes from the home
# page in the active language, which costs one query for the active locale. 14 (was 16): the
# reader's release date comes with the module (`ProgramPage.route`), and whether they
# facilitate with their roles (`person_roles`).
MAX_QUERIES = 14
# A module page whose shared content (objectives, goals, body) the cache holds.
SHARED_MAX_QUERIES = MAX_QUERIES - 5
# The program page also lists the CDE goals and areas in its filter and prefetches each
# module's goal and area tags: a fixed number of queries, however many modules.
PROGRAM_MAX_QUERIES = 20


def build_program(home, n_modules, user):
    goals = [ProgramGoalFactory() for _ in range(3)]
    program = ProgramPageFactory(parent=home, slug=f"program-{n_modules}")
    program.goals.set(goals)
    program.save()
    for n in range(n_modules):
        module = ModulePageFactory(
            parent=program, number=n + 1, month=datetime.date(2026, 9, 1), slug=f"m{n}"
        )
        module.goals.set(goals[:2])
        module.save()
        if n % 2:
            ModuleCompletion.objects.create(user=user, module=module)
    return program


def module_body(n_blocks):
    topic = TopicFactory()
    resources = [ResourceFactory(topics=[topic]) for _ in range(n_blocks)]
    protocols = []
    for _ in range(n_blocks):
        protocol = ProtocolFactory()
        ProtocolStepFactory.create_batch(3, protocol=protocol)
        protocols.append(protocol)
    body = []
    for n in range(n_blocks):
        body += [
            ("paragraph", f"<p>Paragraph {n}</p>"),
            ("heading", {"text": f"Heading {n}", "level": "h2"}),
            ("callout", {"title": "Tip", "text": "Keep it short.", "tone": "tip"}),
            ("resource_list", {"heading": "Read", "resources": resources[: n + 1]}),
            ("protocol", {"protocol": protocols[n], "name": "", "mode": None, "steps": []}),
            (
                "protocol",
                {
                    "protocol": None,
                    "name": "One-off",
                    "mode": None,
                    "steps": [{"text": "Talk", "minutes": 5}],
                },
            ),
            (
                "reflection_prompt",
                {"prompt": f"Prompt {n}", "kind": "learning", "default_privacy": "team"},
            ),
            ("team_task", {"kind": "aim", "title": "Aim", "description": "Write an aim."}),
        ]
    return body


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.django_db
def test_program_page_queries_do_not_grow(client, home, user, django_assert_max_num_queries):
    small = build_program(home, 3, user)
    large = build_program(home, 30, user)
    client.force_login(user)
    client.get(small.url)  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(PROGRAM_MAX_QUERIES):
        small_count, _ = count_queries(client, small.url)
    with django_assert_max_num_queries(PROGRAM_MAX_QUERIES):
        large_count, response = count_queries(client, large.url)
    assert small_count == large_count
    assert response.text.count("timeline-item") == 30
    assert response.text.count("state-done") == 15


@pytest.mark.django_db
def test_module_page_queries_do_not_grow(client, home, user, django_assert_max_num_queries):
    from programs.public_cache import purge

    small_program = build_program(home, 3, user)
    large_program = build_program(home, 30, user)
    small = ModulePageFactory(parent=small_program, number=99, body=module_body(3), slug="s")
    large = ModulePageFactory(parent=large_program, number=99, body=module_body(30), slug="l")
    client.force_login(user)
    client.get(small.url)
    rendered, shared = [], []
    for module in (small, large):
        purge()  # the module's shared content rendered afresh
        with django_assert_max_num_queries(MAX_QUERIES):
            rendered.append(count_queries(client, module.url)[0])
        # The next reader gets it from the cache: no objective, goal or protocol query.
        with django_assert_max_num_queries(SHARED_MAX_QUERIES):
            count, response = count_queries(client, module.url)
            shared.append(count)
    assert rendered[0] == rendered[1] and shared[0] == shared[1] < rendered[0]
    assert response.text.count('class="reflection-prompt"') == 30
    assert response.text.count("<li>Step") == 90


@pytest.mark.django_db
def test_anonymous_program_page_queries(client, home, user, django_assert_max_num_queries):
    small = build_program(home, 3, user)
    large = build_program(home, 30, user)
    from django.core.cache import cache

    client.get(small.url)
    client.get(large.url)
    cache.clear()  # measure the rendering, not the anonymous page cache
    small_count, _ = count_queries(client, small.url)
    cache.clear()
    large_count, _ = count_queries(client, large.url)
    cached_count, _ = count_queries(client, large.url)
    assert small_count == large_count <= 16
    assert cached_count < large_count  # the next anonymous visitor gets the cached copy


@pytest.mark.django_db
def test_the_home_page_reads_the_site_once(client, home, user):
    """Wagtail finds the site while routing; the home page's form links reuse it."""
    client.force_login(user)
    client.get(home.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(home.url).status_code == 200
    site_reads = [q for q in captured.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]
    assert len(site_reads) == 1


@pytest.mark.django_db
def test_the_home_page_reads_the_private_sections_once_and_lists_only_public_programs(
    client, home, user
):
    from wagtail.models import PageViewRestriction

    ProgramPageFactory(parent=home, title="Open program", slug="open")
    hidden = ProgramPageFactory(parent=home, title="Pilot program", slug="pilot")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(user)
    client.get(home.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(home.url)
    page = response.content.decode()
    assert "Open program" in page and "Pilot program" not in page
    restrictions = [
        q for q in captured.captured_queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]
    ]
    assert len(restrictions) == 2  # Wagtail's check of the page served, then the lists' one
