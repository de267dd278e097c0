"""Create the demo site: accounts, home page and (as features land) their realistic content.

Factory-driven, atomic and idempotent: running it twice leaves one copy of everything.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.factories import DEMO_PASSWORD, UserFactory
from accounts.roles import facilitators_group
from assessments.demo import seed_self_assessments
from coaching.demo import seed_coaching
from cohorts.demo import TEAM_A_SLUG, TEAM_B_SLUG, seed_cohorts
from cohorts.factories import MembershipFactory
from cohorts.models import Membership, Team
from cohorts.services import team_touch
from committees.demo import seed_committees
from feedback.demo import seed_feedback
from improvement.demo import seed_improvement
from journals.demo import seed_journals
from norms.demo import seed_norms
from partnerships.demo import seed_partnerships
from programs.demo import seed_curriculum
from programs.demo_translations import seed_spanish_curriculum
from programs.services import home_page_ensure

DEMO_ACCOUNTS = [
    # email, display name, role description
    ("admin@example.org", "Alex Rivera", "site admin"),
    ("facilitator@example.org", "Fatima Okafor", "facilitator of the demo cohort"),
    ("lead@example.org", "Luis Hernández", "lead of team A"),
    ("member@example.org", "Mai Nguyen", "member of team A"),
    ("peer@example.org", "Priya Shah", "member of team B"),
    ("facilitator2@example.org", "Frank Delgado", "facilitator of the second cohort"),
    ("familia@example.org", "Rosa Martínez", "family member on team A, reads the site in Spanish"),
    ("comite@example.org", "Lucía Herrera", "family seat on team A's advisory committee, Spanish"),
]


class Command(BaseCommand):
    help = "Create the demo accounts and content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password", default=DEMO_PASSWORD, help="Password for every demo account."
        )

    @transaction.atomic
    def handle(self, *args, password, **options):
        users = self.seed_accounts(password)
        self.seed_home_page()
        seed_curriculum()
        seed_spanish_curriculum()
        cohorts = seed_cohorts(users, password=password)
        self.seed_spanish_family_member(users["familia@example.org"], cohorts["team_a"])
        seed_improvement()
        seed_feedback()
        seed_coaching()
        seed_norms()
        seed_journals()
        seed_partnerships()
        seed_self_assessments()
        seed_committees(password=password)
        # The demo's teams A and B have been working; the others show the inactivity alert.
        for team in Team.objects.filter(slug__in=[TEAM_A_SLUG, TEAM_B_SLUG]):
            team_touch(team)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Accounts (password: {password}):"))
        for email, _name, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} {role}")

    def seed_accounts(self, password: str) -> dict:
        users = {}
        for email, name, _role in DEMO_ACCOUNTS:
            first, last = name.split(" ", 1)
            user = UserFactory(
                email=email, first_name=first, last_name=last, display_name=name, password=password
            )
            users[email] = user
        admin = users["admin@example.org"]
        if not admin.is_superuser:
            admin.is_superuser = admin.is_staff = True
            admin.save(update_fields=["is_superuser", "is_staff"])
        group = facilitators_group()
        for email in ("facilitator@example.org", "facilitator2@example.org"):
            users[email].groups.add(group)
        return users

    def seed_spanish_family_member(self, user, team):
        """A family partner on team A whose profile language is Spanish: the site, its dates
        and the curriculum's translated modules reach her in Spanish."""
        user.choose_language("es")
        if not Membership.objects.filter(team=team, user=user, left_on=None).exists():
            MembershipFactory(team=team, user=user, role=Membership.Role.MEMBER)

    def seed_home_page(self):
        home_page_ensure(
            title="Equity Improvement Project",
            intro=(
                "A year-long learning cohort where school equity teams look inward, build "
                "trust, and redesign one system at their school that produces unequal outcomes."
            ),
            body=(
                "<p>Teams from partner schools and districts meet about once a month. Together "
                "they explore their own identities, agree on how they will work together, learn "
                "improvement science and Liberatory Design, and test changes in small, fast "
                "cycles, reading their data by student group.</p>"
            ),
            audience=(
                "<p>School and district equity teams: administrators, teachers, counselors, "
                "classified staff, family partners and students.</p>"
            ),
            how_to_join=(
                "<p>Partner districts send a proposal for their team; facilitators then invite "
                "each team member by email.</p>"
            ),
        )
