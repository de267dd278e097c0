"""Writing, autosave with conflicts, versions, replies, export, delete, and query counts."""

import io
import json
import zipfile

import pytest

from django.urls import reverse

from wagtail import hooks

from cohort_site.curriculum import REFLECTION_PROMPTS, ReflectionPrompt
from journals.factories import JournalEntryFactory
from journals.models import EntryVersion, IdentityTool, JournalEntry, Reply, Visibility
from tests.conftest import client_for

from .conftest import FACILITATOR_BODY, PRIVATE_BODY, TEAM_BODY


def form_data(roles, **overrides):
    data = {
        "title": "After the data dig",
        "body": "<p>What I <strong>noticed</strong> today.</p>",
        "kind": "learning",
        "visibility": "private",
        "team": roles["team_a"].pk,
        "replies_enabled": "on",
        "version": "0",
    }
    data.update(overrides)
    return data


@pytest.fixture
def author(roles):
    # Just logged in with the password, as the journal export asks (see test_permissions).
    return client_for("member_a", roles, reauthenticated=True)


def test_create_entry_is_private_by_default(roles, author):
    page = author.get(reverse("journals:new"))
    assert (
        b'type="radio" name="visibility" value="private" required id="id_visibility_0" checked'
        in (page.content)
        or b'value="private" required checked' in page.content
    )
    response = author.post(reverse("journals:new"), form_data(roles))
    entry = JournalEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == entry.get_absolute_url()
    assert entry.visibility == Visibility.PRIVATE
    assert entry.author == roles["member_a"]
    assert entry.versions.count() == 1
    assert not entry.is_draft


def test_every_field_has_a_label(roles, author):
    content = author.get(reverse("journals:new")).content.decode()
    for name in ("title", "body", "kind"):
        assert f'<label for="id_{name}"' in content
    for url in (reverse("journals:wheel"), reverse("journals:iceberg")):
        page = author.get(url).content.decode()
        assert "<label" in page and "<legend" in page or "iceberg" in url


def test_hostile_html_is_cleaned_on_save(roles, author):
    body = (
        '<p onclick="alert(1)">Hi</p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a>'
        "<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg>"
        '<a href="https://example.org">ok</a>'
    )
    author.post(reverse("journals:new"), form_data(roles, body=body))
    entry = JournalEntry.objects.get()
    lowered = entry.body.lower()
    for bad in ("<script", "onclick", "onerror", "javascript:", "<img", "<svg"):
        assert bad not in lowered
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in entry.body
    assert "alert" not in entry.body_text


def test_empty_body_keeps_the_title_and_says_what_is_missing(roles, author):
    response = author.post(
        reverse("journals:new"), form_data(roles, body="<p> </p>", title="Keep me")
    )
    assert response.status_code == 200
    assert b'value="Keep me"' in response.content
    assert b"Your reflection is empty" in response.content
    assert not JournalEntry.objects.exists()


def test_too_long_body_is_refused(roles, author):
    response = author.post(reverse("journals:new"), form_data(roles, body="x" * 100_001))
    assert response.status_code == 200
    assert b"too long" in response.content
    assert not JournalEntry.objects.exists()
    autosave = author.post(reverse("journals:autosave"), {"title": "t", "body": "x" * 100_001})
    assert b"too long" in autosave.content
    assert not JournalEntry.objects.exists()


def test_prompt_is_kept_generically_when_not_found(roles, author):
    page = author.get("/journal/new/?prompt=abc-123")
    assert b"abc-123" in page.content
    author.post(reverse("journals:new"), form_data(roles, prompt="abc-123"))
    assert JournalEntry.objects.get().prompt_id == "abc-123"


def test_a_prompt_comes_from_whatever_curriculum_registers_the_hook(roles, author):
    """Journals ask the `reflection_prompts` hook; they never import the curriculum app."""

    def prompts():
        yield ReflectionPrompt(id="other-1", text="Not this one", kind="learning")
        yield ReflectionPrompt(id="hook-1", text="Whose voices were missing?", kind="learning")

    with hooks.register_temporarily(REFLECTION_PROMPTS, prompts):
        page = author.get("/journal/new/?prompt=hook-1")
        author.post(reverse("journals:new"), form_data(roles, prompt="hook-1"))
    assert b"Whose voices were missing?" in page.content
    entry = JournalEntry.objects.get()
    assert (entry.prompt_id, entry.prompt_text) == ("hook-1", "Whose voices were missing?")


def test_a_failing_curriculum_hook_leaves_the_prompt_generic(roles, author):
    def broken():
        raise LookupError("the curriculum's body changed shape")
        yield

    with hooks.register_temporarily(REFLECTION_PROMPTS, broken):
        page = author.get("/journal/new/?prompt=abc-123")
    assert page.status_code == 200
    assert b"abc-123" in page.content


def test_hostile_prompt_id_is_ignored(roles, author):
    page = author.get('/journal/new/?prompt="><script>alert(1)</script>')
    assert page.status_code == 200
    assert b"<script>alert(1)" not in page.content


def test_cannot_write_into_someone_elses_team(roles, author):
    response = author.post(reverse("journals:new"), form_data(roles, team=roles["team_b"].pk))
    assert response.status_code == 200
    assert not JournalEntry.objects.exists()


def test_autosave_creates_a_private_draft_then_updates_it(roles, author):
    response = author.post(
        reverse("journals:autosave"),
        {"title": "Draft", "body": "<p>first</p>", "version": "0", "kind": "identity"},
    )
    entry = JournalEntry.objects.get()
    assert entry.is_draft and entry.visibility == Visibility.PRIVATE
    assert f'name="entry_id" id="id_entry_id" value="{entry.pk}"'.encode() in response.content
    assert b'hx-swap-oob="true"' in response.content
    assert response["HX-Replace-Url"] == reverse("journals:edit", kwargs={"pk": entry.pk})
    again = author.post(
        reverse("journals:autosave"),
        {"entry_id": entry.pk, "version": entry.version, "title": "Draft", "body": "<p>2nd</p>"},
    )
    assert again.status_code == 200
    entry.refresh_from_db()
    assert entry.body == "<p>2nd</p>" and entry.version == 2
    assert JournalEntry.objects.count() == 1
    # The final Save of the create form updates the same draft and publishes it.
    author.post(
        reverse("journals:new"),
        form_data(roles, entry_id=entry.pk, version=entry.version, body="<p>final</p>"),
    )
    entry.refresh_from_db()
    assert JournalEntry.objects.count() == 1
    assert not entry.is_draft and entry.body == "<p>final</p>"


def test_autosave_runs_a_bounded_number_of_queries(
    roles, author, entries, django_assert_max_num_queries
):
    entry = entries["private"]
    url = reverse("journals:autosave")
    author.post(url, {"entry_id": entry.pk, "version": 1, "title": "t", "body": "<p>warm</p>"})
    for i in range(3):
        entry.refresh_from_db()
        with django_assert_max_num_queries(14):
            data = {"entry_id": entry.pk, "version": entry.version, "title": "t"}
            response = author.post(url, {**data, "body": f"<p>{i}</p>"})
        assert response.status_code == 200


def test_autosave_conflict_shows_both_texts_and_keeps_the_stored_one(roles, author, entries):
    entry = entries["private"]
    url = reverse("journals:autosave")
    author.post(
        url, {"entry_id": entry.pk, "version": 1, "title": "A", "body": "<p>from tab one</p>"}
    )
    response = author.post(
        url, {"entry_id": entry.pk, "version": 1, "title": "B", "body": "<p>from tab two</p>"}
    )
    assert b"changed somewhere else" in response.content
    assert b"from tab one" in response.content and b"from tab two" in response.content
    entry.refresh_from_db()
    assert entry.body == "<p>from tab one</p>"
    kept = author.post(
        url, {"entry_id": entry.pk, "version": 1, "force": "1", "title": "B", "body": "<p>mine</p>"}
    )
    assert kept.status_code == 200
    entry.refresh_from_db()
    assert entry.body == "<p>mine</p>"


def test_edit_conflict_shows_both_and_second_save_keeps_mine(roles, author, entries):
    entry = entries["private"]
    url = reverse("journals:edit", kwargs={"pk": entry.pk})
    author.post(url, form_data(roles, version=1, body="<p>saved elsewhere</p>"))
    response = author.post(url, form_data(roles, version=1, body="<p>my words</p>"))
    assert response.status_code == 409
    assert b"saved elsewhere" in response.content and b"my words" in response.content
    assert b'name="version" value="2"' in response.content or b'value="2"' in response.content
    author.post(url, form_data(roles, version=2, body="<p>my words</p>"))
    entry.refresh_from_db()
    assert entry.body == "<p>my words</p>"


def test_versions_and_restore(roles, author, entries):
    entry = entries["private"]
    url = reverse("journals:edit", kwargs={"pk": entry.pk})
    author.post(url, form_data(roles, version=1, body="<p>second</p>"))
    first = entry.versions.order_by("saved_at", "pk").first()
    page = author.get(reverse("journals:versions", kwargs={"pk": entry.pk}))
    assert PRIVATE_BODY.encode() in page.content and b"second" in page.content
    response = author.post(reverse("journals:restore", kwargs={"pk": entry.pk, "vpk": first.pk}))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert PRIVATE_BODY in entry.body
    assert entry.versions.count() == 3


def test_restore_cannot_reach_another_entrys_version(roles, author, entries):
    other = JournalEntryFactory(author=roles["lead_a"], team=roles["team_a"])
    version = EntryVersion.objects.get(entry=other)
    response = author.post(
        reverse("journals:restore", kwargs={"pk": entries["private"].pk, "vpk": version.pk})
    )
    assert response.status_code == 404


def test_replies_by_teammates_and_author_can_turn_them_off(roles, entries):
    entry = entries["team"]
    lead = client_for("lead_a", roles)
    lead.post(reverse("journals:replies", kwargs={"pk": entry.pk}), {"body": "Thank you."})
    assert Reply.objects.get().author == roles["lead_a"]
    too_long = lead.post(reverse("journals:replies", kwargs={"pk": entry.pk}), {"body": "x" * 1001})
    assert too_long.status_code == 200 and Reply.objects.count() == 1
    author = client_for("member_a", roles)
    author.post(
        reverse("journals:edit", kwargs={"pk": entry.pk}),
        form_data(roles, version=1, visibility="team", body=entry.body, replies_enabled=""),
    )
    entry.refresh_from_db()
    assert not entry.replies_enabled
    response = lead.post(reverse("journals:replies", kwargs={"pk": entry.pk}), {"body": "More"})
    assert response.status_code == 403
    assert b"turned replies off" in lead.get(entry.get_absolute_url()).content


def test_export_has_every_entry_of_the_author_and_nothing_else(roles, author, entries):
    JournalEntryFactory(
        author=roles["lead_a"], team=roles["team_a"], title="Lead's own", body="<p>LEADBODY</p>"
    )
    Reply.objects.create(entry=entries["team"], author=roles["lead_a"], body="LEADREPLY")
    IdentityTool.objects.create(author=roles["member_a"], kind="wheel", data={"age": "forties"})
    response = author.get(reverse("journals:export"))
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["journal.html", "journal.json"]
    data = json.loads(archive.read("journal.json"))
    html = archive.read("journal.html").decode()
    assert {e["title"] for e in data["entries"]} == {
        "Private title",
        "Facilitator title",
        "Team title",
    }
    assert data["identity_tools"][0]["answers"] == {"age": "forties"}
    for body in (PRIVATE_BODY, FACILITATOR_BODY, TEAM_BODY):
        assert body in html
    for foreign in ("LEADBODY", "Lead's own", "LEADREPLY"):
        assert foreign not in html and foreign not in json.dumps(data)


def test_delete_after_confirmation(roles, author, entries):
    entry = entries["private"]
    url = reverse("journals:delete", kwargs={"pk": entry.pk})
    assert b"Delete for good" in author.get(url).content
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
    response = author.post(url)
    assert response.status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()
    assert not EntryVersion.objects.filter(entry_id=entry.pk).exists()


def test_list_filters_and_search(roles, author, entries):
    response = author.get(reverse("journals:list"), {"q": "bus schedule"})
    assert b"Facilitator title" in response.content and b"Team title" not in response.content
    response = author.get(reverse("journals:list"), {"kind": "identity"})
    assert b"Private title" in response.content and b"Team title" not in response.content
    # searching matches text, not markup
    assert b"No entries yet" in author.get(reverse("journals:list"), {"q": "<p>"}).content


def test_identity_wheel_saves_optional_answers_privately(roles, author):
    response = author.post(
        reverse("journals:wheel"),
        {
            "first_language": "Vietnamese",
            "think_least": ["first_language"],
            "visibility": "private",
        },
    )
    assert response.status_code == 302
    tool = IdentityTool.objects.get(author=roles["member_a"])
    assert tool.data == {"first_language": "Vietnamese", "think_least": ["first_language"]} | {
        k: v for k, v in tool.data.items() if v == []
    }
    assert tool.visibility == Visibility.PRIVATE
    assert b"Vietnamese" in author.get(reverse("journals:wheel")).content
    empty = author.post(reverse("journals:iceberg"), {"visibility": "private"})
    assert empty.status_code == 302


def _list_queries(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with django_assert_max_num_queries(12), CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("journals:list"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow(roles, author, django_assert_max_num_queries):
    JournalEntryFactory.create_batch(5, author=roles["member_a"], team=roles["team_a"])
    with_5 = _list_queries(author, django_assert_max_num_queries)
    JournalEntryFactory.create_batch(495, author=roles["member_a"], team=roles["team_a"])
    with_500 = _list_queries(author, django_assert_max_num_queries)
    assert with_5 == with_500
    print(f"/journal/ queries: 5 entries → {with_5}, 500 entries → {with_500}")


def test_cache_control_on_fragments_and_downloads(roles, author, entries):
    for response in (
        author.get(reverse("journals:export")),
        author.post(reverse("journals:autosave"), {"title": "", "body": ""}),
    ):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
