"""Closing a feedback request asks first, on a page of its own (no JavaScript confirm())."""

import pytest

from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_closing_a_request_asks_for_confirmation_first(world):
    named = world["named"]
    client = client_for("member_a", world)
    url = reverse("feedback:close", args=[named.pk])
    detail = client.get(named.get_absolute_url()).text
    assert f'href="{url}"' in detail  # a link to the confirmation page, not a one-click form
    assert f'action="{url}"' not in detail

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "This cannot be undone." in confirm.text
    assert f'action="{url}"' in confirm.text
    named.refresh_from_db()
    assert not named.is_closed

    client.post(url)
    named.refresh_from_db()
    assert named.is_closed
    assert client.get(url).url == named.get_absolute_url()  # nothing left to confirm
