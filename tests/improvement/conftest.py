import datetime

import pytest

from improvement.factories import (
    AimFactory,
    ChangeIdeaFactory,
    DriverFactory,
    ImprovementProjectFactory,
    MeasureFactory,
    PDSACycleFactory,
)
from improvement.models import Observation

START = datetime.date(2024, 9, 1)


def monthly(count: int, start: datetime.date = START) -> list[datetime.date]:
    return [
        datetime.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def add_points(measure, group, values, *, n=100, start=START):
    Observation.objects.bulk_create(
        Observation(measure=measure, date=day, group=group, value=value, n=n)
        for day, value in zip(monthly(len(values), start), values, strict=True)
    )


# 12 points around 20 then 8 points well below: a shift (8 below the median) under IHI rules.
SHIFT_VALUES = [20, 22, 19, 21, 23, 18, 20, 22, 21, 19, 20, 22, 12, 11, 13, 12, 10, 11, 12, 13]


@pytest.fixture
def project(roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    primary = DriverFactory(project=project, text="Students feel they belong")
    secondary = DriverFactory(
        project=project, level=2, parent=primary, text="An adult notices every student"
    )
    idea = ChangeIdeaFactory(project=project, text="Morning check-in", drivers=[secondary])
    measure = MeasureFactory(
        project=project, name="Chronic absenteeism", groups=["ALL", "HI", "FOS"]
    )
    add_points(measure, "ALL", SHIFT_VALUES, n=400)
    add_points(measure, "HI", [v + 4 for v in SHIFT_VALUES], n=200)
    add_points(measure, "FOS", [30 + i % 3 for i in range(20)], n=7)
    AimFactory(project=project, outcome_measure=measure)
    cycle = PDSACycleFactory(project=project, change_idea=idea, ramp="Check-in", number=1)
    cycle.measures.set([measure])
    return {"project": project, "measure": measure, "idea": idea, "cycle": cycle,
            "primary": primary, "secondary": secondary}  # fmt: skip
