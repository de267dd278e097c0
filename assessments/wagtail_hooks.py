from wagtail import hooks

from cohorts.panels import TEAM_SPACE_PANELS, Panel

from .models import SelfAssessment


@hooks.register(TEAM_SPACE_PANELS)
def self_assessment_panel(*, team, user, request):
    taken = list(
        SelfAssessment.objects.filter(team=team, school_year=team.cohort.school_year).values_list(
            "moment", flat=True
        )
    )
    return Panel(
        template="assessments/panel.html", context={"team": team, "taken": taken}, order=70
    )
