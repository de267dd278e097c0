import pytest

from accounts.factories import UserFactory
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from committees.factories import CommitteeFactory, CommitteeMemberFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_family_member_recommends_and_reads_the_teams_answer(
    page, site, password, browser, live_server
):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, role="lead", user__email="lead@example.org")
    committee = CommitteeFactory(team=team, name="Mesa Linda advisory committee")
    family = UserFactory(email="familia@example.org", display_name="Rosa Martínez")
    CommitteeMemberFactory(committee=committee, user=family)

    log_in(page, "familia@example.org", password)
    page.goto("/teams/")
    page.get_by_role("link", name="Mesa Linda advisory committee").click()
    page.get_by_role("link", name="Send a recommendation").click()
    page.get_by_label("Recommendation").fill("Send messages in Spanish")
    page.get_by_label("Why we recommend it").fill("Families miss deadlines")
    page.get_by_role("button", name="Save").click()
    assert "Waiting for the team" in page.content()
    assert page.goto("/teams/team-a/").status == 404

    lead = browser.new_context(base_url=live_server.url).new_page()
    log_in(lead, "lead@example.org", password)
    lead.goto("/teams/team-a/")
    lead.get_by_role("link", name="Mesa Linda advisory committee").click()
    lead.get_by_role("link", name="Answer").click()
    lead.get_by_label("Status").select_option(label="Accepted")
    lead.get_by_label("The team's answer").fill("Accepted, in our PDSA cycle 3")
    lead.get_by_role("button", name="Save").click()

    page.goto("/committees/team-a/")
    assert "Accepted, in our PDSA cycle 3" in page.content()
