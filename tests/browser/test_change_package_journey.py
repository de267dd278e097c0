"""A team adopts a change, the facilitator adds it to the cohort's change package, a second team
takes it into its driver diagram and logs a cycle, and the package shows both (issue 21, item 1).
"""

import datetime

import pytest

from accounts.factories import UserFactory
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import (
    ChangeIdeaFactory,
    DriverFactory,
    ImprovementProjectFactory,
    PDSACycleFactory,
)

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_tested_change_travels_through_the_package_to_a_second_school(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team_a = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    team_b = TeamFactory(cohort=cohort, slug="team-b", name="Juniper Hills equity team")
    MembershipFactory(team=team_a, role="lead", user__email="lead@example.org")
    MembershipFactory(team=team_b, user__email="peer@example.org")
    cohort.facilitators.add(UserFactory(email="facilitator@example.org"))
    project_a = ImprovementProjectFactory(team=team_a)
    driver_a = DriverFactory(project=project_a, text="Students feel they belong")
    idea = ChangeIdeaFactory(project=project_a, text="Morning check-in", drivers=[driver_a])
    cycle = PDSACycleFactory(
        project=project_a,
        change_idea=idea,
        ramp="Check-in",
        title="Greet every focal student",
        phase="done",
        decision="adopt",
        planned_start=datetime.date(2026, 9, 14),
    )
    project_b = ImprovementProjectFactory(team=team_b, focal_groups=["EL"])
    DriverFactory(project=project_b, text="Newcomers feel welcome")

    # Team A's lead adopts the idea from the cycle that decided Adopt.
    log_in(page, "lead@example.org", password)
    page.goto(f"/teams/team-a/improvement/cycles/{cycle.pk}/")
    page.get_by_role("button", name="Mark this change idea adopted").click()
    assert "Change idea marked adopted." in page.content()
    assert "The team adopted this change idea on" in page.content()
    page.context.clear_cookies()

    # The facilitator adds it to the cohort's change package with a write-up.
    log_in(page, "facilitator@example.org", password)
    page.goto("/cohorts/demo-cohort/")
    page.get_by_role("link", name="Open the change package").click()
    page.get_by_role("link", name="Add to the package").click()
    page.get_by_role("button", name="Save").click()  # no write-up yet
    assert "This field is required." in page.locator(".field-error").inner_text()
    page.get_by_label("Write-up").fill("Greet each focal student by name at the gate.")
    page.get_by_role("button", name="Save").click()
    assert "Added to the change package." in page.content()
    assert "Tested at 1 school, adopted at 1" in page.content()
    page.context.clear_cookies()

    # A member of team B takes it into their driver diagram and logs a cycle.
    log_in(page, "peer@example.org", password)
    page.goto("/teams/team-b/improvement/")
    page.get_by_role("link", name="Cohort change package").click()
    page.get_by_role("link", name="Morning check-in").click()
    assert "Greet every focal student" not in page.content()  # team A's cycle: counts only
    page.get_by_role("link", name="Take it into Juniper Hills equity team's driver diagram").click()
    page.get_by_label("Newcomers feel welcome (Primary driver)").check()
    page.get_by_role("button", name="Take it into our driver diagram").click()
    assert "Added to your driver diagram" in page.content()
    page.get_by_label("Series (ramp)").fill("Check-in for newcomers")
    page.get_by_label("Title").fill("Greet five newcomers")
    page.get_by_role("button", name="Save").click()
    assert "Cycle started" in page.content()

    # The package shows both teams' evidence.
    page.goto("/cohorts/demo-cohort/change-package/")
    assert "Tested at 2 schools, adopted at 1" in page.content()
    page.get_by_role("link", name="Morning check-in").click()
    rows = page.locator("table tbody tr")
    assert rows.count() == 2
    assert "Mesa Linda equity team" in rows.nth(0).inner_text()
    assert "Tested it first" in rows.nth(0).inner_text()
    assert "Juniper Hills equity team" in rows.nth(1).inner_text()
    assert "Greet five newcomers" in rows.nth(1).inner_text()  # their own cycle, linked
