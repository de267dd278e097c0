import pytest

from accounts.factories import DEMO_PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return DEMO_PASSWORD


@pytest.fixture
def user(db):
    return UserFactory(email="member@example.org", display_name="Mai Nguyen")


@pytest.fixture
def csrf_client(client):
    """The test client skips CSRF checks unless asked; security tests ask."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)
