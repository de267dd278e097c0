"""Logins hash with Argon2id at OWASP's costs; PBKDF2 hashes still work and are upgraded."""

import pytest

from django.contrib.auth.hashers import make_password
from django.test import override_settings

from accounts.factories import UserFactory
from cohort_site.settings import base

pytestmark = pytest.mark.django_db
PASSPHRASE = "long-enough-passphrase"


def user_with_hash(email, encoded):
    user = UserFactory(email=email)
    user.password = encoded
    user.save(update_fields=["password"])
    return user


def log_in(client, email):
    return client.post("/accounts/login/", {"login": email, "password": PASSPHRASE})


def test_argon2_comes_first_and_pbkdf2_is_kept_for_stored_hashes():
    assert base.PASSWORD_HASHERS[0] == "accounts.hashers.Argon2idHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_new_passwords_hash_with_argon2id_at_owasp_costs_not_djangos_heavier_defaults():
    # Django's defaults (m=102400, p=8) took about 0.3 s of CPU a login on 2 cores.
    assert make_password(PASSPHRASE).startswith("argon2$argon2id$v=19$m=47104,t=2,p=1$")


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_hash_made_with_djangos_argon2_defaults_still_logs_in_and_is_rehashed(client):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = Argon2PasswordHasher().encode(PASSPHRASE, "saltsaltsalt")
    user = user_with_hash("default-argon@example.org", encoded)
    assert log_in(client, user.email).status_code == 302
    user.refresh_from_db()
    assert "$m=47104,t=2,p=1$" in user.password


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_a_person_with_a_pbkdf2_hash_logs_in_and_is_rehashed_with_argon2(client):
    user = user_with_hash("old-hash@example.org", make_password(PASSPHRASE, hasher="pbkdf2_sha256"))
    assert log_in(client, user.email).status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    client.post("/accounts/logout/")
    assert log_in(client, user.email).status_code == 302
