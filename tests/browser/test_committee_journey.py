import pytest

from accounts.factories import UserFactory
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from committees.factories import CommitteeFactory, CommitteeMemberFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def committee(site):
    """Team A of the demo cohort, its lead, and the committee that advises it."""
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, role="lead", user__email="lead@example.org")
    return CommitteeFactory(team=team, name="Mesa Linda advisory committee")


def test_family_member_recommends_and_reads_the_teams_answer(
    page, committee, password, browser, live_server
):
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


def test_a_family_member_joins_by_invitation_and_creates_an_account(
    page, committee, password, browser, live_server, mailoutbox
):
    """The lead invites a grandmother who has no account; she opens the emailed link in her own
    browser, creates her account for that address and lands in the committee space, on the
    committee and never on the team."""
    log_in(page, "lead@example.org", password)
    page.goto("/teams/team-a/")
    page.get_by_role("link", name="Mesa Linda advisory committee").click()
    page.get_by_role("link", name="Invite someone to a seat").click()
    page.get_by_label("Email").fill("abuela@example.org")
    page.get_by_label("Name").fill("Carmen Ruiz")
    page.get_by_label("Seat").select_option(label="Family")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    email = next(m for m in mailoutbox if "abuela@example.org" in m.to)
    link = next(word for word in email.body.split() if "/committees/join/" in word)

    carmen = browser.new_context(base_url=live_server.url).new_page()
    carmen.set_default_timeout(10_000)
    carmen.goto(link)
    assert carmen.get_by_text("This invitation is for abuela@example.org.").is_visible()
    carmen.get_by_role("link", name="Create my account").click()
    carmen.get_by_label("Email").fill("abuela@example.org")
    carmen.locator("input[name=password1]").fill("a-long-pass-9")
    carmen.locator("input[name=password2]").fill("a-long-pass-9")
    carmen.get_by_role("button", name="Sign Up").click()
    carmen.wait_for_load_state()
    assert carmen.get_by_role("heading", level=1).inner_text() == "Mesa Linda advisory committee"
    assert "Welcome to the committee." in carmen.content()
    assert carmen.goto("/teams/team-a/").status == 404
    carmen.context.close()
