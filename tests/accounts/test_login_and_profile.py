import pytest
from allauth.mfa.models import Authenticator

from django.test import Client, override_settings

from accounts.factories import UserFactory
from accounts.roles import facilitators_group

pytestmark = pytest.mark.django_db


def login(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_a_person_logs_in_with_their_email_and_sees_their_name(client, user, password):
    response = login(client, "member@example.org", password)
    assert response.status_code == 302
    home = client.get("/")
    assert "Mai Nguyen" in home.content.decode()


def test_login_form_shows_no_username_field(client):
    body = client.get("/accounts/login/").content.decode()
    assert 'name="login"' in body
    assert 'type="email"' in body
    assert "username" not in body.lower()


def test_wrong_password_and_unknown_email_get_the_same_message(client, user):
    wrong_password = login(client, "member@example.org", "not-the-password").content.decode()
    unknown = login(Client(), "nobody@example.org", "not-the-password").content.decode()
    assert "not correct" in wrong_password
    assert "not correct" in unknown


def test_signup_is_closed_without_an_invitation(client):
    response = client.get("/accounts/signup/")
    assert "Sign Up Closed" in response.content.decode() or response.status_code == 403


def test_wagtail_admin_login_goes_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert client.post("/admin/login/", {"username": "a", "password": "b"}).status_code == 302


def test_a_district_behind_one_address_is_not_rate_limited(password):
    # allauth's default is 30 logins a minute per IP; sixty colleagues at one school must pass.
    people = [UserFactory(email=f"teacher{n}@example.org") for n in range(60)]
    for person in people:
        assert login(Client(), person.email, password).status_code == 302


def test_an_account_locks_after_repeated_failed_logins(client, user, password):
    for _ in range(5):
        login(client, user.email, "wrong-password")
    response = login(client, user.email, password)
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_profile_saves_display_name_pronouns_and_language(client, user):
    client.force_login(user)
    response = client.post(
        "/account/profile/",
        {"display_name": "Mai N.", "pronouns": "she/her", "preferred_language": "en"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.pronouns) == ("Mai N.", "she/her")


def test_profile_keeps_what_was_typed_when_input_is_bad(client, user):
    client.force_login(user)
    response = client.post(
        "/account/profile/",
        {"display_name": "Mai typed this", "pronouns": "x" * 41, "preferred_language": "en"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Mai typed this" in body
    assert "at most 40 characters" in body


def test_profile_needs_login(client):
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@override_settings(COHORT_REQUIRE_STAFF_MFA=True)
def test_facilitators_must_set_up_mfa_when_required(client):
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    client.force_login(facilitator)
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"
    Authenticator.objects.create(user=facilitator, type=Authenticator.Type.TOTP, data={})
    assert client.get("/account/profile/").status_code == 200


@override_settings(COHORT_REQUIRE_STAFF_MFA=True)
def test_site_admins_must_set_up_mfa_but_members_need_not(client, user):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/account/profile/").status_code == 302
    client.force_login(user)
    assert client.get("/account/profile/").status_code == 200


@override_settings(COHORT_REQUIRE_STAFF_MFA=True)
def test_a_cohort_facilitator_outside_the_facilitators_group_must_set_up_mfa(client):
    from cohorts.factories import CohortFactory

    facilitator = UserFactory(email="cohort-only@example.org")
    CohortFactory().facilitators.add(facilitator)
    client.force_login(facilitator)
    response = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"


def test_wrong_passwords_from_one_address_do_not_lock_the_account_for_another(user, password):
    attacker, owner = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(5):
        login(attacker, user.email, "wrong-password")
    locked = login(attacker, user.email, password)
    assert "Too many failed login attempts" in locked.content.decode()
    assert login(owner, user.email, password).status_code == 302


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_address_comes_from_x_forwarded_for(user, password):
    proxy = "10.0.0.1"  # every request arrives from the proxy
    attacker = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    owner = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.20")
    for _ in range(5):
        login(attacker, user.email, "wrong-password")
    locked = login(attacker, user.email, password)
    assert "Too many failed login attempts" in locked.content.decode()
    assert login(owner, user.email, password).status_code == 302
