"""A team lead builds an improvement project end to end in a real browser."""

import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import fill_plan, log_in, monthly_points_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 12 points around 20%, then 8 well below: an IHI shift.
VALUES = [20, 22, 19, 21, 23, 18, 20, 22, 21, 19, 20, 22, 12, 11, 13, 12, 10, 11, 12, 13]


def csv_bytes() -> bytes:
    return monthly_points_csv(VALUES, first_year=2024)


def test_lead_builds_aim_drivers_cycle_and_run_chart(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, role="lead", user__email="lead@example.org")

    log_in(page, "lead@example.org", password)
    page.goto("/teams/team-a/improvement/")
    page.get_by_role("link", name="Start the project").click()
    page.get_by_label("Problem of practice").fill("Hispanic students miss more school.")
    page.get_by_label("Hispanic").check()
    page.get_by_role("button", name="Save").click()
    assert "Project started." in page.content()

    # Aim: the form names the missing student group, then saves.
    page.get_by_role("link", name="Write the aim").click()
    page.get_by_label("What will improve").fill("chronic absenteeism")
    page.get_by_label("How much").fill("from 24% to 15%")
    page.get_by_label("By when").fill("2027-06-01")
    page.get_by_label("Baseline value").fill("24")
    page.get_by_label("Baseline date").fill("2026-06-01")
    page.get_by_label("Target value").fill("15")
    page.get_by_role("button", name="Save").click()
    assert "The aim is missing: for whom (a student group)." in page.content()
    page.get_by_label("For whom").select_option("HI")
    page.get_by_role("button", name="Save").click()
    assert "Aim saved." in page.content()

    # Driver and change idea.
    page.get_by_role("link", name="Edit drivers and change ideas").click()
    page.locator("#id_driver-text").fill("Students feel they belong")
    page.get_by_role("button", name="Add driver").click()
    page.locator("#id_idea-text").fill("Morning check-in")
    page.get_by_label("Students feel they belong (Primary driver)").check()
    page.get_by_role("button", name="Add change idea").click()
    assert page.locator(".driver-outline").inner_text().count("Morning check-in") == 1

    # A measure, filled from a CSV file.
    page.goto("/teams/team-a/improvement/measures/add/")
    page.get_by_label("Name").fill("Chronic absenteeism")
    page.get_by_label("All students").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Import points from a spreadsheet").click()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": csv_bytes()}],
    )
    page.get_by_role("button", name="Check the file").click()
    assert "Ready to import 20 rows" in page.content()  # the preview: nothing saved yet
    page.get_by_role("button", name="Import 20 rows").click()
    assert "Imported 20 points." in page.content()

    # A PDSA cycle through all four phases.
    page.goto("/teams/team-a/improvement/cycles/add/")
    page.get_by_label("Change idea").select_option(label="Morning check-in")
    page.get_by_label("Series (ramp)").fill("Check-in")
    page.get_by_label("Title").fill("Greet ten students")
    page.get_by_label("Planned start").fill("2025-09-01")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Work on Plan").click()
    fill_plan(page)
    page.get_by_label("Chronic absenteeism").check()
    page.get_by_role("button", name="Save and move on").click()
    page.get_by_role("link", name="Work on Do").click()
    page.get_by_label("Carried out as planned?").select_option("yes")
    page.get_by_label("Observations").fill("Students waited for their adult.")
    page.get_by_role("button", name="Save and move on").click()
    page.get_by_role("link", name="Work on Study").click()
    page.get_by_label("Result for: Will they come earlier?").fill("A third did")
    page.get_by_label("What we learned").fill("Names matter.")
    page.get_by_role("button", name="Save and move on").click()
    page.get_by_role("link", name="Work on Act").click()
    page.get_by_label("Decision").select_option("adapt")
    page.get_by_role("button", name="Save and record the decision").click()
    assert "Phase: Decided" in page.locator(".phase-badge").inner_text()

    # The run chart shows the shift, the cycle marker and a data table.
    page.goto("/teams/team-a/improvement/")
    chart = page.locator("svg.run-chart").first
    assert chart.get_attribute("role") == "img"
    assert page.locator(".signal-list").first.inner_text().count("Shift: 8 points") == 1
    assert page.locator("g.pdsa-marker").count() >= 1
    # The data table starts collapsed (a long page otherwise); its summary opens it.
    details = page.locator("details.chart-data").first
    assert details.get_attribute("open") is None
    details.locator("summary").click()
    table = page.locator(".chart-data table").first
    assert table.locator("tbody tr").count() == 20
    assert "12.0%" in table.inner_text()
