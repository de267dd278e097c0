"""Demo feedback for `seed_demo` (idempotent; does nothing without the demo teams).

- Round 1: teams A and B reviewed each other's work; both requests are closed, answered,
  marked helpful and written back to.
- An open anonymous request from team A with one answer from team B (not yet released).
- An overdue request inside team A that nobody has answered.
"""

import datetime

from django.utils import timezone

from accounts.models import User
from cohorts.demo import DEMO_COHORT_SLUG as COHORT
from cohorts.demo import TEAM_A_SLUG as TEAM_A
from cohorts.demo import TEAM_B_SLUG as TEAM_B
from cohorts.models import Cohort, Membership, Team
from programs.demo_content import FEEDBACK_SAMPLES

from .models import Assignment, FeedbackRequest, FeedbackResponse, Pairing, PairingRound


def _samples(protocol: str, kind: str) -> dict:
    return {
        s["tone"]: s["text"]
        for s in FEEDBACK_SAMPLES
        if s["protocol"] == protocol and s["artifact_kind"] == kind
    }


def _request(*, team, by, title, reviewers, reviewer_team=None, **fields) -> FeedbackRequest:
    request, created = FeedbackRequest.objects.get_or_create(
        team=team,
        artifact_title=title,
        defaults={"requested_by": by, "reviewer_team": reviewer_team, **fields},
    )
    if created:
        Assignment.objects.bulk_create(
            Assignment(request=request, reviewer=person, reviewer_team=person_team)
            for person, person_team in reviewers
        )
    return request


def _answer(request, giver, answers, *, on, helpful=False, back="") -> None:
    FeedbackResponse.objects.get_or_create(
        request=request,
        giver=giver,
        defaults={
            "answers": answers,
            "status": FeedbackResponse.Status.SUBMITTED,
            "submitted_on": on,
            "helpful": helpful,
            "back_feedback": back,
            "back_feedback_on": on + datetime.timedelta(days=2) if back else None,
        },
    )


def _members(team, *, exclude=()) -> list[User]:
    return [
        m.user
        for m in Membership.objects.current()
        .filter(team=team)
        .exclude(user__email__in=exclude)
        .select_related("user")
        .order_by("user__email")
    ]


def seed_feedback() -> None:
    team_a = Team.objects.filter(slug=TEAM_A).first()
    team_b = Team.objects.filter(slug=TEAM_B).first()
    cohort = Cohort.objects.filter(slug=COHORT).first()
    if not (team_a and team_b and cohort):
        return
    people = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    lead, member, peer = (
        people.get("lead@example.org"),
        people.get("member@example.org"),
        people.get("peer@example.org"),
    )
    if not (lead and member and peer):
        return
    today = timezone.localdate()
    b_others = _members(team_b, exclude=["peer@example.org"])[:2]
    round_1, created = PairingRound.objects.get_or_create(
        cohort=cohort,
        name="Round 1: aim statements and driver diagrams",
        defaults={"created_on": today - datetime.timedelta(days=30)},
    )
    if created:
        Pairing.objects.bulk_create(
            [
                Pairing(round=round_1, reviewed_team=team_a, reviewer_team=team_b),
                Pairing(round=round_1, reviewed_team=team_b, reviewer_team=team_a),
            ]
        )

    aim = _samples("warm-and-cool-feedback", "aim")
    aim_request = _request(
        team=team_a,
        by=member,
        title="Our draft aim: on-track attendance for Black and Latino 7th graders",
        reviewers=[(peer, team_b), *[(p, team_b) for p in b_others]],
        reviewer_team=team_b,
        round=round_1,
        artifact_url=team_a.get_absolute_url(),
        focusing_question="Could another team measure this aim the same way we would?",
        protocol="warm-and-cool-feedback",
        due_on=today - datetime.timedelta(days=20),
        created_on=today - datetime.timedelta(days=28),
        closed_on=today - datetime.timedelta(days=18),
    )
    _answer(
        aim_request,
        peer,
        {"warm": aim.get("warm", ""), "cool": aim.get("cool", "")},
        on=today - datetime.timedelta(days=22),
        helpful=True,
        back="We will write an operational definition of 'engaged' before our next PDSA cycle.",
    )
    if b_others:
        _answer(
            aim_request,
            b_others[0],
            {
                "warm": "The baseline is clear.",
                "cool": "Which month will you compare against?",
            },
            on=today - datetime.timedelta(days=21),
        )

    driver = _samples("i-like-i-wish-i-wonder", "driver_diagram")
    driver_request = _request(
        team=team_b,
        by=peer,
        title="Driver diagram: belonging for newcomer students",
        reviewers=[(lead, team_a), (member, team_a)],
        reviewer_team=team_a,
        round=round_1,
        focusing_question="Do our secondary drivers lead to change ideas we can test in a week?",
        protocol="i-like-i-wish-i-wonder",
        due_on=today - datetime.timedelta(days=20),
        created_on=today - datetime.timedelta(days=28),
        closed_on=today - datetime.timedelta(days=17),
    )
    _answer(
        driver_request,
        lead,
        {
            "like": driver.get("like", ""),
            "wish": driver.get("wish", ""),
            "wonder": _samples("i-like-i-wish-i-wonder", "pdsa_cycle").get("wonder", ""),
        },
        on=today - datetime.timedelta(days=21),
        helpful=True,
        back="We split 'adult connections' into who does what, by role.",
    )
    _answer(
        driver_request,
        member,
        {"like": "I like the student quotes.", "wish": "", "wonder": "I wonder who owns each."},
        on=today - datetime.timedelta(days=20),
    )

    identity = _samples("warm-and-cool-feedback", "identity_statement")
    anonymous_request = _request(
        team=team_a,
        by=lead,
        title="Fishbone: causes of chronic absence",
        reviewers=[(peer, team_b), *[(p, team_b) for p in b_others]],
        reviewer_team=team_b,
        anonymous=True,
        focusing_question="What is the school's part in each cause we list?",
        protocol="tuning-protocol",
        due_on=today + datetime.timedelta(days=5),
        created_on=today - datetime.timedelta(days=2),
    )
    _answer(
        anonymous_request,
        peer,
        {
            "clarifying": "Where did the attendance figures come from?",
            "probing": "What would students say the biggest cause is?",
            "warm": identity.get("warm", ""),
            "cool": _samples("warm-and-cool-feedback", "feedback_request").get("cool", ""),
        },
        on=today - datetime.timedelta(days=1),
    )

    _request(
        team=team_a,
        by=member,
        title="Empathy interview questions for families",
        reviewers=[(lead, team_a)],
        focusing_question="Are any of our questions yes/no questions in disguise?",
        protocol="ladder-of-feedback",
        due_on=today - datetime.timedelta(days=4),
        created_on=today - datetime.timedelta(days=12),
    )
