"""The norms cycle, three members: conditions, draft, proposal, vote, check-in, revision."""

import pytest

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def team(site, password):
    from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory

    team = TeamFactory(
        cohort=CohortFactory(slug="demo-cohort"), slug="mesa-linda", name="Mesa Linda"
    )
    MembershipFactory(
        team=team, role="lead", user__email="lead@example.org", user__display_name="Luis Lead"
    )
    MembershipFactory(team=team, user__email="member@example.org", user__display_name="Mai Member")
    MembershipFactory(team=team, user__email="third@example.org", user__display_name="Tom Third")
    return team


def as_person(browser, live_server, email, password):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, email, password)
    return page


def vote(page, answer):
    page.goto("/teams/mesa-linda/norms/")
    page.get_by_label(answer).check()
    page.get_by_role("button", name="Vote").click()
    page.wait_for_load_state()


def test_norms_cycle_with_three_members(page, browser, live_server, team, password):
    csp_errors = []
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    log_in(page, "lead@example.org", password)
    member = as_person(browser, live_server, "member@example.org", password)
    third = as_person(browser, live_server, "third@example.org", password)

    # 1. Conditions: each member says what they need; an empty answer is refused beside the field.
    member.goto("/teams/mesa-linda/norms/")
    member.get_by_role("button", name="Add my condition").click()
    assert member.locator("#id_text_error").is_visible()
    member.get_by_label("What do I need to do my best learning in this group?").fill(
        "Start and end on time"
    )
    member.get_by_role("button", name="Add my condition").click()
    assert member.locator(".condition-text", has_text="Start and end on time").is_visible()
    third.goto("/teams/mesa-linda/norms/")
    third.get_by_label("What do I need to do my best learning in this group?").fill(
        "Hear every voice"
    )
    third.get_by_role("button", name="Add my condition").click()

    # 2. The lead sees every answer, starts a draft and writes two norms.
    page.goto("/teams/mesa-linda/norms/")
    assert page.locator(".condition-text", has_text="Start and end on time").is_visible()
    assert page.locator(".condition-text", has_text="Hear every voice").is_visible()
    page.get_by_role("button", name="Start drafting norms").click()
    for statement, practice in [
        ("Honor our time", "We start at 3:30 and end at 5:00."),
        ("Every voice counts", "We go round before we decide."),
    ]:
        page.locator("#id_statement").fill(statement)
        page.get_by_label("What it looks like in practice").fill(practice)
        page.get_by_role("button", name="Add norm").click()
    assert page.get_by_text("Every voice counts").first.is_visible()

    # 3. Proposal and the consent vote: two agree, one can live with it.
    page.get_by_role("button", name="Propose these norms for a vote").click()
    vote(page, "I agree")
    vote(member, "I agree")
    vote(third, "I can live with it")
    third.goto("/teams/mesa-linda/norms/")
    assert third.get_by_role("heading", name="Norms we agreed on").is_visible()
    assert third.get_by_text("Version 1, ratified").is_visible()

    # 4. A check-in after the meeting.
    member.goto("/teams/mesa-linda/norms/check-in/")
    member.get_by_role("group", name="How well did we keep “Honor our time”?").get_by_label(
        "4 · We kept it well"
    ).check()
    member.get_by_role("group", name="How well did we keep “Every voice counts”?").get_by_label(
        "2 · Partly"
    ).check()
    member.get_by_label("Which norm was hard today? (optional)").select_option(
        label="Every voice counts"
    )
    member.get_by_role("button", name="Save my check-in").click()
    assert member.get_by_text("your check-in was recorded").is_visible()
    # The confirmation is in view and has focus (it used to land 700 px above the window).
    confirmation = member.locator("#messages")
    assert confirmation.evaluate(
        "el => document.activeElement === el && el.getBoundingClientRect().top >= 0"
        " && el.getBoundingClientRect().bottom <= window.innerHeight"
    )
    assert member.locator("svg[role=img] title").first.text_content().startswith("How well")
    assert member.get_by_role("table").get_by_text("2.0 (1)").is_visible()

    # 5. A revision starts from the ratified version; history shows what changed.
    page.goto("/teams/mesa-linda/norms/")
    page.get_by_role("button", name="Revise our norms").click()
    assert page.get_by_role("heading", name="Draft: version 2").is_visible()
    page.get_by_role("link", name="Edit Honor our time").click()
    page.locator("#id_statement").fill("Honor our time and each other")
    page.get_by_role("button", name="Save").click()
    page.goto("/teams/mesa-linda/norms/versions/")
    assert page.get_by_text("Version 2 (drafting)").is_visible()
    assert page.get_by_text("Honor our time and each other").first.is_visible()
    assert csp_errors == []
    for other in (member, third):
        other.context.close()
