"""Demo norms: team A has ratified norms, months of check-ins and a statement; team B is mid-vote.

Idempotent: a team that already has norms is left alone. Without the cohorts demo teams it does
nothing.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from cohorts.models import Membership

from .models import (
    CheckIn,
    Condition,
    Endorsement,
    IdentityStatement,
    Norm,
    NormSet,
    Rating,
    StatementComment,
    Vote,
)
from .templates_data import norm_template

CONDITIONS_A = [
    ("I need us to start and end on time so I can plan my day.", "Time"),
    ("I need to hear from everyone, not just the loudest voices.", "Voice"),
    ("I need it to be OK to say I am still learning about race.", "Safety to learn"),
    ("I need us to come back to hard conversations rather than drop them.", "Staying with it"),
    ("I need us to assume good intent and still name impact.", "Trust"),
]

EXTRA_NORM_A = (
    "Presume positive intentions, and name impact",
    "Assume colleagues mean well, and still say when something landed badly; talk about the "
    "effect, not the person.",
)

CHECK_IN_DATES = [
    datetime.date(2026, 9, 17),
    datetime.date(2026, 10, 1),
    datetime.date(2026, 10, 15),
    datetime.date(2026, 11, 5),
    datetime.date(2026, 11, 19),
]


def _at(date: datetime.date, hour: int = 17) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(hour), tzinfo=datetime.UTC)


def _team_of(email: str):
    membership = (
        Membership.objects.current()
        .filter(user__email=email)
        .select_related("team")
        .order_by("pk")
        .first()
    )
    return membership.team if membership else None


def _members(team) -> list:
    return [
        m.user
        for m in Membership.objects.current()
        .filter(team=team)
        .select_related("user")
        .order_by("-role", "pk")
    ]


@transaction.atomic
def seed_norms() -> dict:
    team_a, team_b = _team_of("lead@example.org"), _team_of("peer@example.org")
    seeded = {}
    if team_a is not None and not NormSet.objects.filter(team=team_a).exists():
        seeded["team_a"] = _seed_ratified(team_a)
    if team_b is not None and not NormSet.objects.filter(team=team_b).exists():
        seeded["team_b"] = _seed_mid_vote(team_b)
    return seeded


def _seed_ratified(team) -> NormSet:
    members = _members(team)
    lead = next(
        (m for m in members if m.email == "lead@example.org"), members[0] if members else None
    )
    for index, (text, group) in enumerate(CONDITIONS_A):
        Condition.objects.create(
            team=team,
            author=members[index % len(members)] if members else None,
            text=text,
            group_label=group,
            created_at=_at(datetime.date(2026, 9, 3)),
        )
    template = norm_template("courageous-conversations-four-agreements")
    norm_set = NormSet.objects.create(
        team=team,
        number=1,
        status=NormSet.Status.RATIFIED,
        created_by=lead,
        created_at=_at(datetime.date(2026, 9, 3)),
        proposed_by=lead,
        proposed_at=_at(datetime.date(2026, 9, 10)),
        ratified_at=_at(datetime.date(2026, 9, 16)),
    )
    norms = Norm.objects.bulk_create(
        Norm(norm_set=norm_set, statement=statement, in_practice=practice, position=i)
        for i, (statement, practice) in enumerate([*template["norms"], EXTRA_NORM_A], start=1)
    )
    for index, person in enumerate(members):
        Vote.objects.create(
            norm_set=norm_set,
            user=person,
            choice=Vote.Choice.LIVE_WITH if index == len(members) - 1 else Vote.Choice.AGREE,
            updated_at=_at(datetime.date(2026, 9, 15)),
        )
    rng = random.Random(2026)  # noqa: S311  (demo data, not security)
    for meeting, met_on in enumerate(CHECK_IN_DATES):
        for person in members:
            check_in = CheckIn.objects.create(
                team=team,
                norm_set=norm_set,
                user=person,
                met_on=met_on,
                hard_norm=norms[1] if meeting >= 3 and rng.random() < 0.6 else None,
                created_at=_at(met_on, 19),
            )
            ratings = []
            for index, norm in enumerate(norms):
                if index == 1:  # "Experience discomfort" slips as the work gets harder
                    value = max(1, 4 - meeting // 2 - (1 if rng.random() < 0.5 else 0))
                else:
                    value = rng.choice([3, 3, 4, 4, 2])
                ratings.append(Rating(check_in=check_in, norm=norm, value=value))
            Rating.objects.bulk_create(ratings)
    _seed_statement(team, members)
    return norm_set


def _seed_statement(team, members) -> None:
    from programs.demo_content import IDENTITY_STATEMENT

    author = members[0] if members else None
    statement = IdentityStatement.objects.create(
        team=team,
        number=1,
        who_we_are=IDENTITY_STATEMENT["who_we_are"],
        why_we_do_this_work=IDENTITY_STATEMENT["why_we_do_this_work"],
        what_we_commit_to="\n".join(IDENTITY_STATEMENT["what_we_commit_to"]),
        author=author,
        created_at=_at(datetime.date(2026, 10, 15)),
    )
    if len(members) > 1:
        StatementComment.objects.create(
            statement=statement,
            author=members[1],
            body="Could we name our students' home languages in the first paragraph?",
            created_at=_at(datetime.date(2026, 10, 16)),
        )
    for person in members[:-1]:
        Endorsement.objects.create(statement=statement, user=person, created_at=timezone.now())


def _seed_mid_vote(team) -> NormSet:
    members = _members(team)
    lead = members[0] if members else None
    template = norm_template("seven-norms-of-collaboration")
    norm_set = NormSet.objects.create(
        team=team,
        number=1,
        status=NormSet.Status.VOTING,
        created_by=lead,
        created_at=_at(datetime.date(2026, 11, 5)),
        proposed_by=lead,
        proposed_at=_at(datetime.date(2026, 11, 19)),
    )
    Norm.objects.bulk_create(
        Norm(norm_set=norm_set, statement=statement, in_practice=practice, position=i)
        for i, (statement, practice) in enumerate(template["norms"][:5], start=1)
    )
    # Everyone but the demo account "peer" and one colleague has voted; one has an objection.
    voters = [m for m in members if m.email != "peer@example.org"][:-1]
    for index, person in enumerate(voters):
        objection = index == 1
        Vote.objects.create(
            norm_set=norm_set,
            user=person,
            choice=Vote.Choice.CANNOT if objection else Vote.Choice.AGREE,
            reason="Pausing needs a clearer signal for when we are running out of time."
            if objection
            else "",
        )
    return norm_set
