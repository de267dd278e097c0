"""The one privacy rule, at the queryset: JournalEntry.objects.visible_to(user)."""

import datetime

import pytest

from journals.factories import IdentityToolFactory, JournalEntryFactory
from journals.models import IdentityTool, JournalEntry, Visibility


def visible(user):
    return set(JournalEntry.objects.visible_to(user).values_list("title", flat=True))


EXPECTED = {
    "member_a": {"Private title", "Facilitator title", "Team title"},
    "lead_a": {"Team title"},
    "member_b": set(),
    "facilitator": {"Facilitator title", "Team title"},
    "facilitator_other": set(),
    "site_admin": set(),
    "inactive": set(),
}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_visible_to(roles, entries, role):
    assert visible(roles[role]) == EXPECTED[role]


def test_anonymous_sees_nothing(roles, entries):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()


def test_former_member_loses_team_entries(roles, entries):
    lead = roles["lead_a"]
    lead.memberships.update(left_on=datetime.date(2026, 10, 1))
    assert visible(lead) == set()


def test_drafts_are_the_authors_alone(roles, entries):
    entries["team"].is_draft = True
    entries["team"].save()
    assert "Team title" not in visible(roles["lead_a"])
    assert "Team title" not in visible(roles["facilitator"])
    assert "Team title" in visible(roles["member_a"])


def test_no_duplicates_with_several_facilitators(roles, entries):
    from accounts.factories import UserFactory

    roles["cohort"].facilitators.add(UserFactory(), UserFactory())
    qs = JournalEntry.objects.visible_to(roles["member_a"])
    assert qs.count() == 3


def test_new_entries_default_to_private(roles):
    entry = JournalEntryFactory.build()
    assert entry.visibility == Visibility.PRIVATE
    assert IdentityTool().visibility == Visibility.PRIVATE


def test_identity_tool_visibility(roles):
    tool = IdentityToolFactory(author=roles["member_a"], team=roles["team_a"])
    for role in ("lead_a", "facilitator", "site_admin"):
        assert not IdentityTool.objects.visible_to(roles[role]).filter(pk=tool.pk).exists()
    tool.visibility = Visibility.FACILITATOR
    tool.save()
    assert IdentityTool.objects.visible_to(roles["facilitator"]).filter(pk=tool.pk).exists()
    assert not IdentityTool.objects.visible_to(roles["lead_a"]).filter(pk=tool.pk).exists()
