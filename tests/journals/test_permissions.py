"""The permission matrix: every journal URL × every role → expected status.

Private entries answer 404 to everyone but their author, the team lead and the site admin
included. Anonymous and inactive people are sent to log in.
"""

import pytest

from django.urls import reverse

from tests.conftest import MATRIX_ROLES, client_for, reauthenticate
from tests.matrix import ROLES, assert_access, assert_no_store, expect

from .conftest import FACILITATOR_BODY, PRIVATE_BODY, TEAM_BODY

ALL_ACTIVE_200 = expect(200)
AUTHOR_ONLY = expect(404, member_a=200)
AUTHOR_ONLY_POST = expect(404, member_a=302)


def _entry_url(name, which, suffix_kwargs=None):
    def build(entries):
        kwargs = {"pk": entries[which].pk, **(suffix_kwargs or {})}
        return reverse(name, kwargs=kwargs)

    return build


def _restore_url(entries):
    entry = entries["private"]
    return reverse("journals:restore", kwargs={"pk": entry.pk, "vpk": entry.versions.first().pk})


# (id, method, url builder, POST data builder, expected statuses)
MATRIX = [
    ("list", "get", lambda e: reverse("journals:list"), None, ALL_ACTIVE_200),
    ("new", "get", lambda e: reverse("journals:new"), None, ALL_ACTIVE_200),
    ("new-prompt", "get", lambda e: "/journal/new/?prompt=abc-123", None, ALL_ACTIVE_200),
    ("export", "get", lambda e: reverse("journals:export"), None, ALL_ACTIVE_200),
    ("wheel", "get", lambda e: reverse("journals:wheel"), None, ALL_ACTIVE_200),
    ("iceberg", "get", lambda e: reverse("journals:iceberg"), None, ALL_ACTIVE_200),
    ("autosave-get", "get", lambda e: reverse("journals:autosave"), None, expect(405)),
    (
        "facilitator",
        "get",
        lambda e: reverse("journals:facilitator"),
        None,
        expect(404, facilitator=200, facilitator_other=200),
    ),
    (
        "team-page",
        "get",
        lambda e: reverse("journals:team", kwargs={"slug": "team-a"}),
        None,
        expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200),
    ),
    ("private-detail", "get", _entry_url("journals:detail", "private"), None, AUTHOR_ONLY),
    ("private-edit", "get", _entry_url("journals:edit", "private"), None, AUTHOR_ONLY),
    ("private-versions", "get", _entry_url("journals:versions", "private"), None, AUTHOR_ONLY),
    ("private-delete", "get", _entry_url("journals:delete", "private"), None, AUTHOR_ONLY),
    ("private-delete-post", "post", _entry_url("journals:delete", "private"), {}, AUTHOR_ONLY_POST),
    ("private-restore", "post", _restore_url, {}, AUTHOR_ONLY_POST),
    (
        "private-restore-get",
        "get",
        _restore_url,
        None,
        expect(405),
    ),
    (
        "private-replies",
        "post",
        _entry_url("journals:replies", "private"),
        {"body": "hello"},
        expect(404),
    ),
    (
        "private-autosave",
        "post",
        lambda e: reverse("journals:autosave"),
        lambda e: {"entry_id": e["private"].pk, "version": 1, "title": "x", "body": "<p>x</p>"},
        expect(404, member_a=200),
    ),
    (
        "facilitator-detail",
        "get",
        _entry_url("journals:detail", "facilitator"),
        None,
        expect(404, member_a=200, facilitator=200),
    ),
    ("facilitator-edit", "get", _entry_url("journals:edit", "facilitator"), None, AUTHOR_ONLY),
    (
        "team-detail",
        "get",
        _entry_url("journals:detail", "team"),
        None,
        expect(404, member_a=200, lead_a=200, facilitator=200),
    ),
    ("team-edit", "get", _entry_url("journals:edit", "team"), None, AUTHOR_ONLY),
    ("team-versions", "get", _entry_url("journals:versions", "team"), None, AUTHOR_ONLY),
    (
        "team-replies",
        "post",
        _entry_url("journals:replies", "team"),
        {"body": "Thank you for writing this."},
        expect(404, member_a=302, lead_a=302, facilitator=403),
    ),
]
# Every journals URL pattern, each reached by one or more rows above.
COVERS = {
    f"journals:{name}"
    for name in (
        "list", "new", "autosave", "export", "facilitator", "wheel", "iceberg", "team", "detail",
        "edit", "versions", "restore", "replies", "delete",
    )
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "url", "data", "expected"),
    [pytest.param(m, u, d, x, id=name) for name, m, u, d, x in MATRIX],
)
def test_matrix(roles, entries, role, method, url, data, expected):
    # With a fresh password check (the export asks for one; see the re-authentication test).
    client = client_for(role, roles, reauthenticated=True)
    target = url(entries)
    if method == "get":
        response = client.get(target)
    else:
        payload = data(entries) if callable(data) else data
        response = client.post(target, payload)
    assert_access(response, expected[role])
    if method == "get":
        assert_no_store(response)


@pytest.mark.parametrize("role", [r for r in MATRIX_ROLES if r != "member_a"])
def test_nobody_else_reads_private_bodies_anywhere(roles, entries, role):
    """List, team page, facilitator page, export: the private body never appears."""
    client = client_for(role, roles)
    for url in (
        reverse("journals:list"),
        reverse("journals:team", kwargs={"slug": "team-a"}),
        reverse("journals:facilitator"),
        reverse("journals:detail", kwargs={"pk": entries["private"].pk}),
    ):
        response = client.get(url)
        assert PRIVATE_BODY.encode() not in response.content
        assert b"Private title" not in response.content


def test_facilitator_sees_shared_bodies_but_not_private(roles, entries):
    client = client_for("facilitator", roles)
    page = client.get(reverse("journals:facilitator"))
    assert b"Facilitator title" in page.content
    assert b"Team title" in page.content
    assert b"Private title" not in page.content
    detail = client.get(entries["facilitator"].get_absolute_url())
    assert FACILITATOR_BODY.encode() in detail.content
    team = client.get(entries["team"].get_absolute_url())
    assert TEAM_BODY.encode() in team.content


def test_site_admin_team_page_shows_no_bodies(roles, entries):
    response = client_for("site_admin", roles).get(
        reverse("journals:team", kwargs={"slug": "team-a"})
    )
    assert response.status_code == 200
    for text in (PRIVATE_BODY, FACILITATOR_BODY, "Team title", "Private title"):
        assert text.encode() not in response.content


def test_journal_models_are_not_in_any_admin():
    from django.contrib import admin

    from wagtail.snippets.models import get_snippet_models

    from journals.models import EntryVersion, IdentityTool, JournalEntry, Reply

    for model in (JournalEntry, EntryVersion, Reply, IdentityTool):
        assert not admin.site.is_registered(model)
        assert model not in get_snippet_models()


def test_journal_export_asks_for_the_password_again(roles, entries):
    """The whole journal, private reflections included, is the most personal download there
    is: a session left open on a shared school computer must not hand it over. Like the
    privacy download, it waits for allauth's re-authentication; afterwards it is the zip."""
    client = client_for("member_a", roles)
    response = client.get(reverse("journals:export"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    assert PRIVATE_BODY.encode() not in response.content

    reauthenticate(client, roles["member_a"])
    response = client.get(reverse("journals:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
