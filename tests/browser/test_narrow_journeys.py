"""The three main journeys at a phone's width (390 px), logging in through the form and
clicking, never typing a URL: the page body never scrolls sideways and every button on the way
can be reached and pressed. Wide tables scroll inside their own named region instead."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

# Elements sticking out of the page's width (inside a scroll region is fine), for the message.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && !el.closest('.table-scroll, [role=region]')) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.right)}px)`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 8)};
}"""


@pytest.fixture
def phone(browser, live_server):
    opened = []

    def new():
        context = browser.new_context(base_url=live_server.url, viewport=PHONE)
        opened.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield new
    for context in opened:
        context.close()


def assert_fits(page):
    page.wait_for_load_state()
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= found["width"], f"{page.url} scrolls sideways: {found}"


def click(page, role, name, **kwargs):
    """Scroll to the control, check it is on screen, press it, and check the next page fits."""
    target = page.get_by_role(role, name=name, **kwargs).first
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, (name, box)
    target.click()
    assert_fits(page)


@pytest.fixture
def cohort_world(site):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team_a = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    team_b = TeamFactory(cohort=cohort, slug="team-b", name="Juniper Hills equity team")
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)
    MembershipFactory(
        team=team_a, role="lead", user__email="lead@example.org", user__display_name="Luis Lead"
    )
    MembershipFactory(team=team_a, user__email="member@example.org", user__display_name="Mai N")
    MembershipFactory(team=team_b, user__email="peer@example.org", user__display_name="Priya S")
    return cohort


def test_facilitator_sets_up_and_follows_a_cohort_on_a_phone(phone, cohort_world, password):
    page = phone()
    log_in(page, "facilitator@example.org", password)
    assert_fits(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Demo cohort"

    click(page, "link", "Schedule a session")
    page.get_by_label("Title").fill("Session 2: root causes")
    page.get_by_label("Starts at").fill("2026-12-10T15:30")
    page.get_by_label("Ends at").fill("2026-12-10T17:30")
    page.get_by_label("Place").fill("County Office of Education, Room 204")
    click(page, "button", "Save session")
    assert "Session 2: root causes" in page.locator("main").inner_text()

    # The calendar instructions open without JavaScript, and fit.
    summary = page.get_by_text("How to add it to your calendar")
    summary.scroll_into_view_if_needed()
    summary.click()
    assert page.get_by_text("Subscribe from web").is_visible()
    assert_fits(page)

    # The dashboard table scrolls inside its own region; the team opens from it.
    click(page, "link", "Mesa Linda equity team", exact=True)
    assert page.get_by_role("heading", level=1).inner_text() == "Mesa Linda equity team"
    click(page, "link", "Invite someone")
    page.get_by_label("Email").fill("nia.brooks@example.org")
    click(page, "button", "Send invitation")
    assert "Invitation sent to nia.brooks@example.org" in page.content()


def test_team_member_journal_norms_and_improvement_on_a_phone(phone, cohort_world, password):
    page = phone()
    log_in(page, "member@example.org", password)
    assert_fits(page)
    click(page, "link", "My teams")
    click(page, "link", "Mesa Linda equity team", exact=True)

    # Journal: write privately, save once.
    click(page, "link", "Write in my journal")
    page.get_by_label("Title").fill("After the walk")
    page.locator(".rte-editor").click()
    page.keyboard.type("Three students told us the bus is late on Mondays.")
    assert page.get_by_label("Only me").is_checked()
    click(page, "button", "Save")
    assert "Three students told us the bus is late" in page.locator("main").inner_text()

    # Norms: add my condition.
    click(page, "link", "My teams")
    click(page, "link", "Mesa Linda equity team", exact=True)
    click(page, "link", "Norms, votes and check-ins")
    page.get_by_label("What do I need to do my best learning in this group?").fill(
        "Start and end on time"
    )
    click(page, "button", "Add my condition")
    assert page.get_by_text("Start and end on time").first.is_visible()

    # Improvement: the team lead starts the project; the member then opens it.
    lead = phone()
    log_in(lead, "lead@example.org", password)
    click(lead, "link", "My teams")
    click(lead, "link", "Mesa Linda equity team", exact=True)
    click(lead, "link", "Open the improvement project")
    click(lead, "link", "Start the project")
    lead.get_by_label("Problem of practice").fill("Hispanic students miss more school.")
    lead.get_by_label("Hispanic").check()
    click(lead, "button", "Save")
    click(page, "link", "My teams")
    click(page, "link", "Mesa Linda equity team", exact=True)
    click(page, "link", "Open the improvement project")
    assert "Hispanic students miss more school." in page.locator("main").inner_text()


def test_feedback_asked_given_and_read_on_a_phone(phone, cohort_world, password):
    member = phone()
    log_in(member, "member@example.org", password)
    click(member, "link", "Feedback")
    click(member, "link", "Ask for feedback")
    member.get_by_label("What you want feedback on").fill("Our draft aim statement")
    member.get_by_label("Focusing question").fill("Could another team measure this aim?")
    member.get_by_label("Or another team of your cohort").select_option(
        label="Juniper Hills equity team"
    )
    click(member, "button", "Send the request")
    assert member.get_by_role("heading", level=1).inner_text() == "Our draft aim statement"

    reviewer = phone()
    log_in(reviewer, "peer@example.org", password)
    click(reviewer, "link", "Feedback")
    click(reviewer, "link", "Our draft aim statement")
    reviewer.get_by_label("Warm feedback").fill("The baseline is clear.")
    reviewer.get_by_label("Cool feedback").fill("Define engaged.")
    click(reviewer, "button", "Send my feedback")
    assert "Your feedback was sent" in reviewer.content()

    member.reload()
    assert_fits(member)
    answer = member.locator("article", has_text="The baseline is clear.")
    answer.get_by_role("button", name="Mark as helpful").scroll_into_view_if_needed()
    answer.get_by_role("button", name="Mark as helpful").click()
    assert_fits(member)
