import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_printed_dashboard_shows_the_whole_table(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Team A")
    MembershipFactory(team=team)
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto("/cohorts/demo-cohort/")
    page.emulate_media(media="print")
    box = page.locator("table.dashboard").locator("xpath=..")
    assert box.get_attribute("role") == "region"
    assert box.evaluate("el => getComputedStyle(el).overflowX") == "visible"
    # Nothing of the table is hidden behind a scroll box on paper.
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth")
