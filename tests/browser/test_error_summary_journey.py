import pytest

from cohorts.factories import MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_empty_submit_moves_focus_to_the_error_summary(page, site, password):
    team = TeamFactory(slug="team-a", name="Team A")
    MembershipFactory(team=team, user__email="member@example.org")

    log_in(page, "member@example.org", password)
    page.goto("/feedback/new/team-a/")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_load_state()

    assert page.title().startswith("Error: ")
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
