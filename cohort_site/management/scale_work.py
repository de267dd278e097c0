"""Each team's year of work for `seed_scale`: improvement projects with weekly observations and
PDSA cycles, journal entries, norms with votes and check-ins, feedback requests and
notifications, all written in bulk (the command's `TeamWork` mixin)."""

import datetime

from django.utils import timezone

from feedback import protocols
from feedback.models import Assignment, FeedbackRequest, FeedbackResponse
from improvement.models import (
    Aim,
    ChangeIdea,
    Driver,
    ImprovementProject,
    Measure,
    Observation,
    PDSACycle,
)
from improvement.services import measure_signals_refresh
from journals.models import JournalEntry
from norms.models import CheckIn, Norm, NormSet, Rating, Vote
from notifications.models import Kind as NotificationKind
from notifications.models import Notification

JOURNAL_ENTRIES_PER_TEAM = 300
WEEKS = 100
GROUPS = ["ALL", "HI", "EL", "SED", "AA"]
MEASURES_PER_TEAM = 2  # 2 measures x 5 groups x 100 weeks = 1,000 observations a team
MEETINGS = 3
NOTIFICATIONS_PER_PERSON = 5
NORMS = [
    "We start and end on time.",
    "We speak our truth and listen to understand.",
    "We name race explicitly when we talk about outcomes.",
    "We expect and accept non-closure.",
    "We keep student voices at the centre.",
]
CYCLE_DECISIONS = ["adopt", "adapt", "adapt", "abandon", ""]
BATCH = 2000


class TeamWork:
    """Mixed into the `seed_scale` command, which sets `today`, `prompts` and `password_hash`."""

    def _improvement(self, cohort, teams, rng):
        projects = ImprovementProject.objects.bulk_create(
            [
                ImprovementProject(
                    team=team,
                    school_year=cohort.school_year,
                    problem_of_practice="Chronic absence is twice as high for our focal groups.",
                    focal_groups=["HI", "EL"],
                    equity_area="climate",
                    progress_score=rng.choice(["1.0", "1.5", "2.0", "2.5", "3.0"]),
                )
                for team in teams
            ]
        )
        measures = Measure.objects.bulk_create(
            [
                Measure(
                    project=project,
                    name=name,
                    kind=kind,
                    unit=Measure.Unit.PERCENT,
                    direction=Measure.Direction.DOWN,
                    groups=GROUPS,
                    order=order,
                    data_source="Student information system",
                    frequency="weekly",
                )
                for project in projects
                for order, (name, kind) in enumerate(
                    [("Chronic absence rate", "outcome"), ("Students with a check-in", "process")]
                )
            ][: len(projects) * MEASURES_PER_TEAM]
        )
        start = self.today - datetime.timedelta(weeks=WEEKS - 1)
        weeks = [start + datetime.timedelta(weeks=w) for w in range(WEEKS)]
        for chunk_start in range(0, len(measures), 10):
            points = []
            for measure in measures[chunk_start : chunk_start + 10]:
                for group in GROUPS:
                    level = rng.uniform(8, 30)
                    size = rng.choice([6, 12, 40, 120, 400])  # small groups get suppressed
                    for w, day in enumerate(weeks):
                        drift = -0.04 * max(0, w - 70) if rng.random() < 0.5 else 0
                        value = max(0.0, level + drift + rng.gauss(0, 2))
                        points.append(
                            Observation(
                                measure=measure,
                                date=day,
                                group=group,
                                value=round(value, 1),
                                n=size,
                            )
                        )
            Observation.objects.bulk_create(points, batch_size=BATCH)
        outcome = {m.project_id: m for m in measures if m.kind == "outcome"}
        Aim.objects.bulk_create(
            [
                Aim(
                    project=p,
                    what="chronic absence for Latino and English-learner students",
                    how_much="from 24% to 15%",
                    by_when=datetime.date(2027, 5, 31),
                    for_whom="HI",
                    baseline_value=24,
                    baseline_date=datetime.date(2026, 9, 1),
                    target_value=15,
                    outcome_measure=outcome.get(p.pk),
                )
                for p in projects
            ]
        )
        drivers = Driver.objects.bulk_create(
            [Driver(project=p, text="Families feel welcome at school", order=0) for p in projects]
        )
        ideas = ChangeIdea.objects.bulk_create(
            [
                ChangeIdea(project=p, text="Call home on the first absence", order=0)
                for p in projects
            ]
        )
        ChangeIdea.drivers.through.objects.bulk_create(
            [
                ChangeIdea.drivers.through(changeidea_id=i.pk, driver_id=d.pk)
                for i, d in zip(ideas, drivers, strict=True)
            ]
        )
        cycles = []
        for project, idea in zip(projects, ideas, strict=True):
            for number in range(1, rng.randint(3, 6) + 1):
                decision = rng.choice(CYCLE_DECISIONS)
                done = self.today - datetime.timedelta(days=rng.randint(3, 90))
                cycles.append(
                    PDSACycle(
                        project=project,
                        change_idea=idea,
                        ramp="Calls home",
                        number=number,
                        title=f"Calls home, cycle {number}",
                        phase="done" if decision else rng.choice(["plan", "do", "study"]),
                        decision=decision,
                        objective="Do first-absence calls bring students back within a week?",
                        done_on=done if decision else None,
                        decided_on=done if decision else None,
                    )
                )
        PDSACycle.objects.bulk_create(cycles, batch_size=BATCH)
        measure_signals_refresh(Measure.objects.filter(project__in=projects))

    def _journals(self, teams, members, rng):
        visibilities = ["private", "team", "team", "facilitator"]
        entries = []
        for team in teams:
            authors = members[team.pk]
            for i in range(JOURNAL_ENTRIES_PER_TEAM):
                module, prompt_id, prompt_text = self.prompts[i % len(self.prompts)]
                body = f"Reflection {i}: what we noticed about our students and ourselves."
                entries.append(
                    JournalEntry(
                        author=authors[i % len(authors)],
                        team=team,
                        module=module,
                        prompt_id=prompt_id,
                        prompt_text=prompt_text,
                        kind="learning" if i % 3 else "reflection",
                        title=f"Reflection {i + 1}",
                        body=f"<p>{body}</p>",
                        body_text=body,
                        visibility=rng.choice(visibilities),
                        is_draft=rng.random() < 0.05,
                    )
                )
        JournalEntry.objects.bulk_create(entries, batch_size=BATCH)

    def _norms(self, teams, members, rng):
        now = timezone.now()
        norm_sets = NormSet.objects.bulk_create(
            [
                NormSet(
                    team=team,
                    number=1,
                    status=NormSet.Status.RATIFIED,
                    created_by=members[team.pk][0],
                    proposed_by=members[team.pk][0],
                    proposed_at=now - datetime.timedelta(days=60),
                    ratified_at=now - datetime.timedelta(days=55),
                )
                for team in teams
            ]
        )
        norms = Norm.objects.bulk_create(
            [
                Norm(norm_set=s, statement=text, position=i)
                for s in norm_sets
                for i, text in enumerate(NORMS)
            ]
        )
        norms_by_set = {}
        for norm in norms:
            norms_by_set.setdefault(norm.norm_set_id, []).append(norm)
        Vote.objects.bulk_create(
            [
                Vote(norm_set=s, user=u, choice="agree")
                for s in norm_sets
                for u in members[s.team_id]
            ]
        )
        check_ins = CheckIn.objects.bulk_create(
            [
                CheckIn(
                    team_id=s.team_id,
                    norm_set=s,
                    user=u,
                    met_on=self.today - datetime.timedelta(days=14 * m + 1),
                    hard_norm=rng.choice(norms_by_set[s.pk]),
                )
                for s in norm_sets
                for m in range(MEETINGS)
                for u in members[s.team_id]
            ],
            batch_size=BATCH,
        )
        Rating.objects.bulk_create(
            [
                Rating(check_in=c, norm=n, value=rng.randint(1, 4))
                for c in check_ins
                for n in norms_by_set[c.norm_set_id]
            ],
            batch_size=BATCH,
        )

    def _feedback(self, teams, members, rng):
        protocol = next(iter(protocols.PROTOCOLS))
        requests = FeedbackRequest.objects.bulk_create(
            [
                FeedbackRequest(
                    team=team,
                    requested_by=members[team.pk][0],
                    artifact_title=f"Our theory of improvement, draft {k + 1}",
                    artifact_url="/resources/",
                    focusing_question="Does our aim name the students it is for?",
                    protocol=protocol,
                    anonymous=k == 1,
                    reviewer_team=teams[(i + 1) % len(teams)],
                    # One request a team is overdue: the cohort feedback page lists them.
                    due_on=self.today + datetime.timedelta(days=-7 if k == 0 else 14),
                    created_on=self.today - datetime.timedelta(days=21),
                )
                for i, team in enumerate(teams)
                for k in range(2)
            ]
        )
        assignments, responses = [], []
        for request in requests:
            for reviewer in members[request.reviewer_team_id][:3]:
                assignments.append(
                    Assignment(
                        request=request, reviewer=reviewer, reviewer_team=request.reviewer_team
                    )
                )
                if rng.random() < 0.5:
                    responses.append(
                        FeedbackResponse(
                            request=request,
                            giver=reviewer,
                            answers={"warm": "The aim is specific.", "cool": "Who decides?"},
                            status="submitted",
                            submitted_on=self.today - datetime.timedelta(days=2),
                        )
                    )
        Assignment.objects.bulk_create(assignments, batch_size=BATCH)
        FeedbackResponse.objects.bulk_create(responses, batch_size=BATCH)

    def _notifications(self, users, rng):
        kinds = [NotificationKind.MODULE_RELEASED, NotificationKind.FEEDBACK_REQUESTED]
        Notification.objects.bulk_create(
            [
                Notification(
                    user=user,
                    kind=kinds[k % 2],
                    title="A module opened" if k % 2 == 0 else "Someone asked you for feedback",
                    url="/",
                    read_at=timezone.now() if rng.random() < 0.6 else None,
                )
                for user in users
                for k in range(NOTIFICATIONS_PER_PERSON)
            ],
            batch_size=BATCH,
        )
