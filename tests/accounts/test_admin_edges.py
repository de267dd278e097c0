"""The Wagtail and Django admins' own account pages: allauth's rules apply, and nobody loops."""

import pytest

from django.test import Client

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

WAGTAIL_RESET_URLS = [
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/confirm/MQ/set-password/",
    "/admin/password_reset/complete/",
]


@pytest.mark.parametrize("url", WAGTAIL_RESET_URLS)
def test_wagtail_password_reset_goes_to_allauth(url, mailoutbox):
    UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client = Client()
    for response in (client.get(url), client.post(url, {"email": "admin@example.org"})):
        assert response.status_code == 302
        assert response.url == "/accounts/password/reset/"
    assert mailoutbox == []


def follow(client, url, hops):
    """Follow at most `hops` redirects; return the last response and the URLs visited."""
    visited = [url]
    response = client.get(url)
    while response.status_code in (301, 302) and len(visited) <= hops:
        visited.append(response.url)
        response = client.get(response.url)
    return response, visited


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_logged_in_without_admin_access_gets_the_friendly_403(url):
    client = Client()
    client.force_login(UserFactory(email="member@example.org"))
    response, visited = follow(client, url, hops=2)
    assert response.status_code == 403, visited
    assert "403.html" in [t.name for t in response.templates]
    assert "You do not have access to this page" in response.text


@pytest.mark.parametrize("url", ["/admin/", "/django-admin/"])
def test_anonymous_still_goes_to_login(url):
    response, visited = follow(Client(), url, hops=2)
    assert response.status_code == 200
    assert visited[-1].startswith("/accounts/login/?next=")
    assert "/accounts/login/" in response.request["PATH_INFO"]


def test_someone_with_admin_access_opens_the_admin():
    client = Client()
    client.force_login(UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/login/").url == "/admin/"
    assert client.get("/django-admin/login/").url == "/django-admin/"
