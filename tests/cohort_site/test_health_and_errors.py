import pytest

from django.db import connection
from django.test import Client


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("database is down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
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
