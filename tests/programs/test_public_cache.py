"""Anonymous visitors get cached curriculum pages, fresh after every publish, and 304s."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_an_anonymous_module_page_is_cached_until_the_module_is_published(client, module):
    _publish(module)
    with CaptureQueriesContext(connection) as rendered:
        first = client.get(module.url)
    assert first.status_code == 200 and first.has_header("ETag")
    with CaptureQueriesContext(connection) as again:
        second = client.get(module.url)
    assert second.content.count(b"Launch: Why Equity") == first.content.count(b"Launch: Why Equity")
    assert len(again) < len(rendered)  # served from the cache: routing only, no rendering
    _publish(module, title="Launch: Why Equity, Why Now")
    assert b"Why Equity, Why Now" in client.get(module.url).content


def test_a_browser_revalidating_its_copy_gets_304_until_a_publish(client, module):
    _publish(module)
    etag = client.get(module.url)["ETag"]
    not_modified = client.get(module.url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not not_modified.content
    _publish(module, title="Launch, revised")
    fresh = client.get(module.url, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and b"Launch, revised" in fresh.content


def test_each_cached_copy_carries_this_response_csp_nonce(client, module):
    _publish(module)
    client.get(module.url)
    response = client.get(module.url)
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"'.encode() in response.content


def test_logged_in_people_are_never_served_a_cached_copy(module, roles):
    _publish(module)
    client = client_for("member_a", roles)
    response = client.get(module.url)
    assert not response.has_header("ETag")
    assert b"csrfmiddlewaretoken" in response.content  # their page holds forms


def test_a_cached_copy_carries_a_language_switch_token_that_works_for_this_visitor(module):
    from django.test import Client

    _publish(module)
    Client().get(module.url)  # someone else's visit fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(module.url)
    assert page.has_header("ETag") and b"__cohort_csrf_token__" not in page.content
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    switched = visitor.post("/i18n/setlang/", {"language": "es", "csrfmiddlewaretoken": token})

    assert switched.status_code == 302


def _queries(client, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(queries)


def test_a_cached_page_answers_before_routing_with_at_most_one_query(client, module):
    """The second visit reads no site, page or view restriction: the cache answers first."""
    _publish(module)
    first, rendered = _queries(client, module.url)
    second, cached = _queries(client, module.url)
    assert second.status_code == 200 and second["ETag"] == first["ETag"]
    assert b"Launch: Why Equity" in second.content
    assert cached <= 1 < rendered
    not_modified, revalidated = _queries(
        client, module.url, headers={"If-None-Match": first["ETag"]}
    )
    assert not_modified.status_code == 304 and revalidated <= 1


def test_the_pre_routing_copy_is_replaced_when_the_program_is_published(client, program, module):
    """A module's page shows its program's title: publishing the program refreshes it too."""
    _publish(module)
    client.get(module.url)
    _publish(program, title="Equity Improvement Project, renamed")
    assert b"renamed" in client.get(module.url).content


def test_each_language_has_its_own_cached_copy(module):
    from django.test import Client

    _publish(module)
    spanish = Client(headers={"Accept-Language": "es"})
    english = Client(headers={"Accept-Language": "en"})
    spanish.get(module.url)  # fills the Spanish copy
    assert b'lang="es"' in spanish.get(module.url).content
    assert b'lang="en"' in english.get(module.url).content
    assert b'lang="es"' in spanish.get(module.url).content


def test_a_logged_in_person_never_gets_the_copy_an_anonymous_visitor_filled(client, module, roles):
    _publish(module)
    client.get(module.url)
    member = client_for("member_a", roles)
    response = member.get(module.url)
    assert not response.has_header("ETag")
    assert b'name="csrfmiddlewaretoken" value="__cohort' not in response.content
    assert b"Log out" in response.content or b"logout" in response.content


def test_a_password_protected_page_is_never_kept_for_other_visitors(module):
    from django.test import Client
    from django.urls import reverse

    from wagtail.models import PageViewRestriction

    _publish(module)
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    insider = Client()
    insider.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, module.pk]),
        {"password": "secret", "return_url": module.url},
    )
    assert b"Launch: Why Equity" in insider.get(module.url).content
    stranger = Client().get(module.url)
    assert b"Launch: Why Equity" not in stranger.content and not stranger.has_header("ETag")
