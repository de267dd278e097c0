"""A cohort's change package for the tests: team A adopted an idea, it is in the package, and
team B has a project with a driver to take it into."""

import datetime

import pytest

from improvement.factories import (
    ChangeIdeaFactory,
    ChangePackageEntryFactory,
    DriverFactory,
    ImprovementProjectFactory,
    PDSACycleFactory,
)
from improvement.models import PDSACycle


@pytest.fixture
def package(project, roles):
    """`project` (team A) with its idea adopted after an Adopt cycle and put in the package."""
    PDSACycle.objects.filter(pk=project["cycle"].pk).update(
        decision="adopt", phase="done", planned_start=datetime.date(2026, 9, 8)
    )
    idea = project["idea"]
    idea.adopted_on = datetime.date(2026, 10, 1)
    idea.save()
    entry = ChangePackageEntryFactory(cohort=roles["cohort"], idea=idea)
    # Another adopted idea of team A, not in the package yet.
    waiting = ChangeIdeaFactory(
        project=project["project"],
        text="Family phone call after two absences",
        adopted_on=datetime.date(2026, 11, 2),
        drivers=[project["secondary"]],
    )
    PDSACycleFactory(project=project["project"], change_idea=waiting, decision="adopt")
    project_b = ImprovementProjectFactory(team=roles["team_b"], focal_groups=["EL"])
    driver_b = DriverFactory(project=project_b, text="Families are partners")
    return {**project, "entry": entry, "waiting": waiting, "project_b": project_b,
            "driver_b": driver_b}  # fmt: skip
