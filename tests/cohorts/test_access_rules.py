"""Each team rule in cohorts/access.py has a filter and a test of one team: they must agree."""

import pytest

from cohorts import access
from cohorts.models import Cohort, Membership, Team
from tests.conftest import MATRIX_ROLES

pytestmark = pytest.mark.django_db

TEAMS = ["team_a", "team_b", "team_other"]


def person(roles, role):
    from django.contrib.auth.models import AnonymousUser

    return roles[role] or AnonymousUser()


@pytest.mark.parametrize("role", MATRIX_ROLES)
def test_visible_to_and_can_view_team_agree(role, roles):
    user = person(roles, role)
    visible = set(Team.objects.visible_to(user).values_list("slug", flat=True))
    for key in TEAMS:
        team = roles[key]
        assert access.can_view_team(user, team) == (team.slug in visible), (role, key)


@pytest.mark.parametrize("role", MATRIX_ROLES)
def test_lead_or_facilitator_filter_and_test_agree(role, roles):
    user = person(roles, role)
    reached = set(
        Team.objects.filter(access.led_or_facilitated_team_q(user)).values_list("slug", flat=True)
    )
    for key in TEAMS:
        team = roles[key]
        assert access.leads_or_facilitates(user, team) == (team.slug in reached), (role, key)


def test_the_rules_say_who_reaches_team_a(roles):
    """What the two rules mean, in words a person would use."""
    team = roles["team_a"]
    viewers = {r for r in MATRIX_ROLES if access.can_view_team(person(roles, r), team)}
    assert viewers == {"member_a", "lead_a", "facilitator", "site_admin"}
    leaders = {r for r in MATRIX_ROLES if access.leads_or_facilitates(person(roles, r), team)}
    assert leaders == {"lead_a", "facilitator"}


def test_someone_who_left_the_team_no_longer_reaches_it(roles):
    from django.utils import timezone

    Membership.objects.filter(user=roles["lead_a"]).update(left_on=timezone.localdate())
    lead = type(roles["lead_a"]).objects.get(pk=roles["lead_a"].pk)
    assert not Team.objects.visible_to(lead).filter(pk=roles["team_a"].pk).exists()
    assert not access.can_view_team(lead, roles["team_a"])
    assert not access.leads_or_facilitates(lead, roles["team_a"])


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", set()),
        ("member_a", set()),
        ("lead_a", set()),
        ("member_b", set()),
        ("facilitator", {"demo-cohort"}),
        ("facilitator_other", {"other-cohort"}),
        ("site_admin", {"demo-cohort", "other-cohort"}),
        ("family_a", set()),
        ("inactive", set()),
    ],
)
def test_facilitated_by_carries_the_site_admin_rule(role, expected, roles):
    """Callers ask `Cohort.objects.facilitated_by(user)` alone: site admins run every cohort."""
    found = Cohort.objects.facilitated_by(person(roles, role)).values_list("slug", flat=True)
    assert set(found) == expected
