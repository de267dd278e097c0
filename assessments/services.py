from django.core.exceptions import PermissionDenied
from django.db import transaction

from cohorts import access
from cohorts.services import team_touch

from .models import GoalRating, SelfAssessment


@transaction.atomic
def self_assessment_save(*, team, moment: str, ratings: dict, by) -> SelfAssessment:
    """Store the team's ratings for one moment of its cohort's school year, all six at once.

    `ratings` is {goal: (rating, evidence)}; taking the same moment again replaces it."""
    if not access.is_team_member(by, team):
        raise PermissionDenied
    assessment, _created = SelfAssessment.objects.get_or_create(
        team=team, school_year=team.cohort.school_year, moment=moment
    )
    assessment.updated_by = by
    assessment.save(update_fields=["updated_by", "updated_at"])
    for goal, (rating, evidence) in ratings.items():
        GoalRating.objects.update_or_create(
            assessment=assessment, goal=goal, defaults={"rating": rating, "evidence": evidence}
        )
    team_touch(team)
    return assessment
