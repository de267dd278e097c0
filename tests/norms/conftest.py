import datetime

import pytest

from django.utils import timezone

from cohorts.factories import MembershipFactory
from norms.models import CheckIn, IdentityStatement, Norm, NormSet, Rating, Vote


def make_set(team, *, number=1, status=NormSet.Status.DRAFT, statements=("Stay engaged",)):
    norm_set = NormSet.objects.create(
        team=team,
        number=number,
        status=status,
        ratified_at=timezone.now() if status == NormSet.Status.RATIFIED else None,
    )
    for position, statement in enumerate(statements, start=1):
        Norm.objects.create(
            norm_set=norm_set,
            statement=statement,
            in_practice=f"{statement} in practice",
            position=position,
        )
    return norm_set


def make_check_in(norm_set, user, met_on, values):
    check_in = CheckIn.objects.create(
        team=norm_set.team, norm_set=norm_set, user=user, met_on=met_on
    )
    for norm, value in zip(norm_set.norms.all(), values, strict=False):
        Rating.objects.create(check_in=check_in, norm=norm, value=value)
    return check_in


@pytest.fixture
def trio(roles):
    """Team A with three current members: lead_a, member_a and a third person (inactive left)."""
    team = roles["team_a"]
    # The inactive account cannot vote; it is not a current member for these tests.
    team.memberships.filter(user=roles["inactive"]).update(left_on=datetime.date(2026, 9, 1))
    third = MembershipFactory(team=team, user__email="third@example.org").user
    return {"team": team, "lead": roles["lead_a"], "member": roles["member_a"], "third": third}


def vote(norm_set, user, choice=Vote.Choice.AGREE, reason=""):
    from norms.services import vote_cast

    return vote_cast(norm_set=norm_set, user=user, choice=choice, reason=reason)


def statement(team, author, number=1):
    return IdentityStatement.objects.create(
        team=team,
        number=number,
        who_we_are="We are four educators.",
        why_we_do_this_work="Because our students deserve it.",
        what_we_commit_to="Listen first\nLook at data by group",
        author=author,
    )
