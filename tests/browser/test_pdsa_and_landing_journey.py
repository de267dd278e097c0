"""PDSA plans that are complete before the test runs, and people who land where they work."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, MembershipFactory, TeamFactory
from improvement.factories import ChangeIdeaFactory, ImprovementProjectFactory, PDSACycleFactory

from .conftest import fill_plan, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def error_next_to(page, label):
    """The error message rendered with the field labelled `label`."""
    field_id = page.get_by_label(label, exact=True).get_attribute("id")
    errors = page.locator(f"#{field_id}_error")
    assert errors.count() == 1, f"no error next to {label!r}"
    return errors.inner_text()


def test_an_empty_plan_cannot_move_to_do_and_each_gap_is_named(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", school_year="2026-27")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    MembershipFactory(team=team, user__email="member@example.org")
    project = ImprovementProjectFactory(team=team, school_year="2026-27")
    idea = ChangeIdeaFactory(project=project, text="Morning check-in")
    cycle = PDSACycleFactory(project=project, change_idea=idea, title="Greet ten students")

    log_in(page, "member@example.org", password)
    page.goto(f"/teams/team-a/improvement/cycles/{cycle.pk}/")
    page.get_by_role("link", name="Work on Plan").click()
    page.get_by_role("button", name="Save and move on").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Plan"
    assert "Write what you want to learn" in error_next_to(page, "Objective")
    assert "prediction" in error_next_to(page, "Questions and predictions")
    assert "who will run" in error_next_to(page, "Who runs the test")
    assert "what they will do" in error_next_to(page, "What they will do")
    assert "where" in error_next_to(page, "Where")
    assert "when" in error_next_to(page, "When")

    fill_plan(page)
    page.get_by_label("Planned start").fill("2026-10-10")
    page.get_by_label("Planned end").fill("2026-10-01")
    page.get_by_role("button", name="Save and move on").click()
    page.wait_for_load_state()
    assert "cannot be before the planned start" in error_next_to(page, "Planned end")
    # What was typed is kept.
    assert page.get_by_label("Who runs the test").input_value() == "Counselor"

    page.get_by_label("Planned end").fill("2026-10-24")
    page.get_by_role("button", name="Save and move on").click()
    page.wait_for_load_state()
    assert "Phase: Do" in page.locator(".phase-badge").inner_text()

    # The plan stays editable while the cycle is in Do.
    page.get_by_role("link", name="Edit Plan").click()
    page.get_by_label("Where", exact=True).fill("Side gate")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    assert "Side gate" in page.content()
    assert "Phase: Do" in page.locator(".phase-badge").inner_text()


def test_a_facilitator_logs_in_through_the_form_and_lands_on_the_cohort(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    facilitator = UserFactory(email="facilitator@example.org", display_name="Fatima Okafor")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    page.goto("/")
    page.get_by_role("link", name="Log in").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="sign up").count() == 0
    assert "sign up" not in page.locator("main").inner_text().lower()

    page.get_by_label("Email").fill("facilitator@example.org")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    assert page.url.endswith("/cohorts/demo-cohort/")
    assert page.get_by_role("heading", level=1).inner_text() == "Demo cohort"
    assert "You are not on a team yet" not in page.content()
    assert page.get_by_role("link", name="Download portfolio Mesa Linda equity team").count() == 1
