"""Every cohorts URL × every role → the expected status, in one table."""

import pytest

from django.urls import reverse

from cohorts.calendar import feed_url
from cohorts.factories import CohortSessionFactory
from cohorts.models import CohortSession, Invitation, Membership
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db


MANAGERS = expect(404, facilitator=200, site_admin=200)  # the cohort's facilitators, admins
MATRIX = {
    "my_teams": expect(200),
    "team_a": expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200),
    "team_other": expect(404, facilitator_other=200, site_admin=200),
    "cohort": MANAGERS,
    "other_cohort": expect(404, facilitator_other=200, site_admin=200),
    "invite": MANAGERS,
    "bulk_invite": MANAGERS,
    "bulk_invite_template": MANAGERS,
    "member_remove": MANAGERS,
    "member_move": MANAGERS,
    "calendar": expect(200, anonymous=200, inactive=200),
    "session_new": MANAGERS,
    "session_edit": MANAGERS,
    "invitation_resend": MANAGERS,
    "invitation_revoke": MANAGERS,
    "invitation_resend_other_cohort": expect(404),
    "session_delete": MANAGERS,
    # By its secret token: anyone holding the link sees the page; only its addressee joins.
    "invitation": expect(200, anonymous=200, inactive=200),
}
# Rows that reach a URL pattern other than the one they are named after.
URL_NAME_OF_ROW = {
    "team_a": "team",
    "team_other": "team",
    "other_cohort": "cohort",
    "invitation_resend_other_cohort": "invitation_resend",
}
COVERS = {f"cohorts:{URL_NAME_OF_ROW.get(key, key)}" for key in MATRIX}


def url_for(name, roles):
    member = Membership.objects.get(user=roles["member_a"], team=roles["team_a"])
    session = CohortSession.objects.filter(cohort=roles["cohort"]).first() or CohortSessionFactory(
        cohort=roles["cohort"]
    )
    invitation, _created = Invitation.objects.get_or_create(
        team=roles["team_a"], email="invited@example.org", invited_by=roles["facilitator"]
    )
    return {
        "my_teams": reverse("cohorts:my_teams"),
        "team_a": reverse("cohorts:team", args=["team-a"]),
        "team_other": reverse("cohorts:team", args=["team-other"]),
        "cohort": reverse("cohorts:cohort", args=["demo-cohort"]),
        "other_cohort": reverse("cohorts:cohort", args=["other-cohort"]),
        "invite": reverse("cohorts:invite", args=["demo-cohort"]),
        "bulk_invite": reverse("cohorts:bulk_invite", args=["demo-cohort"]),
        "bulk_invite_template": reverse(
            "cohorts:bulk_invite_template", args=["demo-cohort", "xlsx"]
        ),
        "member_remove": reverse("cohorts:member_remove", args=["team-a", member.pk]),
        "member_move": reverse("cohorts:member_move", args=["team-a", member.pk]),
        "calendar": feed_url(roles["cohort"], roles["member_a"]),
        "session_new": reverse("cohorts:session_new", args=["demo-cohort"]),
        "session_edit": reverse("cohorts:session_edit", args=["demo-cohort", session.pk]),
        "invitation_resend": reverse(
            "cohorts:invitation_resend", args=["demo-cohort", invitation.pk]
        ),
        "invitation_revoke": reverse(
            "cohorts:invitation_revoke", args=["demo-cohort", invitation.pk]
        ),
        # An invitation of this cohort addressed through another cohort's page is not found.
        "invitation_resend_other_cohort": reverse(
            "cohorts:invitation_resend", args=["other-cohort", invitation.pk]
        ),
        "session_delete": reverse("cohorts:session_delete", args=["demo-cohort", session.pk]),
        "invitation": reverse("cohorts:invitation", args=[invitation.token]),
    }[name]


CASES = [
    (url_name, role, expected) for url_name, row in MATRIX.items() for role, expected in row.items()
]


@pytest.mark.parametrize(("url_name", "role", "expected"), CASES)
def test_access_matrix(url_name, role, expected, roles):
    response = client_for(role, roles).get(url_for(url_name, roles))
    assert_access(response, expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    list(expect(404, facilitator=302, site_admin=302).items()),
)
def test_only_the_cohorts_managers_delete_a_session(role, expected, roles):
    response = client_for(role, roles).post(url_for("session_delete", roles))
    assert_access(response, expected)
    assert CohortSession.objects.exists() == (expected != 302)


def test_team_pages_are_never_cached(roles):
    response = client_for("member_a", roles).get(reverse("cohorts:team", args=["team-a"]))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_tampered_calendar_token_answers_404(client, roles):
    assert client.get("/calendar/1:forged.ics").status_code == 404


def test_members_of_another_team_cannot_post_member_changes(roles):
    member = Membership.objects.get(user=roles["member_a"], team=roles["team_a"])
    client = client_for("member_b", roles)
    response = client.post(reverse("cohorts:member_remove", args=["team-a", member.pk]))
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.left_on is None


@pytest.mark.parametrize("action", ["invitation_resend", "invitation_revoke"])
@pytest.mark.parametrize("role", ["member_a", "lead_a", "member_b", "facilitator_other"])
def test_only_the_cohorts_facilitators_may_resend_or_revoke_invitations(action, role, roles):
    invitation = Invitation.objects.create(
        team=roles["team_a"], email="invited@example.org", invited_by=roles["facilitator"]
    )
    response = client_for(role, roles).post(
        reverse(f"cohorts:{action}", args=["demo-cohort", invitation.pk])
    )
    assert response.status_code == 404
    assert Invitation.objects.outstanding().get() == invitation
    assert Invitation.objects.get().token == invitation.token
