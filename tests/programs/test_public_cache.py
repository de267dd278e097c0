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
