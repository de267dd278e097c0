"""Buttons that start long work say so and cannot be pressed twice (issue 15, item 9)."""

import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import MeasureFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = b"date,group,numerator,denominator\n2025-09-01,ALL,20,100\n2025-10-01,ALL,18,100\n"


def test_import_button_is_busy_and_a_second_press_sends_nothing(page, site, password):
    cohort = CohortFactory(slug="demo-cohort")
    team = TeamFactory(cohort=cohort, slug="team-a")
    MembershipFactory(team=team, role="lead", user__email="lead@example.org")
    measure = MeasureFactory(project__team=team, name="Chronic absenteeism")
    log_in(page, "lead@example.org", password)
    page.goto(f"/teams/team-a/improvement/measures/{measure.pk}/import/")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": CSV}],
    )

    # A slow server: the import's POST never answers with a page (204, so the browser stays
    # on this page as it does while it waits), and the test counts what was sent.
    posted = []

    def slow_import(route):
        if route.request.method == "POST":
            posted.append(route.request)
            route.fulfill(status=204)
        else:
            route.continue_()

    page.route("**/import/", slow_import)
    form = page.locator("form[enctype]")
    button = form.locator("button")  # its name changes once pressed
    assert button.inner_text() == "Check the file"
    button.click()

    assert len(posted) == 1
    assert button.is_disabled()
    assert form.locator("button").inner_text() == "Checking…"
    assert form.get_attribute("aria-busy") == "true"
    form.locator("button").click(force=True)  # a second, impatient press
    page.locator("input[type=file]").press("Enter")
    page.wait_for_timeout(300)  # room for a second request, were one sent
    assert len(posted) == 1

    # Back on the page later (a fresh load), the button works again and the import lands.
    page.unroute("**/import/")
    page.reload()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "points.csv", "mimeType": "text/csv", "buffer": CSV}],
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Import 2 rows").click()
    assert "Imported 2 points." in page.content()
