"""Logins hash with Argon2; passwords stored with PBKDF2 still work and are upgraded."""

import pytest

from django.contrib.auth.hashers import make_password
from django.test import override_settings

from accounts.factories import UserFactory
from cohort_site.settings import base

pytestmark = pytest.mark.django_db


def test_argon2_comes_first_and_pbkdf2_is_kept_for_stored_hashes():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_person_with_a_pbkdf2_hash_logs_in_and_is_rehashed_with_argon2(client):
    user = UserFactory(email="old-hash@example.org")
    user.password = make_password("long-enough-passphrase", hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    response = client.post(
        "/accounts/login/",
        {"login": "old-hash@example.org", "password": "long-enough-passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    client.post("/accounts/logout/")
    response = client.post(
        "/accounts/login/",
        {"login": "old-hash@example.org", "password": "long-enough-passphrase"},
    )
    assert response.status_code == 302
