"""Nothing a logged-in person is shown may be kept by a shared cache or the browser's history.

Team pages set `Cache-Control: private, no-store` through their mixin; these are the pages
outside a team space (profile, email and password settings, the curriculum with one's own
progress, the team list, 404s) that had no header at all, so a proxy or a shared school computer
could keep a copy with the person's name, email address and progress.
"""

import datetime

import pytest

from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.services import home_page_ensure


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",")}


@pytest.fixture
def module(db):
    program = ProgramPageFactory(parent=home_page_ensure(), title="Program", slug="program")
    return ModulePageFactory(
        parent=program, title="Launch", slug="launch", number=1, month=datetime.date(2026, 9, 1)
    )


@pytest.mark.parametrize(
    "path",
    ["/account/profile/", "/accounts/email/", "/accounts/password/change/", "/teams/"],
)
def test_personal_pages_outside_a_team_are_never_stored(client, roles, path):
    client.force_login(roles["member_a"])
    response = client.get(path)
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_a_module_page_with_my_progress_is_never_stored(client, roles, module):
    client.force_login(roles["member_a"])
    response = client.get(module.url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_a_not_found_page_for_a_logged_in_person_is_never_stored(client, roles):
    client.force_login(roles["member_b"])
    response = client.get("/teams/team-a/")
    assert response.status_code == 404
    assert {"private", "no-store"} <= cache_control(response)


def test_anonymous_curriculum_pages_stay_revalidatable(client, module):
    response = client.get(module.url)
    assert response.status_code == 200
    assert "no-store" not in cache_control(response)
    assert "no-cache" in cache_control(response)


def test_a_cache_header_a_view_chose_is_kept(client, roles):
    client.force_login(roles["member_a"])
    response = client.get("/teams/team-a/")
    assert cache_control(response) == {"private", "no-store"}


def test_an_invitation_link_page_is_never_stored(client, roles):
    """Opened before logging in, the page names the invited address and the team, and the
    link itself lets that address sign up: no cache may keep it."""
    from cohorts.models import Invitation

    invitation = Invitation.objects.create(team=roles["team_a"], email="new@example.org")
    response = client.get(f"/invitations/{invitation.token}/")
    assert response.status_code == 200
    assert b"new@example.org" in response.content
    assert {"private", "no-store"} <= cache_control(response)
