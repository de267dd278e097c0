"""Build the statewide dataset: many cohorts of 25 teams, each team with a year of work.

    python manage.py seed_scale                 # 40 cohorts, 1,000 teams, ~6,000 people,
                                                # 300,000 journal entries, 1,000,000 observations
    python manage.py seed_scale --teams 12      # a small copy of the same shape (tests)

Bulk writes, one transaction per cohort: a cohort exists only when all of it was written, so
running the command again (or after an interruption) adds only the missing cohorts. The data is
made up and deterministic for a given --seed. Accounts for `make bench` (password
--password): admin@statewide.example.org (site admin), facilitator-01@statewide.example.org
(facilitator of the first cohort), p00001-0@statewide.example.org (lead of its first team) and
p00001-1@statewide.example.org (member of it).
"""

import datetime
import math
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.factories import DEMO_PASSWORD
from accounts.roles import facilitators_group
from cohorts.models import Cohort, Membership, Organization, Team
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

DOMAIN = "statewide.example.org"
TEAMS_PER_COHORT = 25
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


def person_email(team_number: int, index: int) -> str:
    return f"p{team_number:05d}-{index}@{DOMAIN}"


def facilitator_email(cohort_number: int) -> str:
    return f"facilitator-{cohort_number:02d}@{DOMAIN}"


ADMIN_EMAIL = f"admin@{DOMAIN}"


class Command(BaseCommand):
    help = "Build the statewide dataset (40 cohorts, 1,000 teams, 1,000,000 observations)."

    def add_arguments(self, parser):
        parser.add_argument("--teams", type=int, default=1000, help="Teams in all (25 a cohort).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed.")
        parser.add_argument("--password", default=DEMO_PASSWORD, help="Every account's password.")

    def handle(self, *args, teams, seed, password, **options):
        # One hash for every account: hashing 6,000 passwords would take longer than the rest.
        self.password_hash = make_password(password)
        self.today = timezone.localdate()
        self.program = self._program()
        self.prompts = self._prompts()
        self._ensure_admin()
        cohorts = math.ceil(teams / TEAMS_PER_COHORT)
        created = 0
        for number in range(1, cohorts + 1):
            first_team = (number - 1) * TEAMS_PER_COHORT + 1
            count = min(TEAMS_PER_COHORT, teams - first_team + 1)
            if Cohort.objects.filter(slug=f"statewide-{number:02d}").exists():
                continue
            rng = random.Random(f"{seed}-{number}")  # noqa: S311 (made-up data)
            with transaction.atomic():
                self._cohort(number, first_team, count, rng)
            created += 1
            self.stdout.write(f"cohort {number}/{cohorts} written")
        self.stdout.write(self.style.SUCCESS(f"Statewide data ready ({created} cohorts added)."))

    # --- shared pieces ------------------------------------------------------------------------

    def _program(self):
        from programs.models import ProgramPage  # the curriculum, when seed_demo has built it

        return ProgramPage.objects.live().first()

    def _prompts(self) -> list[tuple[object, str, str]]:
        """(module, prompt id, prompt text) of every reflection prompt in the live curriculum."""
        from programs.models import ModulePage

        prompts = []
        for module in ModulePage.objects.live().specific().order_by("path"):
            for block in module.body or []:
                if block.block_type == "reflection_prompt":
                    prompts.append((module, block.id, str(block.value.get("prompt"))))
        return prompts or [(None, "", "")]

    def _users(self, specs: list[tuple[str, str, str]]) -> list:
        from allauth.account.models import EmailAddress

        users = get_user_model().objects.bulk_create(
            [
                get_user_model()(
                    email=email,
                    first_name=first,
                    last_name=last,
                    display_name=f"{first} {last}",
                    password=self.password_hash,
                )
                for email, first, last in specs
            ],
            batch_size=BATCH,
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=BATCH,
        )
        return users

    def _ensure_admin(self):
        if not get_user_model().objects.filter(email=ADMIN_EMAIL).exists():
            with transaction.atomic():
                (admin,) = self._users([(ADMIN_EMAIL, "State", "Admin")])
                admin.is_superuser = admin.is_staff = True
                admin.save(update_fields=["is_superuser", "is_staff"])

    # --- one cohort ---------------------------------------------------------------------------

    def _cohort(self, number: int, first_team: int, count: int, rng: random.Random):
        cohort = Cohort.objects.create(
            slug=f"statewide-{number:02d}",
            name=f"Statewide Cohort {number:02d}",
            program=self.program,
            school_year="2026-27",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2027, 6, 15),
        )
        (facilitator,) = self._users([(facilitator_email(number), "Facilitator", f"{number:02d}")])
        facilitator.groups.add(facilitators_group())
        cohort.facilitators.add(facilitator)
        district = Organization.objects.create(
            name=f"Statewide Unified {number:02d}",
            kind=Organization.Kind.DISTRICT,
            cds_code=f"58{number:05d}0000000",
            county="Statewide",
        )
        numbers = range(first_team, first_team + count)
        schools = Organization.objects.bulk_create(
            [
                Organization(
                    name=f"Statewide School {n:05d}",
                    kind=Organization.Kind.SCHOOL,
                    cds_code=f"59{n:012d}",
                    parent=district,
                    county="Statewide",
                    city="Capital City",
                )
                for n in numbers
            ]
        )
        now = timezone.now()
        teams = Team.objects.bulk_create(
            [
                Team(
                    cohort=cohort,
                    organization=school,
                    name=f"{school.name} equity team",
                    slug=f"statewide-team-{n:05d}",
                    last_activity_at=now - datetime.timedelta(days=rng.randint(0, 40)),
                )
                for n, school in zip(numbers, schools, strict=True)
            ]
        )
        people = {
            team.pk: [person_email(n, i) for i in range(rng.randint(4, 8))]
            for n, team in zip(numbers, teams, strict=True)
        }
        users = self._users(
            [(e, "Person", e.split("@")[0]) for emails in people.values() for e in emails]
        )
        by_email = {u.email: u for u in users}
        members = {team_pk: [by_email[e] for e in emails] for team_pk, emails in people.items()}
        Membership.objects.bulk_create(
            [
                Membership(team_id=team_pk, user=user, role="lead" if i == 0 else "member")
                for team_pk, team_members in members.items()
                for i, user in enumerate(team_members)
            ]
        )
        self._improvement(cohort, teams, rng)
        self._journals(teams, members, rng)
        self._norms(teams, members, rng)
        self._feedback(teams, members, rng)
        self._notifications(users, rng)

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
