"""Saving never reports a false conflict, stores one entry per form, and defaults to private.

Every editor (one rendered form, one browser tab) carries a one-time key. Autosave and Save
share one version sequence; a Save whose base version is older is a conflict only when another
editor wrote in between (issue 15, items 1 and 2; issue 13, item 4).
"""

import datetime

import pytest

from django.db import connection
from django.urls import reverse

from journals.factories import JournalEntryFactory
from journals.models import JournalEntry, Visibility
from programs.factories import ModulePageFactory, ProgramPageFactory
from programs.services import home_page_ensure
from tests.conftest import client_for, post_at_once

from .test_writing import form_data

TAB_ONE = "tab-one-key-0123456789abcdef"
TAB_TWO = "tab-two-key-0123456789abcdef"


@pytest.fixture
def author(roles):
    return client_for("member_a", roles)


@pytest.fixture
def entry(roles):
    return JournalEntryFactory(
        author=roles["member_a"], team=roles["team_a"], title="Notes", body="<p>Start</p>"
    )


def autosave(client, **data):
    return client.post(reverse("journals:autosave"), data)


def test_save_right_after_this_tabs_autosave_is_not_a_conflict(roles, author, entry):
    edit = reverse("journals:edit", kwargs={"pk": entry.pk})
    # Blur: the autosave reaches the server first; its answer (the new version) has not yet
    # reached the page when Save is clicked, so the Save still says version 1.
    autosave(author, entry_id=entry.pk, version=1, title="Notes", body="<p>Start, more</p>",
             submission_key=TAB_ONE)  # fmt: skip
    response = author.post(
        edit,
        form_data(
            roles, version=1, title="Notes", body="<p>Start, more</p>", submission_key=TAB_ONE
        ),  # fmt: skip
    )
    assert response.status_code == 302, response.content.decode()[:500]
    entry.refresh_from_db()
    assert entry.body == "<p>Start, more</p>" and entry.version == 3


def test_save_supersedes_this_tabs_older_autosave_text(roles, author, entry):
    edit = reverse("journals:edit", kwargs={"pk": entry.pk})
    autosave(author, entry_id=entry.pk, version=1, title="Notes", body="<p>half a tho</p>",
             submission_key=TAB_ONE)  # fmt: skip
    author.post(edit, form_data(roles, version=1, body="<p>whole thought</p>",
                                submission_key=TAB_ONE))  # fmt: skip
    entry.refresh_from_db()
    assert entry.body == "<p>whole thought</p>"


def test_an_autosave_arriving_after_the_save_changes_nothing(roles, author, entry):
    edit = reverse("journals:edit", kwargs={"pk": entry.pk})
    author.post(edit, form_data(roles, version=1, body="<p>final words</p>",
                                submission_key=TAB_ONE))  # fmt: skip
    late = autosave(author, entry_id=entry.pk, version=1, title="Notes", body="<p>final wo</p>",
                    submission_key=TAB_ONE)  # fmt: skip
    assert b"changed somewhere else" not in late.content
    entry.refresh_from_db()
    assert entry.body == "<p>final words</p>"


def test_another_tabs_change_is_still_a_conflict(roles, author, entry):
    edit = reverse("journals:edit", kwargs={"pk": entry.pk})
    autosave(author, entry_id=entry.pk, version=1, title="Notes", body="<p>from tab two</p>",
             submission_key=TAB_TWO)  # fmt: skip
    response = author.post(
        edit, form_data(roles, version=1, body="<p>from tab one</p>", submission_key=TAB_ONE)
    )
    assert response.status_code == 409
    assert b"from tab two" in response.content and b"from tab one" in response.content
    entry.refresh_from_db()
    assert entry.body == "<p>from tab two</p>"


def test_the_same_text_saved_from_another_tab_is_not_a_conflict(roles, author, entry):
    edit = reverse("journals:edit", kwargs={"pk": entry.pk})
    autosave(author, entry_id=entry.pk, version=1, title="Notes", body="<p>same words</p>",
             submission_key=TAB_TWO)  # fmt: skip
    response = author.post(
        edit,
        form_data(
            roles, version=1, title="Notes", body="<p>same words</p>", submission_key=TAB_ONE
        ),  # fmt: skip
    )
    assert response.status_code == 302


def test_new_entry_saved_while_its_first_autosave_is_in_flight_is_one_entry(roles, author):
    # The autosave on blur created the draft, but the page did not learn its id before Save.
    autosave(author, title="First", body="<p>draft</p>", version=0, team=roles["team_a"].pk,
             submission_key=TAB_ONE)  # fmt: skip
    response = author.post(
        reverse("journals:new"),
        form_data(roles, title="First", body="<p>draft, finished</p>", submission_key=TAB_ONE),
    )
    entry = JournalEntry.objects.get()
    assert response.status_code == 302 and response["Location"] == entry.get_absolute_url()
    assert not entry.is_draft and entry.body == "<p>draft, finished</p>"


def test_new_entry_autosave_arriving_after_the_save_adds_nothing(roles, author):
    author.post(
        reverse("journals:new"),
        form_data(roles, title="First", body="<p>finished</p>", submission_key=TAB_ONE),
    )
    autosave(author, title="First", body="<p>finish</p>", version=0, team=roles["team_a"].pk,
             submission_key=TAB_ONE)  # fmt: skip
    entry = JournalEntry.objects.get()
    assert not entry.is_draft and entry.body == "<p>finished</p>"


def test_double_submitted_new_entry_is_stored_once_and_shown(roles, author):
    data = form_data(roles, title="Once", submission_key=TAB_ONE)
    first = author.post(reverse("journals:new"), data)
    second = author.post(reverse("journals:new"), data, follow=True)
    entry = JournalEntry.objects.get()
    assert first["Location"] == entry.get_absolute_url()
    assert second.redirect_chain[-1][0] == entry.get_absolute_url()
    assert b"already saved" in second.content


def test_each_rendered_form_gets_its_own_key(author, roles):
    def key(page):
        content = page.content.decode()
        start = content.index('name="submission_key" value="') + len(
            'name="submission_key" value="'
        )
        return content[start : content.index('"', start)]

    one, two = key(author.get(reverse("journals:new"))), key(author.get(reverse("journals:new")))
    assert len(one) >= 16 and one != two


# --- Privacy: private is the default; sharing is a choice the Save button restates --------


@pytest.fixture
def team_prompt(db):
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    module = ModulePageFactory(
        parent=program,
        slug="norms",
        number=2,
        month=datetime.date(2026, 10, 1),
        body=[
            (
                "reflection_prompt",
                {"prompt": "What do we owe each other?", "kind": "team", "default_privacy": "team"},
            )
        ],
    )
    return next(block.id for block in module.body if block.block_type == "reflection_prompt")


def checked_visibility(content: str) -> str:
    for value in Visibility.values:
        start = content.index(f'name="visibility" value="{value}"')
        if "checked" in content[start : content.index(">", start)]:
            return value
    return ""


def save_button(content: str) -> str:
    start = content.index('class="journal-save"')
    return content[content.index(">", start) + 1 : content.index("</button>", start)]


def test_a_team_prompt_still_starts_private_and_says_sharing_is_a_choice(
    roles, author, team_prompt
):
    content = author.get(reverse("journals:new") + f"?prompt={team_prompt}").content.decode()
    assert checked_visibility(content) == Visibility.PRIVATE
    assert "Private unless you choose otherwise" in content
    assert "invites you to share what you write with your team" in content
    assert save_button(content) == "Save"
    assert 'data-label-team="Save and share with my team"' in content


@pytest.mark.parametrize(
    ("visibility", "label"),
    [
        ("private", "Save"),
        ("team", "Save and share with my team"),
        ("facilitator", "Save, shared with our facilitators"),
    ],
)
def test_save_button_restates_the_chosen_sharing(roles, author, visibility, label):
    # Shown again with an error: the button says what the kept choice will do.
    response = author.post(
        reverse("journals:new"), form_data(roles, visibility=visibility, body="")
    )
    assert save_button(response.content.decode()) == label
    entry = JournalEntryFactory(
        author=roles["member_a"], team=roles["team_a"], visibility=visibility
    )
    edit = author.get(reverse("journals:edit", kwargs={"pk": entry.pk})).content.decode()
    assert save_button(edit) == label


# --- A real double submit: two requests at the same moment (PostgreSQL) --------------------


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL's row locks"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_identical_saves_store_one_entry(roles):
    data = form_data(roles, title="Clicked twice", submission_key=TAB_ONE)
    statuses, errors = post_at_once(roles["member_a"], reverse("journals:new"), data)
    assert errors == []
    assert statuses == [302, 302]
    assert JournalEntry.objects.filter(title="Clicked twice").count() == 1
