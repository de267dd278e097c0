"""Equity advisory committees: the committee's space for its members, the team's pages not."""

import pytest

from django.urls import reverse

from accounts.factories import UserFactory
from committees.factories import (
    RecommendationFactory,
)
from committees.models import CommitteeInvitation, CommitteeMember, Meeting, Recommendation
from journals.models import JournalEntry
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

# family_a: a family seat on team A's committee (the roles fixture's committee).
MATRIX = {
    "space": expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200, family_a=200),
    "charter": expect(404, lead_a=200, facilitator=200, site_admin=200),
    "meeting_new": expect(404, lead_a=200, facilitator=200, site_admin=200, family_a=200),
    "recommendation_new": expect(404, lead_a=200, facilitator=200, site_admin=200, family_a=200),
    "recommendation_answer": expect(404, lead_a=200, facilitator=200, site_admin=200),
    "invite": expect(404, lead_a=200, facilitator=200, site_admin=200),
    # The link itself is public: without an account it opens signup for the invited address.
    "join": expect(200, anonymous=200, inactive=200),
}
COVERS = {f"committees:{key}" for key in MATRIX}
# The team's own pages stay closed to the family member.
TEAM_PAGES = ["cohorts:team", "coaching:list", "improvement:project", "journals:list"]


@pytest.fixture
def committee(roles):
    committee = roles["committee_a"]
    RecommendationFactory(
        committee=committee,
        title="Explain placement in Spanish",
        status=Recommendation.Status.ACCEPTED,
        response="Accepted, in our PDSA cycle 3",
    )
    RecommendationFactory(committee=committee, title="Translate school messages")
    return committee


def url(name, committee):
    slug = committee.team.slug
    if name == "join":
        invitation, _ = CommitteeInvitation.objects.get_or_create(
            committee=committee, email="someone@example.org", seat="community"
        )
        return reverse("committees:join", args=[invitation.token])
    if name == "recommendation_answer":
        recommendation = committee.recommendations.get(title="Translate school messages")
        return reverse(f"committees:{name}", args=[slug, recommendation.pk])
    return reverse(f"committees:{name}", args=[slug])


def test_every_committees_url_is_in_the_matrix():
    from committees.urls import urlpatterns

    assert {p.name for p in urlpatterns} == set(MATRIX)


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in row.items()],
)
def test_access_matrix(roles, committee, url_name, role, expected):
    response = client_for(role, roles).get(url(url_name, committee))
    assert_access(response, expected)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", TEAM_PAGES)
def test_the_family_member_never_opens_the_teams_own_pages(roles, committee, name):
    from django.urls import NoReverseMatch

    try:
        target = reverse(name, args=["team-a"])
    except NoReverseMatch:
        target = reverse(name)
    response = client_for("family_a", roles).get(target)
    if name == "journals:list":
        assert response.status_code == 200  # their own (empty) journal
    else:
        assert response.status_code == 404


def test_the_family_member_reads_the_answers_but_not_staff_reflections(roles, committee):
    JournalEntry.objects.create(
        author=roles["member_a"],
        team=roles["team_a"],
        title="Staff reflection",
        body="<p>Our staff reflection about families</p>",
        visibility="team",
    )
    client = client_for("family_a", roles)
    space = client.get(url("space", committee)).content.decode()
    assert "Accepted, in our PDSA cycle 3" in space
    assert "Translate school messages" in space
    my_page = client.get(reverse("cohorts:my_teams")).content.decode()
    assert "Mesa Linda advisory committee" in my_page
    assert "Our staff reflection" not in space + my_page


def test_the_team_answers_a_recommendation_and_the_committee_reads_it(roles, committee):
    target = url("recommendation_answer", committee)
    space = client_for("lead_a", roles).get(url("space", committee)).content.decode()
    assert f'href="{target}"' in space, space
    refused = client_for("lead_a", roles).post(target, {"status": "open", "response": ""})
    assert "Choose the team&#x27;s answer" in refused.content.decode()
    response = client_for("lead_a", roles).post(
        target, {"status": "not_now", "response": "Not now, because the district sends them"}
    )
    assert response.status_code == 302
    space = client_for("family_a", roles).get(url("space", committee)).content.decode()
    assert "Not now, because the district sends them" in space
    # A family member cannot answer for the team.
    assert client_for("family_a", roles).post(target, {"status": "accepted"}).status_code == 404


def test_a_member_records_a_meeting_with_attendance_and_decisions(roles, committee):
    response = client_for("family_a", roles).post(
        url("meeting_new", committee),
        {
            "held_on": "2026-11-12",
            "agenda": "Placement night",
            "attendees": [roles["family_a"].pk],
            "notes": "Good turnout",
            "decisions": "Hold it in March",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert list(meeting.attendees.all()) == [roles["family_a"]]


def test_an_invited_person_takes_their_seat_with_the_invited_address_only(
    roles, committee, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("lead_a", roles).post(
            url("invite", committee),
            {"email": "abuela@example.org", "name": "Carmen", "seat": "family"},
        )
    invitation = CommitteeInvitation.objects.get(email="abuela@example.org")
    assert invitation.token in mailoutbox[-1].body
    join = reverse("committees:join", args=[invitation.token])
    assert client_for("member_b", roles).post(join).status_code == 400
    newcomer = UserFactory(email="abuela@example.org")
    client = client_for("anonymous", roles)
    client.force_login(newcomer)
    assert client.post(join).status_code == 302
    assert CommitteeMember.objects.filter(user=newcomer, seat="family").exists()
    assert client.get(url("space", committee)).status_code == 200
    assert client.get(reverse("cohorts:team", args=["team-a"])).status_code == 404


def test_the_charter_starts_the_committee(roles):
    # Team B has no committee yet (team A's is the roles fixture's).
    response = client_for("facilitator", roles).post(
        reverse("committees:charter", args=["team-b"]),
        {
            "name": "Our committee",
            "purpose": "Advise",
            "decision_making": "Consensus",
            "meeting_norms": "Interpretation",
        },
    )
    assert response.status_code == 302
    roles["team_b"].refresh_from_db()
    assert roles["team_b"].committee.name == "Our committee"


@pytest.mark.parametrize("count", [1, 30])
def test_the_space_runs_a_fixed_number_of_queries(
    roles, committee, count, django_assert_max_num_queries
):
    for n in range(count):
        RecommendationFactory(committee=committee, title=f"Idea {n}")
        Meeting.objects.create(committee=committee, agenda=f"Agenda {n}").attendees.set(
            [roles["family_a"]]
        )
    with django_assert_max_num_queries(28):
        client_for("family_a", roles).get(url("space", committee))


def test_an_invitation_to_a_new_address_works_end_to_end(
    roles, committee, client, mailoutbox, django_capture_on_commit_callbacks
):
    steward = client_for("lead_a", roles)
    with django_capture_on_commit_callbacks(execute=True):
        response = steward.post(
            reverse("committees:invite", args=[committee.team.slug]),
            {"email": "abuela@example.org", "name": "Carmen Ruiz", "seat": "family"},
        )
    assert response.status_code == 302
    invitation = CommitteeInvitation.objects.get(email="abuela@example.org")
    join = reverse("committees:join", args=[invitation.token])
    assert join in mailoutbox[-1].body

    # No account yet: signup is closed until the link is opened in this browser.
    assert "Sign Up Closed" in client.get("/accounts/signup/").content.decode()
    page = client.get(join).content.decode()
    assert "Create my account" in page and "abuela@example.org" in page
    refused = client.post(
        f"/accounts/signup/?next={join}",
        {
            "email": "someone@example.org",
            "password1": "a-long-pass-9",
            "password2": "a-long-pass-9",
        },
    )
    assert "This invitation is for abuela@example.org" in refused.content.decode()
    response = client.post(
        f"/accounts/signup/?next={join}",
        {"email": "abuela@example.org", "password1": "a-long-pass-9", "password2": "a-long-pass-9"},
    )
    assert response.status_code == 302 and response.url == join
    landed = client.get(join, follow=True)
    assert landed.redirect_chain[-1][0] == committee.get_absolute_url()
    assert "Welcome to the committee." in landed.content.decode()
    member = CommitteeMember.objects.get(user__email="abuela@example.org")
    assert member.seat == "family" and member.committee == committee
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # The seat is the committee's, never the team's.
    assert client.get(reverse("improvement:project", args=["team-a"])).status_code == 404
    # The used link opens signup no more.
    client.logout()
    assert "Sign Up Closed" in client.get("/accounts/signup/").content.decode()


def test_an_existing_account_logs_in_through_the_link_and_takes_the_seat(roles, committee, client):
    invitation = CommitteeInvitation.objects.create(
        committee=committee, email="peer@example.org", seat="staff"
    )
    join = reverse("committees:join", args=[invitation.token])
    assert "I already have an account" in client.get(join).content.decode()
    client.force_login(roles["member_b"])
    response = client.get(join)
    assert response.status_code == 302 and response.url == committee.get_absolute_url()
    assert CommitteeMember.objects.get(user=roles["member_b"]).seat == "staff"
