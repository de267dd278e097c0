import pytest

from django.core.management import call_command
from django.urls import reverse

from accounts.factories import UserFactory
from notifications.models import Delivery, Kind, Notification, Preference
from notifications.services import notify
from tests.conftest import client_for
from tests.matrix import assert_access, assert_no_store, cells, expect

pytestmark = pytest.mark.django_db


def send(user, kind=Kind.FEEDBACK_REQUESTED, title="Mai asked you for feedback"):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return notify(user=user, kind=kind, title=title, url="/feedback/")


def digests():
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_notification_digests", verbosity=0)


def test_immediate_delivery_emails_at_once(user, mailoutbox):
    send(user)
    assert [m.subject for m in mailoutbox] == ["Mai asked you for feedback"]
    assert Notification.objects.get().emailed_at is not None


def test_never_keeps_it_on_the_site_only(user, mailoutbox):
    Preference.objects.create(user=user, kind=Kind.FEEDBACK_REQUESTED, delivery=Delivery.NEVER)
    send(user)
    call_command("send_notification_digests", verbosity=0)
    assert mailoutbox == []
    assert Notification.objects.for_user(user).unread().count() == 1


def test_digest_collects_the_day_into_one_email(user, mailoutbox):
    Preference.objects.create(user=user, kind=Kind.FEEDBACK_REQUESTED, delivery=Delivery.DIGEST)
    send(user, title="First request")
    send(user, title="Second request")
    send(user, kind=Kind.NORMS_PROPOSED, title="Norms proposed")  # still immediate
    assert [m.subject for m in mailoutbox] == ["Norms proposed"]
    digests()
    assert len(mailoutbox) == 2
    assert "First request" in mailoutbox[1].body and "Second request" in mailoutbox[1].body
    digests()
    assert len(mailoutbox) == 2, "a digest is sent once"


def test_preferences_page_changes_what_is_emailed(client, user, mailoutbox):
    client.force_login(user)
    data = {kind.value: Delivery.IMMEDIATE for kind in Kind} | {
        Kind.FEEDBACK_REQUESTED.value: Delivery.NEVER
    }
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    send(user)
    assert mailoutbox == []


def test_header_shows_the_unread_count_and_marking_read_clears_it(client, user):
    send(user)
    send(user, title="Another")
    client.force_login(user)
    body = client.get(reverse("notifications:list")).content.decode()
    assert '2<span class="visually-hidden"> unread' in body
    client.post(reverse("notifications:mark_all_read"))
    assert "unread</span>" not in client.get(reverse("notifications:list")).content.decode()


def test_a_person_sees_only_their_own_notifications(client, user):
    other = UserFactory(email="other@example.org")
    send(other, title="Private to other")
    client.force_login(user)
    assert "Private to other" not in client.get(reverse("notifications:list")).content.decode()


MATRIX = {"list": expect(200), "preferences": expect(200)}  # a person's own, for everyone
# POST: marking one's own notifications read, for everyone who is logged in.
POST_MATRIX = {"mark_all_read": expect(302)}
COVERS = {f"notifications:{key}" for key in MATRIX | POST_MATRIX}


@pytest.mark.parametrize(("url_name", "role", "expected"), cells(MATRIX))
def test_access_matrix(roles, url_name, role, expected):
    response = client_for(role, roles).get(reverse(f"notifications:{url_name}"))
    assert_access(response, expected)
    assert_no_store(response)


@pytest.mark.parametrize(("url_name", "role", "expected"), cells(POST_MATRIX))
def test_post_access_matrix(roles, url_name, role, expected):
    person = roles[role]
    if person is not None:
        send(person)
    response = client_for(role, roles).post(reverse(f"notifications:{url_name}"))
    assert_access(response, expected)
    if expected == 302:
        assert response.url == reverse("notifications:list")
        assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()


def test_list_queries_do_not_grow(client, user, django_assert_max_num_queries):
    client.force_login(user)
    send(user)
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("notifications:list"))
    for n in range(40):
        Notification.objects.create(user=user, kind=Kind.NORMS_PROPOSED, title=f"n{n}")
    with django_assert_max_num_queries(10) as large:
        client.get(reverse("notifications:list"))
    assert len(small.captured_queries) == len(large.captured_queries)
