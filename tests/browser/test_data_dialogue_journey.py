"""A team runs a data dialogue from a measure page, turns a next step into a PDSA cycle, and
the cohort's facilitator reads the team's questions (issue 20, item 2)."""

import datetime

import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import (
    ChangeIdeaFactory,
    DriverFactory,
    ImprovementProjectFactory,
    MeasureFactory,
)
from improvement.models import Observation, PDSACycle

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = {
    "predict": "We expect winter to be the worst month.",
    "look": "Monthly rates since September, all students and Hispanic students.",
    "observe": "I notice Hispanic students are about five points higher every month.",
    "infer": "Do families know who to call when the bus is missed?",
    "next": "Call each family after a second absence",
}


def test_a_member_runs_a_dialogue_and_the_facilitator_reads_the_questions(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, user__email="member@example.org", user__display_name="Ana")
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)
    project = ImprovementProjectFactory(team=team)
    measure = MeasureFactory(project=project, name="Chronic absenteeism", groups=["ALL", "HI"])
    for i in range(8):
        day = datetime.date(2026, 1 + i, 1)
        Observation.objects.create(measure=measure, date=day, group="ALL", value=20 + i % 3, n=400)
        Observation.objects.create(measure=measure, date=day, group="HI", value=25 + i % 3, n=150)
    driver = DriverFactory(project=project, text="Families feel welcome")
    ChangeIdeaFactory(project=project, text="Welcome calls home", drivers=[driver])

    log_in(page, "member@example.org", password)
    page.goto(measure.get_absolute_url())
    page.get_by_role("button", name="Start a data dialogue on this measure").click()
    assert "Dialogue started" in page.content()
    assert page.locator("svg.run-chart").count() >= 1  # the chart beside the steps
    # The suggested time is plain text; the script adds a countdown the team starts.
    predict = page.locator("#step-predict")
    assert "Suggested time: 5 minutes" in predict.inner_text()
    predict.get_by_role("button", name="Start timer").click()
    assert predict.get_by_role("button", name="Pause timer").is_visible()

    for step, text in NOTES.items():
        section = page.locator(f"#step-{step}")
        section.get_by_label("Add a note").fill(text)
        section.get_by_role("button", name="Save note to").click()
        assert "Note saved." in page.content()
        assert text in page.locator(f"#step-{step}").inner_text()
    assert "Recorded by Ana" in page.locator("#step-observe").inner_text()

    next_step = page.locator("#step-next")
    next_step.get_by_text("Make it a PDSA cycle").click()
    next_step.get_by_label("Change idea the cycle tests").select_option(label="Welcome calls home")
    next_step.get_by_role("button", name="Start the PDSA cycle").click()
    assert "The next step is now a PDSA cycle with a plan." in page.content()
    page.locator("#step-next").get_by_role("link", name=NOTES["next"]).click()
    cycle = PDSACycle.objects.get(title=NOTES["next"])
    assert page.url.endswith(cycle.get_absolute_url())
    assert NOTES["infer"] in page.content()  # the plan starts from the team's questions

    page.get_by_role("button", name="Log out").click()
    log_in(page, "facilitator@example.org", password)
    page.goto("/cohorts/demo-cohort/")
    assert "1 dialogue, latest" in page.content()
    page.get_by_role("link", name="Read their questions").click()
    assert NOTES["infer"] in page.content()
    assert "Chronic absenteeism" in page.content()
    assert NOTES["observe"] not in page.content()  # only the questions are gathered here
