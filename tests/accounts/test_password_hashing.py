"""Logins hash with Argon2id at OWASP's costs; PBKDF2 hashes still work and are upgraded."""

import pytest

from django.contrib.auth.hashers import make_password
from django.test import override_settings

from accounts.factories import UserFactory
from cohort_site.settings import base

pytestmark = pytest.mark.django_db


def test_argon2_comes_first_and_pbkdf2_is_kept_for_stored_hashes():
    assert base.PASSWORD_HASHERS[0] == "accounts.hashers.Argon2idHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_new_passwords_hash_with_argon2id_at_owasp_costs_not_djangos_heavier_defaults():
    # Django's defaults (m=102400, p=8) took about 0.3 s of CPU a login on 2 cores.
    assert make_password("long-enough-passphrase").startswith(
        "argon2$argon2id$v=19$m=47104,t=2,p=1$"
    )


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_hash_made_with_djangos_argon2_defaults_still_logs_in_and_is_rehashed(client):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    user = UserFactory(email="default-argon@example.org")
    user.password = Argon2PasswordHasher().encode("long-enough-passphrase", "saltsaltsalt")
    user.save(update_fields=["password"])
    response = client.post(
        "/accounts/login/",
        {"login": "default-argon@example.org", "password": "long-enough-passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert "$m=47104,t=2,p=1$" in user.password


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
