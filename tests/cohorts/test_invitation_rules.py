"""Invitations open signup for the invited address only, and only while they can be used;
facilitators resend and revoke them; removing someone answers with a page that exists."""

import datetime

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import User
from cohorts.models import Invitation, Membership
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-9"


@pytest.fixture
def invitation(roles, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("facilitator", roles).post(
            reverse("cohorts:invite", args=["demo-cohort"]),
            {"team": roles["team_a"].pk, "email": "new@example.org", "role": "member"},
        )
    return Invitation.objects.get(email="new@example.org")


def open_link(client, invitation):
    return client.get(reverse("cohorts:invitation", args=[invitation.token]))


def sign_up(client, email):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_signup_through_an_invitation_accepts_only_the_invited_address(invitation):
    browser = Client()
    open_link(browser, invitation)
    response = sign_up(browser, "someone-else@example.org")
    assert response.status_code == 200
    assert "This invitation is for new@example.org" in response.content.decode()
    assert not User.objects.filter(email="someone-else@example.org").exists()


def test_a_browser_that_opened_a_used_link_cannot_sign_up_anyone(invitation):
    early_browser = Client()
    open_link(early_browser, invitation)
    invitee = Client()
    invitee.force_login(UserFactory(email="new@example.org"))
    joined = invitee.post(reverse("cohorts:invitation", args=[invitation.token]))
    assert joined.status_code == 302
    response = sign_up(early_browser, "new@example.org")
    assert "Sign Up Closed" in response.content.decode()
    assert User.objects.filter(email="new@example.org").count() == 1


@pytest.mark.parametrize("problem", ["revoked", "expired"])
def test_signup_closes_when_the_invitation_is_revoked_or_expires(invitation, problem):
    browser = Client()
    open_link(browser, invitation)
    if problem == "revoked":
        Invitation.objects.update(revoked_at=timezone.now())
    else:
        Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = sign_up(browser, "new@example.org")
    assert "Sign Up Closed" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_signing_up_drops_the_invitation_from_the_browser(invitation, roles):
    browser = Client()
    open_link(browser, invitation)
    assert sign_up(browser, "new@example.org").status_code == 302
    assert "invitation_token" not in browser.session
    browser.logout()
    assert "Sign Up Closed" in browser.get("/accounts/signup/").content.decode()


def test_facilitator_resends_an_invitation_with_a_fresh_link(
    invitation, roles, mailoutbox, django_capture_on_commit_callbacks
):
    old_token = invitation.token
    Invitation.objects.update(expires_at=timezone.now() + datetime.timedelta(days=1))
    client = client_for("facilitator", roles)
    cohort_page = client.get(reverse("cohorts:cohort", args=["demo-cohort"])).content.decode()
    resend_url = reverse("cohorts:invitation_resend", args=["demo-cohort", invitation.pk])
    assert resend_url in cohort_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url)
    assert response.status_code == 302
    assert response.url == reverse("cohorts:cohort", args=["demo-cohort"])
    fresh = Invitation.objects.outstanding().get(email="new@example.org")
    assert fresh.token != old_token
    assert fresh.expires_at > timezone.now() + datetime.timedelta(days=13)
    assert f"/invitations/{fresh.token}/" in mailoutbox[-1].body
    assert open_link(Client(), Invitation(token=old_token)).status_code in (404, 410)
    assert open_link(Client(), fresh).status_code == 200


def test_facilitator_revokes_an_invitation_and_the_link_stops_working(invitation, roles):
    client = client_for("facilitator", roles)
    revoke_url = reverse("cohorts:invitation_revoke", args=["demo-cohort", invitation.pk])
    assert revoke_url in client.get(reverse("cohorts:cohort", args=["demo-cohort"])).text
    response = client.post(revoke_url)
    assert response.status_code == 302
    assert not Invitation.objects.outstanding().exists()
    assert open_link(Client(), invitation).status_code == 410
    # An invitation can be revoked once; a second try says so instead of failing.
    again = client.post(revoke_url, follow=True)
    assert again.status_code == 200
    assert "can no longer be" in again.content.decode()


def test_reinviting_an_open_invitation_offers_to_resend_it(invitation, roles):
    response = client_for("facilitator", roles).post(
        reverse("cohorts:invite", args=["demo-cohort"]),
        {"team": roles["team_a"].pk, "email": "NEW@example.org", "role": "member"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert reverse("cohorts:invitation_resend", args=["demo-cohort", invitation.pk]) in body
    assert Invitation.objects.count() == 1


def test_removing_a_member_shows_the_team_page_with_the_result(roles):
    member = Membership.objects.get(user=roles["member_a"])
    response = client_for("facilitator", roles).post(
        reverse("cohorts:member_remove", args=["team-a", member.pk]), {}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == roles["team_a"].get_absolute_url()
    assert "was removed from the team" in response.content.decode()
    member.refresh_from_db()
    assert member.left_on is not None
