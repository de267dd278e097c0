"""A team chooses a control chart for a measure and sees a point beyond the limits with the
rule that flagged it (issue 21, item 3)."""

import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in, monthly_points_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Percent of 100 students each month: steady near 20%, one month at 45%.
VALUES = [20, 22, 19, 21, 20, 22, 19, 21, 20, 22, 19, 21, 45, 20]


def csv_bytes() -> bytes:
    return monthly_points_csv(VALUES, first_year=2025)


def test_a_control_chart_shows_a_point_beyond_the_limits_with_its_rule(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, role="lead", user__email="lead@example.org")

    log_in(page, "lead@example.org", password)
    page.goto("/teams/team-a/improvement/")
    page.get_by_role("link", name="Start the project").click()
    page.get_by_label("Problem of practice").fill("Referrals fall on a few students.")
    page.get_by_role("button", name="Save").click()
    page.goto("/teams/team-a/improvement/measures/add/")
    page.get_by_label("Name").fill("Students sent out of class")
    page.get_by_label("All students").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Import points from a spreadsheet").click()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": csv_bytes()}],
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Import 14 rows").click()
    assert page.locator("svg.control-chart").count() == 0

    page.get_by_label("Charts", exact=True).select_option(label="Run chart and control chart")
    page.get_by_label("Frozen baseline (points)").fill("12")  # limits from the first year
    page.get_by_role("button", name="Save charts and baseline").click()

    assert "Charts and baseline saved." in page.content()
    chart = page.locator("svg.control-chart")
    assert chart.count() == 1 and chart.get_attribute("role") == "img"
    assert page.locator("svg.run-chart:not(.control-chart)").count() == 1  # both kinds
    special = page.locator(".control-chart-figure .signal-list").inner_text()
    assert "Point outside the limits: above the upper limit" in special
    assert chart.locator(".signal-point").count() == 1
    page.get_by_text("How the limits and special causes are found").click()
    assert "A point outside the control limits (3 sigma" in page.content()
    figure = page.locator(".control-chart-figure")
    figure.get_by_text("Data table").click()
    row = figure.locator("tbody tr").nth(12)
    assert "45.0%" in row.inner_text() and "outside the limits" in row.inner_text()
