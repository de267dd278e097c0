"""A team with every feature's data, for the query-count tests of pages that gather all teams.

A dashboard column, alert or panel hook that reads one team at a time (an N+1) only shows when
the teams have data of its kind: the tests that compare few teams with many build each team
with `team_with_every_feature`, through the shared factories.
"""

import datetime

from django.utils import timezone

from coaching.factories import ConversationFactory, NextStepFactory
from cohorts.factories import MembershipFactory, TeamFactory
from feedback.factories import FeedbackRequestFactory
from feedback.models import Assignment, FeedbackResponse
from improvement.factories import (
    ChangeIdeaFactory,
    ImprovementProjectFactory,
    MeasureFactory,
    PDSACycleFactory,
)
from improvement.models import Observation
from improvement.services import measure_signals_refresh
from journals.factories import JournalEntryFactory
from journals.models import Visibility
from norms.factories import CheckInFactory, NormSetFactory

START = datetime.date(2026, 9, 7)


def team_with_every_feature(cohort=None, *, team=None, facilitator=None):
    """A team (new, or `team`) with a lead and two members who have written shared journal
    entries, ratified norms and checked in, asked for feedback (one reviewer answered, one is
    overdue), run an improvement project (a measure with observations, PDSA cycles) and have
    coaching notes with open next steps."""
    team = team or TeamFactory(cohort=cohort)
    lead = MembershipFactory(team=team, role="lead").user
    MembershipFactory(team=team)
    MembershipFactory(team=team)
    NormSetFactory(team=team, statements=["Stay engaged", "Speak your truth"])
    ConversationFactory(team=team, facilitator=facilitator, notes="Attendance by group")
    MeasureFactory(project=ImprovementProjectFactory(team=team))
    add_work(team, 1, by=lead)
    return team


def add_work(team, n, *, by=None):
    """`n` more of each kind of item on a team built by `team_with_every_feature`."""
    people = [m.user for m in team.memberships.current().select_related("user")]
    by = by or people[0]
    for _ in range(n):
        for visibility in (Visibility.FACILITATOR, Visibility.TEAM, Visibility.PRIVATE):
            JournalEntryFactory(author=by, team=team, visibility=visibility)
        request = FeedbackRequestFactory(
            team=team, requested_by=by, due_on=timezone.localdate() - datetime.timedelta(days=3)
        )
        reviewers = [person for person in people if person != by][:2]
        for reviewer in reviewers:
            Assignment.objects.create(request=request, reviewer=reviewer, reviewer_team=team)
        FeedbackResponse.objects.create(
            request=request,
            giver=reviewers[0],
            answers={"warm": "Clear aim"},
            status=FeedbackResponse.Status.SUBMITTED,
            submitted_on=timezone.localdate(),
        )
        conversation = team.coaching_conversations.first()
        NextStepFactory(conversation=conversation, owner=by)
        NextStepFactory(
            conversation=conversation,
            owner=reviewers[0],
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    norms = team.norm_sets.get(status="ratified")
    days = norms.check_ins.dates("met_on", "day").count()
    for number in range(days, days + n):
        for person in people:
            CheckInFactory(
                norm_set=norms,
                user=person,
                met_on=START + datetime.timedelta(days=number),
                ratings=[3, 4],
            )
    project = ImprovementProjectFactory(team=team)
    measure = project.measures.first()
    weeks = measure.observations.dates("date", "day").count()
    Observation.objects.bulk_create(
        Observation(
            measure=measure,
            date=START + datetime.timedelta(weeks=week),
            group=group,
            value=20 + week % 3,
            n=50,
        )
        for week in range(weeks, weeks + 4 * n)
        for group in ("ALL", "HI")
    )
    measure_signals_refresh([measure])
    idea = ChangeIdeaFactory(project=project)
    for _ in range(n):
        PDSACycleFactory(project=project, change_idea=idea)
