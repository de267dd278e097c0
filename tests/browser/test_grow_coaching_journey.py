import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_grow_conversation_then_the_coachee_sees_and_closes_the_step(
    page, site, password, browser, live_server
):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    lead = MembershipFactory(
        team=team, role="lead", user__email="lead@example.org", user__display_name="Luis H"
    ).user
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.goto("/teams/team-a/coaching/")
    page.get_by_role("link", name="Record a GROW coaching conversation").click()
    page.get_by_label("Luis H").check()
    page.get_by_label("Goal").fill("Protect the team's meeting time")
    page.get_by_label("Reality").fill("Three meetings cancelled since October")
    page.get_by_label("Way forward").fill("Ask the principal this week")
    page.get_by_label("Next step 1").fill("Bring a one-page request to the principal")
    page.get_by_label("Owner of step 1").select_option(label=lead.name)
    page.get_by_label("Due date of step 1").fill("2030-01-15")
    page.get_by_role("button", name="Save conversation").click()
    assert "Three meetings cancelled since October" in page.content()

    coachee = browser.new_context(base_url=live_server.url).new_page()
    log_in(coachee, "lead@example.org", password)
    coachee.goto("/teams/")
    steps = coachee.get_by_role("region", name="Your next steps from coaching")
    assert "Bring a one-page request to the principal" in steps.inner_text()
    steps.get_by_role("button", name="Mark done").click()
    coachee.wait_for_url("**/teams/")
    assert "Your next steps from coaching" not in coachee.content()
