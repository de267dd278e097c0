"""Team A's start-of-year self-assessment against the six goals of equity (idempotent)."""

from cohorts.demo import TEAM_A_SLUG
from cohorts.models import Membership, Team
from programs.models import CdeEquityGoal

from .factories import GoalRatingFactory, SelfAssessmentFactory

START_OF_YEAR = {
    "comparable-outcomes": (
        2,
        "Reading scores for English learners and students with disabilities sit well below "
        "the school's; chronic absence is twice as high for our Latino students.",
    ),
    "access-and-inclusion": (
        1,
        "Only 4 of 31 students in 8th-grade Math 1 are English learners; families told us "
        "they did not know the course existed.",
    ),
    "equitable-treatment": (
        3,
        "Suspensions fell last year for every group; students say most have one adult they "
        "trust, but fewer newcomers do.",
    ),
    "resource-distribution": (
        2,
        "Our newest teachers teach most of the intervention classes; the library's bilingual "
        "collection is small.",
    ),
    "opportunity-to-learn": (
        3,
        "Weekly PLC time exists; coaching reaches English language development only twice "
        "a semester.",
    ),
    "shared-accountability": (
        2,
        "Data by student group are shared with staff but not yet with families or the site "
        "council.",
    ),
}


def seed_self_assessments() -> None:
    team = Team.objects.filter(slug=TEAM_A_SLUG).select_related("cohort").first()
    if team is None:
        return
    lead = Membership.objects.current().leads().filter(team=team).select_related("user").first()
    assessment = SelfAssessmentFactory(team=team, updated_by=lead.user if lead else None)
    for goal in CdeEquityGoal.objects.filter(slug__in=START_OF_YEAR):
        rating, evidence = START_OF_YEAR[goal.slug]
        GoalRatingFactory(assessment=assessment, goal=goal, rating=rating, evidence=evidence)
