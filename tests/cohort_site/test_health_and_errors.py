import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from tests.cohort_site.outage import redis_down_caches

READY_URLS = ["/healthz/ready", "/healthz"]  # /healthz stays as an alias of ready


@pytest.mark.django_db
def test_live_answers_from_the_process_alone(settings, django_assert_num_queries):
    settings.CACHES = redis_down_caches(resilient=False)  # a cache call would raise
    with django_assert_num_queries(0):
        response = Client().get("/healthz/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_live_loads_no_session_for_a_logged_in_browser(user, django_assert_num_queries):
    client = Client()
    client.force_login(user)
    with django_assert_num_queries(0):
        assert client.get("/healthz/live").status_code == 200


def test_a_load_balancer_probes_by_address_over_plain_http(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["cohorts.example.org"]
    response = Client().get("/healthz/live", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", READY_URLS)
def test_ready_names_database_cache_and_task_queue(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "task_queue": "ok",
        "waiting_tasks": 0,
        "oldest_task_age": 0,
        "waiting_emails": 0,
        "oldest_email_age": 0,
        "failed_emails": 0,
    }


@pytest.mark.django_db
def test_ready_reports_mail_waiting_in_the_outbox_and_mail_given_up_on(client):
    from notifications.models import OutgoingEmail
    from notifications.outbox import queue_email

    waiting = queue_email(to="someone@example.org", subject="Hello", body="Hi", user=None)
    OutgoingEmail.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    given_up = queue_email(to="other@example.org", subject="Hello", body="Hi", user=None)
    OutgoingEmail.objects.filter(pk=given_up.pk).update(status=OutgoingEmail.Status.FAILED)
    body = client.get("/healthz/ready").json()
    assert body["waiting_emails"] == 1
    assert body["oldest_email_age"] >= 600
    assert body["failed_emails"] == 1


@pytest.mark.django_db
def test_ready_reports_how_long_the_oldest_task_has_waited(client):
    waiting = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="notifications.tasks.send_email",
        backend_name="default",
        run_after=timezone.now(),
    )
    DBTaskResult.objects.filter(pk=waiting.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    body = client.get("/healthz/ready").json()
    assert body["waiting_tasks"] == 1
    assert body["oldest_task_age"] >= 600


@pytest.mark.django_db
def test_ready_stays_200_but_says_degraded_while_the_cache_is_down(client, settings):
    settings.CACHES = redis_down_caches()
    response = client.get("/healthz/ready")
    assert response.status_code == 200  # this instance still serves: keep it in rotation
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "unavailable"


@pytest.mark.django_db
@pytest.mark.parametrize("url", READY_URLS)
def test_ready_answers_503_when_the_database_does_not(client, monkeypatch, url):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(url)
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_unknown_url_gets_the_friendly_404_page(client):
    response = client.get("/no-such-page/at-all/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b"Skip to main content" in response.content


@pytest.mark.django_db
@pytest.mark.urls("tests.cohort_site.failing_urls")
def test_a_crash_shows_the_500_page_without_a_traceback():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert "Traceback" not in body
    assert "ZeroDivisionError" not in body
