from wagtail import hooks

from cohorts.panels import TEAM_SPACE_PANELS, Panel

from .models import SelfAssessment


@hooks.register(TEAM_SPACE_PANELS)
def self_assessment_panel(*, team, user, request):
    """Which of the year's self-assessments the team took: the same for every reader, kept
    under the team's version (`self_assessment_save` touches the team) and the school year."""

    def context():
        taken = list(
            SelfAssessment.objects.filter(
                team=team, school_year=team.cohort.school_year
            ).values_list("moment", flat=True)
        )
        return {"team": team, "taken": taken}

    return Panel(
        template="assessments/panel.html",
        context=context,
        order=70,
        cache_key=("school-year", team.cohort.school_year),
    )
