"""A critical friend reviews a read-only snapshot of exactly the work they were asked about
(issue 15, item 3): taken when the request is sent, suppressed as for any outsider, and never
a way into the asking team's own pages."""

import datetime
import json

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from feedback import services
from feedback.forms import RequestForm
from improvement.factories import (
    AimFactory,
    ImprovementProjectFactory,
    MeasureFactory,
    PDSACycleFactory,
)
from improvement.models import Observation
from tests.conftest import client_for

DUE = timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def project(roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    cycle = PDSACycleFactory(
        project=project,
        title="Greet ten students",
        objective="Learn whether greeting by name helps",
        questions=[{"question": "Will they come earlier?", "prediction": "Half will"}],
    )
    measure = MeasureFactory(project=project, name="Chronic absenteeism", groups=["ALL", "HI"])
    day = datetime.date(2025, 9, 1)
    Observation.objects.create(
        measure=measure, date=day, group="ALL", value=20.0, numerator=60, denominator=300, n=300
    )
    Observation.objects.create(
        measure=measure, date=day, group="HI", value=37.5, numerator=3, denominator=8, n=8
    )
    return {"project": project, "cycle": cycle, "measure": measure}


def ask(roles, key):
    return services.request_create(
        team=roles["team_a"],
        requested_by=roles["member_a"],
        artifact_title="Our cycle",
        artifact_key=key,
        focusing_question="Is the plan clear?",
        protocol="warm-and-cool-feedback",
        due_on=DUE,
        reviewer_team=roles["team_b"],
    )


def test_the_form_offers_the_teams_project_work(roles, project):
    form = RequestForm(team=roles["team_a"], user=roles["member_a"])
    labels = dict(form.fields["artifact"].choices)
    assert labels[f"improvement.cycle:{project['cycle'].pk}"].endswith("Greet ten students")
    assert f"improvement.measure:{project['measure'].pk}" in labels
    # Team B's member is offered none of team A's work.
    other = RequestForm(team=roles["team_a"], user=roles["member_b"])
    assert list(dict(other.fields["artifact"].choices)) == [""]


def test_reviewer_sees_the_cycle_snapshot_but_not_the_teams_pages(roles, project):
    cycle = project["cycle"]
    request = ask(roles, f"improvement.cycle:{cycle.pk}")
    cycle.objective = "Changed after the request was sent"
    cycle.save()

    reviewer = client_for("member_b", roles)
    page = reviewer.get(request.get_absolute_url())
    assert page.status_code == 200
    assert "Learn whether greeting by name helps" in page.text
    assert "Will they come earlier? | Half will" in page.text
    assert "Changed after the request was sent" not in page.text
    for url in (cycle.get_absolute_url(), "/teams/team-a/improvement/", "/teams/team-a/"):
        assert reviewer.get(url).status_code == 404


def test_measure_snapshot_hides_small_groups_and_counts(roles, project):
    request = ask(roles, f"improvement.measure:{project['measure'].pk}")
    table = request.artifact_snapshot["table"]
    rows = {row[1]: row for row in table["rows"]}
    assert set(rows) == {"All students", "Hispanic"}
    date, group, value, students = rows["Hispanic"]
    assert (value, students) == ("", "fewer than 11")  # 8 students: neither value nor n
    for row in table["rows"]:
        assert not row[3].isdigit() or int(row[3]) >= 11
    text = json.dumps(request.artifact_snapshot).lower()
    assert "37.5" not in text
    assert "numerator" not in text and "denominator" not in text


def test_an_artifact_of_another_team_is_refused(roles, project):
    AimFactory(project=ImprovementProjectFactory(team=roles["team_b"]))
    with pytest.raises(ValidationError) as error:
        services.request_create(
            team=roles["team_a"],
            requested_by=roles["member_a"],
            artifact_title="Their aim",
            artifact_key="improvement.cycle:999999",
            focusing_question="?",
            protocol="warm-and-cool-feedback",
            due_on=DUE,
            reviewer_team=roles["team_b"],
        )
    assert "artifact" in error.value.message_dict
