import re

import pytest

from django.core import mail

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory, TeamFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_invites_and_the_newcomer_lands_in_the_team_space(
    page, site, password, browser, live_server
):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    team = TeamFactory(cohort=cohort, slug="team-a", name="Mesa Linda equity team")
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)

    log_in(page, "facilitator@example.org", password)
    page.goto(f"/cohorts/{cohort.slug}/")
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("Team").select_option(label=team.name)
    page.get_by_label("Email").fill("nia.brooks@example.org")
    page.get_by_label("Name").fill("Nia Brooks")
    page.get_by_role("button", name="Send invitation").click()
    assert "Invitation sent to nia.brooks@example.org" in page.content()

    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)
    newcomer = browser.new_context(base_url=live_server.url).new_page()
    newcomer.goto(link)
    newcomer.get_by_role("link", name="Create my account").click()
    newcomer.get_by_label("Email").fill("nia.brooks@example.org")
    newcomer.locator("input[name=password1]").fill("a-long-pass-phrase-9")
    newcomer.locator("input[name=password2]").fill("a-long-pass-phrase-9")
    newcomer.get_by_role("button", name="Sign Up").click()
    newcomer.wait_for_url(f"**{team.get_absolute_url()}")
    assert newcomer.get_by_role("heading", level=1).inner_text() == team.name
    assert "Nia Brooks" in newcomer.locator(".member-list").inner_text()
