"""The one-click unsubscribe link in every notification email (RFC 8058).

GET shows a confirmation and changes nothing (link scanners fetch links); POST turns that
kind of email off, without logging in and without a CSRF token, because the signed token is
the authority. A tampered or expired token changes nothing and says what to do instead.
"""

import datetime
from unittest import mock

import pytest

from django.core import signing
from django.test import Client, TestCase
from django.urls import reverse

from notifications.emails import DIGEST, UNSUBSCRIBE_MAX_AGE, unsubscribe_token
from notifications.models import Delivery, Kind, Preference
from notifications.services import notify
from tests.conftest import MATRIX_ROLES, client_for

pytestmark = pytest.mark.django_db


def url(token: str) -> str:
    return reverse("notifications:unsubscribe", kwargs={"token": token})


def delivery(user, kind) -> str | None:
    return (
        Preference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    )


def test_get_asks_first_and_changes_nothing(user):
    response = Client().get(url(unsubscribe_token(user, Kind.NORMS_PROPOSED)))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Norms were proposed for a vote" in body and user.email in body
    assert '<form method="post"' in body
    assert delivery(user, Kind.NORMS_PROPOSED) is None
    assert "no-store" in response["Cache-Control"]


def test_one_click_post_without_login_or_csrf_token_stops_that_kind(user, mailoutbox):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url(unsubscribe_token(user, Kind.NORMS_PROPOSED)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "is no longer emailed" in response.content.decode()
    assert delivery(user, Kind.NORMS_PROPOSED) == Delivery.NEVER
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(user=user, kind=Kind.NORMS_PROPOSED, title="Vote again")
        notify(user=user, kind=Kind.FEEDBACK_REQUESTED, title="Still emailed")
    assert [m.subject for m in mailoutbox] == ["Still emailed"]


def test_the_digest_link_turns_every_digest_kind_off(user):
    Preference.objects.create(user=user, kind=Kind.FEEDBACK_REQUESTED, delivery=Delivery.DIGEST)
    Preference.objects.create(user=user, kind=Kind.NORMS_PROPOSED, delivery=Delivery.IMMEDIATE)
    assert Client().post(url(unsubscribe_token(user, DIGEST))).status_code == 200
    assert delivery(user, Kind.FEEDBACK_REQUESTED) == Delivery.NEVER
    assert delivery(user, Kind.NORMS_PROPOSED) == Delivery.IMMEDIATE


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps({"user": 1, "kind": "norms_proposed"}, salt="other-salt"),
        lambda token: "not-a-token",
    ],
    ids=["signature-changed", "other-salt", "garbage"],
)
def test_a_tampered_token_changes_nothing(user, tamper):
    token = tamper(unsubscribe_token(user, Kind.NORMS_PROPOSED))
    for response in (Client().get(url(token)), Client().post(url(token))):
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert delivery(user, Kind.NORMS_PROPOSED) is None


def test_a_token_for_someone_else_cannot_be_made_from_mine(user):
    """The payload is signed: changing the user id inside it breaks the signature."""
    from accounts.factories import UserFactory

    other = UserFactory(email="other@example.org")
    mine = unsubscribe_token(user, Kind.NORMS_PROPOSED)
    theirs = unsubscribe_token(other, Kind.NORMS_PROPOSED)
    forged = theirs.split(":")[0] + ":" + mine.split(":", 1)[1]
    assert Client().post(url(forged)).status_code == 400
    assert delivery(other, Kind.NORMS_PROPOSED) is None


def test_an_expired_token_says_so_and_points_to_the_settings(user):
    long_ago = datetime.datetime.now().timestamp() - UNSUBSCRIBE_MAX_AGE.total_seconds() - 60
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        token = unsubscribe_token(user, Kind.NORMS_PROPOSED)
    response = Client().post(url(token))
    assert response.status_code == 400
    body = response.content.decode()
    assert "expired" in body and reverse("notifications:preferences") in body
    assert delivery(user, Kind.NORMS_PROPOSED) is None


def test_an_unknown_kind_or_a_deleted_account_is_refused(user):
    token = signing.dumps(
        {"user": user.pk, "kind": "everything"}, salt="notifications.unsubscribe", compress=True
    )
    assert Client().post(url(token)).status_code == 400
    gone = unsubscribe_token(user, Kind.NORMS_PROPOSED)
    user.delete()
    assert Client().post(url(gone)).status_code == 400


# Permission matrix: the page belongs to the token, not to whoever is logged in.
@pytest.mark.parametrize("role", MATRIX_ROLES)
def test_unsubscribe_page_answers_every_role_by_token(roles, role):
    token = unsubscribe_token(roles["member_a"], Kind.NORMS_PROPOSED)
    client = client_for(role, roles)
    assert client.get(url(token)).status_code == 200
    assert client.get(url("forged:token")).status_code == 400
