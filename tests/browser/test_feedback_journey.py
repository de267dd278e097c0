"""Critical friends: a facilitator pairs teams, a member asks with the tuning protocol, two
reviewers answer, the asker marks one helpful and writes back, and the reviewer reads it."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contexts(browser, live_server):
    """Separate browser contexts (one per person), all closed before the live server stops."""
    opened = []

    def new(email, password):
        context = browser.new_context(base_url=live_server.url)
        opened.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, email, password)
        return page

    yield new
    for context in opened:
        context.close()


def test_critical_friends_round_from_pairing_to_back_feedback(page, site, password, contexts):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team_a = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    team_b = TeamFactory(cohort=cohort, slug="team-b", name="Juniper Hills equity team")
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)
    MembershipFactory(team=team_a, user__email="member@example.org", user__display_name="Mai N")
    MembershipFactory(team=team_b, user__email="peer@example.org", user__display_name="Priya S")
    MembershipFactory(team=team_b, user__email="peer2@example.org", user__display_name="Omar T")

    # The facilitator pairs the teams in one action.
    log_in(page, "facilitator@example.org", password)
    page.goto("/feedback/cohort/demo-cohort/")
    auto = page.locator("form", has=page.get_by_role("button", name="Pair the teams"))
    auto.get_by_label("Name of the round").fill("Round 1: aims")
    auto.get_by_role("button", name="Pair the teams").click()
    assert "Juniper Hills equity team reviews Mesa Linda equity team" in page.content()

    # A member asks with the tuning protocol; the paired team is already chosen.
    member = contexts("member@example.org", password)
    member.goto("/feedback/")
    member.get_by_role("link", name="Ask for feedback").click()
    member.get_by_label("What you want feedback on").fill("Our draft aim statement")
    member.get_by_label("Focusing question").fill("Could another team measure this aim?")
    member.get_by_label("Tuning protocol").check()
    assert member.get_by_label("Or another team of your cohort").input_value() == str(team_b.pk)
    member.get_by_role("button", name="Send the request").click()
    assert member.get_by_role("heading", level=1).inner_text() == "Our draft aim statement"

    # Two reviewers answer, section by section.
    for email, word in [("peer@example.org", "Priya's"), ("peer2@example.org", "Omar's")]:
        reviewer = contexts(email, password)
        reviewer.goto("/feedback/")
        reviewer.get_by_role("link", name="Our draft aim statement").click()
        reviewer.get_by_label("Clarifying questions").fill(f"{word} question: which grade?")
        reviewer.get_by_label("Warm feedback").fill(f"{word} warm: the baseline is clear.")
        reviewer.get_by_label("Cool feedback").fill(f"{word} cool: define engaged.")
        reviewer.get_by_role("button", name="Send my feedback").click()
        assert "Your feedback was sent" in reviewer.content()

    # The asker reads the answers grouped by section, marks one helpful and writes back.
    member.reload()
    assert member.get_by_role("heading", name="Warm feedback").is_visible()
    assert member.get_by_role("heading", name="Probing questions").is_visible()
    answer = member.locator("article", has_text="Priya's warm")
    answer.get_by_role("button", name="Mark as helpful").click()
    answer = member.locator("article", has_text="Priya's warm")
    assert "helpful" in answer.get_by_role("heading").inner_text()
    answer.get_by_label("Presenter's reflection").fill("We will define engaged with students.")
    answer.get_by_role("button", name="Send my reply").click()
    assert "The reviewer can now read your reply" in member.content()

    # The reviewer sees the back-feedback; the other reviewer does not.
    priya = contexts("peer@example.org", password)
    priya.goto("/feedback/")
    priya.get_by_role("link", name="Our draft aim statement").click()
    assert "We will define engaged with students." in priya.content()
    assert "marked helpful" in priya.content()
    omar = contexts("peer2@example.org", password)
    omar.goto("/feedback/")
    omar.get_by_role("link", name="Our draft aim statement").click()
    assert "We will define engaged with students." not in omar.content()


def test_a_facilitator_pairs_teams_by_hand_on_its_own_page(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    TeamFactory(cohort=cohort, slug="team-b", name="Juniper Hills equity team")
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.goto("/feedback/cohort/demo-cohort/")
    assert page.locator("select").count() == 0  # the cohort page holds no choice per team
    page.get_by_role("link", name="Pair teams by hand").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Pair teams by hand"
    page.get_by_label("Name of the round").fill("Round 1: by hand")
    page.get_by_label("Who reviews Mesa Linda equity team?").select_option(
        label="Mesa Linda equity team"
    )
    page.get_by_role("button", name="Save these pairs").click()
    assert "cannot review itself" in page.content()  # kept on this page, with the choice
    page.get_by_label("Who reviews Mesa Linda equity team?").select_option(
        label="Juniper Hills equity team"
    )
    page.get_by_role("button", name="Save these pairs").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Feedback in Demo cohort"
    assert "Juniper Hills equity team reviews Mesa Linda equity team" in page.content()
