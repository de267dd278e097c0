"""With Redis down, people log in, read, write and log out; nothing answers 500."""

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client
from django.urls import path

from journals.models import JournalEntry
from tests.cohort_site.outage import hidden_fields, redis_down_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_down_caches()


def login(client, email, password):
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    data = {**hidden_fields(page.content.decode()), "login": email, "password": password}
    return client.post("/accounts/login/", data)


def test_a_member_logs_in_reads_writes_and_logs_out_while_redis_is_down(
    redis_down, roles, password
):
    client = Client(enforce_csrf_checks=True)
    assert login(client, "member@example.org", password).status_code == 302
    assert Session.objects.exists()  # the session lives in the database

    team_page = client.get("/teams/team-a/")
    assert team_page.status_code == 200
    assert "Team A" in team_page.content.decode()
    # Its kept panels are rendered afresh (a miss), the committee's among them.
    assert "Mesa Linda advisory committee" in team_page.content.decode()

    form = client.get("/journal/new/")
    assert form.status_code == 200
    saved = client.post(
        "/journal/new/",
        {
            **hidden_fields(form.content.decode()),
            "title": "Written while the cache was down",
            "body": "<p>Still here.</p>",
            "kind": "learning",
            "visibility": "private",
            "team": roles["team_a"].pk,
        },
    )
    assert saved.status_code == 302
    entry = JournalEntry.objects.get(title="Written while the cache was down")
    assert saved.url == entry.get_absolute_url()
    assert client.get(saved.url).status_code == 200

    home = client.get("/")
    logout = client.post("/accounts/logout/", hidden_fields(home.content.decode()))
    assert logout.status_code == 302
    assert client.get("/teams/team-a/").url.startswith("/accounts/login/")


def test_the_account_lock_holds_while_redis_is_down(redis_down, roles, password):
    for _ in range(5):
        assert login(Client(), "member@example.org", "wrong-password").status_code == 200
    locked = login(Client(), "member@example.org", password)
    assert locked.status_code == 200  # the form again, not a login
    assert "Too many failed login attempts" in locked.content.decode()
    assert login(Client(), "lead@example.org", password).status_code == 302  # others log in


def test_the_account_lock_outlives_an_emptied_cache(roles, password):
    for _ in range(5):
        login(Client(), "member@example.org", "wrong-password")
    cache.clear()  # what a Redis restart does
    locked = login(Client(), "member@example.org", password)
    assert locked.status_code == 200
    assert "Too many failed login attempts" in locked.content.decode()


def redis_fails(request):
    raise RedisConnectionError("Connection refused")


def database_fails(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [path("redis-fails/", redis_fails), path("database-fails/", database_fails)]


@pytest.mark.urls("tests.cohort_site.test_cache_outage")
@pytest.mark.parametrize("url", ["/redis-fails/", "/database-fails/"])
def test_a_page_that_must_fail_says_503_without_touching_the_session(settings, roles, url):
    client = Client(raise_request_exception=False)
    client.force_login(roles["member_a"])
    # A plain RedisCache at a closed port: loading the session for the page would fail again.
    settings.CACHES = redis_down_caches()
    response = client.get(url)
    assert response.status_code == 503
    assert "Please try again in a minute" in response.content.decode()
    assert response["Retry-After"]
