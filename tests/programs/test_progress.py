"""The release seam and marking a module done."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from programs.models import ModuleCompletion
from programs.release import DONE, OPEN, UPCOMING, module_is_open, module_states
from tests.conftest import client_for
from tests.matrix import assert_access, cells, expect

# POST only: every logged-in person marks a public module done for themselves.
MATRIX = {"module_done": expect(302)}
COVERS = {f"programs:{key}" for key in MATRIX}


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "role", "expected"), cells(MATRIX))
def test_access_matrix(roles, module, url_name, role, expected):
    response = client_for(role, roles).post(reverse(f"programs:{url_name}", args=[module.pk]))
    assert_access(response, expected)
    done = ModuleCompletion.objects.filter(module=module)
    assert list(done.values_list("user", flat=True)) == (
        [roles[role].pk] if expected == 302 else []
    )


@pytest.mark.django_db
def test_release_seam_opens_modules_to_logged_in_people(module, user):
    assert module_is_open(module, user)
    assert not module_is_open(module, AnonymousUser())
    user.is_active = False
    assert not module_is_open(module, user)


@pytest.mark.django_db
def test_mark_done_requires_login_and_post(client, module):
    url = reverse("programs:module_done", args=[module.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not ModuleCompletion.objects.exists()


@pytest.mark.django_db
def test_mark_done_checks_csrf(csrf_client, module, user):
    csrf_client.force_login(user)
    response = csrf_client.post(reverse("programs:module_done", args=[module.pk]))
    assert response.status_code == 403
    assert not ModuleCompletion.objects.exists()


@pytest.mark.django_db
def test_mark_done_once_and_timeline_shows_it(client, program, module, user):
    client.force_login(user)
    url = reverse("programs:module_done", args=[module.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == module.url
    client.post(url)
    assert ModuleCompletion.objects.filter(user=user, module=module).count() == 1
    page = client.get(module.url)
    assert "You marked this module as done." in page.text
    assert "Mark as done" not in page.text
    timeline = client.get(program.url)
    assert "state-done" in timeline.text


@pytest.mark.django_db
def test_states(program, module, user):
    from programs.factories import ModulePageFactory

    second = ModulePageFactory(parent=program, number=2)
    ModuleCompletion.objects.create(user=user, module=module)
    states = [s.state for s in module_states([module, second], user)]
    assert states == [DONE, OPEN]
    assert [s.state for s in module_states([module, second], AnonymousUser())] == [
        UPCOMING,
        UPCOMING,
    ]


@pytest.mark.django_db
def test_unpublished_module_cannot_be_marked(client, module, user):
    module.unpublish()
    client.force_login(user)
    response = client.post(reverse("programs:module_done", args=[module.pk]))
    assert response.status_code == 404
