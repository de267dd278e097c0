"""A critical friend reads the PDSA cycle they were asked about, and nothing else of the
asking team (issue 15, item 3)."""

import pytest

from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import ImprovementProjectFactory, PDSACycleFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_sees_the_cycle_snapshot_and_404_on_the_teams_pages(
    page, site, password, browser, live_server
):
    cohort = CohortFactory(slug="demo-cohort")
    team_a = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    team_b = TeamFactory(cohort=cohort, slug="team-b", name="Juniper Hills equity team")
    MembershipFactory(team=team_a, user__email="member@example.org")
    MembershipFactory(team=team_b, user__email="peer@example.org")
    cycle = PDSACycleFactory(
        project=ImprovementProjectFactory(team=team_a),
        ramp="Check-in",
        title="Greet ten students",
        objective="Learn whether greeting by name helps",
    )

    log_in(page, "member@example.org", password)
    page.goto("/feedback/new/team-a/")
    page.get_by_label("What you want feedback on").fill("Our first PDSA cycle")
    page.get_by_label("Part of your project").select_option(label=f"PDSA cycle: {cycle}")
    page.get_by_label("Focusing question").fill("Is our plan clear enough to run?")
    page.get_by_label("Or another team of your cohort").select_option(label=team_b.name)
    page.get_by_role("button", name="Send the request").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Our first PDSA cycle"

    context = browser.new_context(base_url=live_server.url)
    try:
        reviewer = context.new_page()
        reviewer.set_default_timeout(10_000)
        log_in(reviewer, "peer@example.org", password)
        reviewer.goto("/feedback/")
        reviewer.get_by_role("link", name="Our first PDSA cycle").click()
        snapshot = reviewer.locator(".artifact-snapshot")
        assert "Learn whether greeting by name helps" in snapshot.inner_text()
        assert snapshot.get_by_role("heading", name=f"PDSA cycle: {cycle}").is_visible()
        for url in (cycle.get_absolute_url(), "/teams/team-a/improvement/"):
            assert reviewer.goto(url).status == 404
    finally:
        context.close()
