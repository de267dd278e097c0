"""Logged-in readers share one rendering of a module's content and of the resource library
(programs/fragments.py): fresh after every publish and snippet change, never a draft, never
another person's progress, and still served while the cache is down."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.factories import (
    ResourceFactory,
    ResourceIndexPageFactory,
    TopicFactory,
)
from programs.models import CdeEquityGoal, ModuleRelease, Topic
from programs.public_cache import purge
from tests.cohort_site.outage import redis_down_caches
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

BODY = "This project begins with the people who will do the work."


def _publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


def test_a_publish_shows_at_once_to_a_logged_in_member(module, roles):
    member = client_for("member_a", roles)
    assert BODY in member.get(module.url).text
    assert BODY in member.get(module.url).text  # the shared copy
    _publish(module, body=[("paragraph", "<p>Rewritten for the second cohort.</p>")])
    page = member.get(module.url).text
    assert "Rewritten for the second cohort." in page and BODY not in page


def test_a_repeat_view_reads_no_module_content(module, roles):
    member = client_for("member_a", roles)
    with CaptureQueriesContext(connection) as first:
        member.get(module.url)
    with CaptureQueriesContext(connection) as again:
        assert BODY in member.get(module.url).text
    assert len(again) < len(first)
    assert not [q for q in again.captured_queries if "programs_moduleobjective" in q["sql"]]


def test_a_draft_is_never_shared_and_a_preview_never_gets_the_live_copy(module, roles):
    member = client_for("member_a", roles)
    admin = client_for("site_admin", roles)
    assert BODY in member.get(module.url).text  # the live copy is cached
    module.body = [("paragraph", "<p>Draft words not yet published.</p>")]
    module.save_revision()  # a draft, not published
    preview = admin.get(reverse("wagtailadmin_pages:view_draft", args=[module.pk])).text
    assert "Draft words not yet published." in preview and BODY not in preview
    for reader in (member, admin):
        page = reader.get(module.url).text
        assert BODY in page and "Draft words" not in page


def test_a_reader_whose_cohort_has_not_opened_the_module_never_gets_the_shared_copy(
    module, roles, facilitator
):
    assert BODY in client_for("facilitator", {"facilitator": facilitator}).get(module.url).text
    ModuleRelease.objects.create(
        cohort=roles["cohort"], module=module, opens_on=datetime.date(2099, 9, 1)
    )
    page = client_for("member_a", roles).get(module.url).text
    assert BODY not in page and "opens for your cohort" in page


def test_each_reader_keeps_their_own_progress(module, roles):
    member, lead = client_for("member_a", roles), client_for("lead_a", roles)
    lead.get(module.url)  # fills the shared copy
    member.post(reverse("programs:module_done", args=[module.pk]))
    mine, theirs = member.get(module.url).text, lead.get(module.url).text
    assert "You marked this module as done." in mine and BODY in mine
    assert "You marked this module as done." not in theirs and "Mark as done" in theirs
    assert BODY in theirs


def test_each_language_has_its_own_shared_copy(module, roles):
    english = client_for("member_a", roles).get(module.url).text
    assert "Reflect" in english and "Reflexionar" not in english
    roles["lead_a"].preferred_language = "es"
    roles["lead_a"].save()
    spanish = client_for("lead_a", roles).get(module.url).text
    assert "Reflexionar" in spanish and BODY in spanish  # no translation yet: English text


def test_a_new_topic_appears_in_the_library_filters_after_saving_it(library, roles):
    member = client_for("member_a", roles)
    ResourceFactory(title="Attendance Works toolkit", topics=[TopicFactory(name="Attendance")])
    assert "Attendance Works toolkit" in member.get(library.url).text  # cached
    admin = client_for("site_admin", roles)
    added = admin.post(
        reverse("wagtailsnippets_programs_topic:add"),
        {"name": "Family partnership", "slug": "family-partnership"},
    )
    assert added.status_code == 302
    assert "Family partnership" in member.get(library.url).text
    topic = Topic.objects.get(slug="family-partnership")
    deleted = admin.post(reverse("wagtailsnippets_programs_topic:delete", args=[topic.pk]))
    assert deleted.status_code == 302
    assert "Family partnership" not in member.get(library.url).text


def test_a_bulk_delete_in_the_admin_refreshes_the_library(library, roles):
    member = client_for("member_a", roles)
    topic = TopicFactory(name="Chronic absence")
    assert "Chronic absence" in member.get(library.url).text
    admin = client_for("site_admin", roles)
    url = reverse("wagtail_bulk_action", args=["programs", "topic", "delete"]) + f"?id={topic.pk}"
    assert admin.post(url).status_code == 302
    assert not Topic.objects.filter(pk=topic.pk).exists()
    assert "Chronic absence" not in member.get(library.url).text


def test_a_resource_saved_again_shows_its_new_title(library, roles):
    member = client_for("member_a", roles)
    resource = ResourceFactory(title="Equity audit guide")
    assert "Equity audit guide" in member.get(library.url).text
    resource.title = "Equity audit guide, second edition"
    resource.save()
    assert "second edition" in member.get(library.url).text


def test_filtered_views_are_rendered_not_kept(library, roles):
    literacy = TopicFactory(slug="literacy", name="Literacy")
    ResourceFactory(title="Reading together", topics=[literacy])
    ResourceFactory(title="Climate survey")
    member = client_for("member_a", roles)
    assert "Climate survey" in member.get(library.url).text
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            filtered = member.get(library.url, {"topic": "literacy"}).text
        counts.append(len(queries))
        assert "Reading together" in filtered and "Climate survey" not in filtered
    assert counts[0] == counts[1]  # typed-in filters never fill the cache
    assert "Climate survey" in member.get(library.url).text


def _library_queries(client, url):
    purge()
    with CaptureQueriesContext(connection) as rendered:
        client.get(url)
    with CaptureQueriesContext(connection) as shared:
        response = client.get(url)
    return len(rendered), len(shared), response


def test_library_queries_stay_flat_from_1_to_30_resources(library, roles):
    member = client_for("member_a", roles)
    goal = CdeEquityGoal.objects.create(number=1, slug="goal-1", title="Goal one")
    member.get(library.url)
    topics = [TopicFactory() for _ in range(3)]
    ResourceFactory(title="Only one", topics=topics, cde_goals=[goal])
    one = _library_queries(member, library.url)
    for n in range(29):
        ResourceFactory(title=f"More {n}", topics=topics, cde_goals=[goal])
        TopicFactory()
    thirty = _library_queries(member, library.url)
    assert one[:2] == thirty[:2]
    assert thirty[1] < thirty[0]  # the shared copy needs no resource or taxonomy query
    assert thirty[2].text.count('class="resource"') == 20  # one page of 20


def test_pages_still_render_while_the_cache_is_down(settings, module, library, roles):
    ResourceFactory(title="Read while Redis is down")
    settings.CACHES = redis_down_caches()
    member = client_for("member_a", roles)
    for _ in range(2):
        assert BODY in member.get(module.url).text
        assert "Read while Redis is down" in member.get(library.url).text
