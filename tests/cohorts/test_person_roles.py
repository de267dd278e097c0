"""Every logged-in page reads the person's roles, the Facilitators group and the header's unread
count in one query (`cohorts.access.person_roles`), kept for that request only: a change shows
on the very next page."""

import pytest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from cohorts.models import Membership
from cohorts.services import membership_end
from journals.factories import JournalEntryFactory
from journals.models import Visibility
from notifications.models import Kind
from notifications.services import notify
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

UNREAD = '<span class="visually-hidden"> unread'


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def test_a_new_notice_counts_in_the_header_on_the_next_page(roles):
    client = client_for("member_a", roles)
    team_url = reverse("cohorts:team", args=["team-a"])
    assert UNREAD not in client.get(team_url).content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(user=roles["member_a"], kind=Kind.NORMS_PROPOSED, title="Norms to vote on")
    assert f"1{UNREAD}" in client.get(team_url).content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert UNREAD not in client.get(team_url).content.decode()


def test_someone_removed_from_a_team_loses_it_on_the_next_page(roles):
    client = client_for("member_a", roles)
    team_url = reverse("cohorts:team", args=["team-a"])
    assert client.get(team_url).status_code == 200
    assert "Shared with Team A" in client.get(reverse("journals:list")).content.decode()
    membership = Membership.objects.get(user=roles["member_a"], team=roles["team_a"])
    membership_end(membership=membership, by=roles["facilitator"])
    assert client.get(team_url).status_code == 404
    assert "Team A" not in client.get(reverse("cohorts:my_teams")).content.decode()
    assert "Shared with Team A" not in client.get(reverse("journals:list")).content.decode()


def test_a_cohort_given_to_a_facilitator_shows_on_the_next_page(roles):
    client = client_for("facilitator_other", roles)
    team_url = reverse("cohorts:team", args=["team-a"])
    assert client.get(team_url).status_code == 404
    roles["cohort"].facilitators.add(roles["facilitator_other"])
    assert client.get(team_url).status_code == 200


@pytest.mark.parametrize("role", ["member_a", "facilitator", "site_admin"])
def test_the_header_asks_one_query_however_many_teams_cohorts_and_notices(roles, role):
    """The group, the roles and the unread count come in one query, for 1 or 30 of each."""
    person = roles[role]
    client = client_for(role, roles)
    url = reverse("notifications:list")

    def grow(n):
        cohort = CohortFactory(slug=f"more-{n}")
        MembershipFactory(user=person, team=TeamFactory(cohort=cohort, slug=f"more-team-{n}"))
        cohort.facilitators.add(person)
        notify(user=person, kind=Kind.NORMS_PROPOSED, title=f"Notice {n}", send_email=False)

    grow(0)
    small = _queries(client, url)
    for n in range(1, 30):
        grow(n)
    large = _queries(client, url)
    assert len(small) == len(large)
    # One read of the Facilitators group, carrying the unread count: no query of their own.
    assert len([sql for sql in large if "auth_group" in sql]) == 1
    counts = [sql for sql in large if sql.startswith('SELECT COUNT(*) AS "__count" FROM "not')]
    assert not [sql for sql in counts if "read_at" in sql]  # the list's paginator counts all
    assert f"30{UNREAD}" in client.get(url).content.decode()


def test_the_journal_list_and_team_space_read_the_roles_once(roles):
    JournalEntryFactory(author=roles["member_a"], team=roles["team_a"])
    client = client_for("member_a", roles)
    for url in (reverse("journals:list"), reverse("cohorts:team", args=["team-a"])):
        queries = _queries(client, url)
        group_reads = [sql for sql in queries if "auth_group" in sql]
        assert len(group_reads) == 1, url
        for part in ("cohorts_membership", "cohorts_cohort_facilitators", "read_at"):
            assert part in group_reads[0], (url, part)
        assert not [sql for sql in queries if "COUNT(*)" in sql and "read_at" in sql], url


def test_the_journal_panel_shows_shared_entries_only_to_those_who_may_read_them(roles):
    """Members and the cohort's facilitators see the team's shared entries and their count;
    a site admin outside the team sees neither; a private entry never shows."""
    for n in range(6):
        JournalEntryFactory(
            author=roles["lead_a"],
            team=roles["team_a"],
            title=f"Shared reflection {n}",
            visibility=Visibility.TEAM,
        )
    JournalEntryFactory(author=roles["lead_a"], team=roles["team_a"], title="Private thought")
    url = reverse("cohorts:team", args=["team-a"])
    for role in ("member_a", "facilitator"):
        page = client_for(role, roles).get(url).content.decode()
        assert "6 entries shared with the team." in page
        assert "Shared reflection 5" in page and "Shared reflection 0" not in page  # latest five
        assert "Private thought" not in page
    page = client_for("site_admin", roles).get(url).content.decode()
    assert "0 entries shared with the team." in page
    assert "Shared reflection 5" not in page and "Private thought" not in page
