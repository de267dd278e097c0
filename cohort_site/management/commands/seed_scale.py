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
from django.db import connection, transaction
from django.utils import timezone

from accounts.factories import DEMO_PASSWORD
from accounts.roles import facilitators_group
from cohorts.models import Cohort, Membership, Organization, Team

from ..scale_work import (  # noqa: F401 - the sizes, read by tests and the benchmark
    BATCH,
    JOURNAL_ENTRIES_PER_TEAM,
    MEASURES_PER_TEAM,
    WEEKS,
    TeamWork,
)

DOMAIN = "statewide.example.org"
TEAMS_PER_COHORT = 25


def person_email(team_number: int, index: int) -> str:
    return f"p{team_number:05d}-{index}@{DOMAIN}"


def facilitator_email(cohort_number: int) -> str:
    return f"facilitator-{cohort_number:02d}@{DOMAIN}"


ADMIN_EMAIL = f"admin@{DOMAIN}"


class Command(TeamWork, BaseCommand):
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
        if created:
            # Bulk writes leave the planner's statistics from before them: without this, the
            # first queries after seeding scan whole tables (a 1 ms norms query took 47 ms).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Statewide data ready ({created} cohorts added)."))

    # --- shared pieces ------------------------------------------------------------------------

    def _program(self):
        from programs.localized import in_source_locale
        from programs.models import ProgramPage  # the curriculum, when seed_demo has built it

        return in_source_locale(ProgramPage.objects.live()).first()

    def _prompts(self) -> list[tuple[object, str, str]]:
        """(module, prompt id, prompt text) of every reflection prompt in the live curriculum."""
        from programs.localized import in_source_locale
        from programs.models import ModulePage

        prompts = []
        for module in in_source_locale(ModulePage.objects.live()).specific().order_by("path"):
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
