"""A facilitator finds the demo's bright spot on the dashboard and follows it to the cycles behind
it (issue 21, item 2)."""

import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.demo import TEAM_A_SLUG
from cohorts.factories import CohortFactory, TeamFactory
from improvement.demo import seed_improvement

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_follows_a_bright_spot_to_its_cycles(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort", school_year="2026-27")
    TeamFactory(cohort=cohort, slug=TEAM_A_SLUG, name="Mesa Linda equity team")
    seed_improvement()  # the demo's measures and cycles
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.goto("/cohorts/demo-cohort/")
    panel = page.locator("section", has=page.get_by_role("heading", name="Bright spots"))
    spot = panel.locator("li.card", has_text="English learners")
    assert "9 points below the baseline median since Mar 1, 2026" in spot.inner_text()
    assert "Mesa Linda equity team" in spot.inner_text()

    spot.get_by_role("link", name="Texts home #1: Texts to five families").click()
    page.wait_for_load_state()
    assert "Texts to five families" in page.get_by_role("heading", level=1).inner_text()

    page.go_back()
    page.get_by_role("link", name="All 3 bright spots, with a filter by student group").click()
    page.get_by_label("Student group").select_option(label="English learners")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert page.locator("li.card").count() == 1
    page.get_by_role("link", name="Chronic absenteeism (monthly)").click()
    page.wait_for_load_state()
    assert "Chronic absenteeism (monthly)" in page.get_by_role("heading", level=1).inner_text()
