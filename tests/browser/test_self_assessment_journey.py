import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from programs.factories import ResourceFactory, ResourceIndexPageFactory
from programs.models import CdeEquityGoal

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_rates_the_six_goals_and_follows_a_low_goal_to_its_resources(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, user__email="member@example.org")
    goals = [
        CdeEquityGoal.objects.create(number=n, slug=f"goal-{n}", title=f"Goal title {n}")
        for n in range(1, 7)
    ]
    ResourceIndexPageFactory(parent=site)
    ResourceFactory(title="Course-taking audit guide", cde_goals=[goals[1]])

    log_in(page, "member@example.org", password)
    page.goto("/teams/team-a/")
    page.get_by_role("link", name="The six goals of equity").click()
    page.get_by_role("link", name="Rate the goals: start of the year").click()
    for goal in goals:
        group = page.get_by_role("group", name=str(goal))
        group.get_by_label("1 · Not yet in place" if goal.number == 2 else "3 · Developing").check()
        page.get_by_label(f"Evidence for goal {goal.number}").fill(f"What we saw for {goal.number}")
    page.get_by_role("button", name="Save the self-assessment").click()
    assert "The self-assessment was saved" in page.content()
    assert "Course-taking audit guide" in page.content()
    page.get_by_role("link", name="All resources for goal 2").click()
    assert "Course-taking audit guide" in page.locator(".resource-list").inner_text()
