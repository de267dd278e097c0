import pytest

from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_reads_the_dashboard_filters_to_alerts_and_opens_a_team(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    busy = TeamFactory(
        cohort=cohort, slug="busy", name="Busy team", last_activity_at=timezone.now()
    )
    quiet = TeamFactory(cohort=cohort, slug="quiet", name="Quiet team")
    for team in (busy, quiet):
        for _ in range(4):
            MembershipFactory(team=team)
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.goto("/cohorts/demo-cohort/")
    table = page.locator("table.dashboard")
    assert table.locator("tbody tr").count() == 2
    assert "No activity for 30 days" in table.locator("tr", has_text="Quiet team").inner_text()

    page.get_by_label("Only teams with alerts").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    rows = page.locator("table.dashboard tbody tr")
    assert rows.count() == 1
    assert "Quiet team" in rows.first.inner_text()

    rows.first.get_by_role("link", name="Quiet team", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Quiet team"
    assert page.url.endswith("/teams/quiet/")
