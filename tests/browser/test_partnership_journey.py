import pytest

from accounts.factories import UserFactory
from accounts.roles import facilitators_group
from cohorts.factories import CohortFactory
from cohorts.models import Invitation
from partnerships.factories import ProposalFactory
from programs.factories import FormPageFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_facilitator_turns_a_proposal_into_a_team_after_a_preview(page, site, password):
    cohort = CohortFactory(slug="demo-cohort", name="Demo cohort")
    facilitator = UserFactory(email="facilitator@example.org")
    facilitator.groups.add(facilitators_group())
    cohort.facilitators.add(facilitator)
    form_page = FormPageFactory(parent=site, slug="partnership-proposal")
    ProposalFactory(
        page=form_page,
        form_data={
            "school": "Cedar Creek High School",
            "district": "Valle Verde Unified",
            "team_members_and_roles": "Rosa Campos, rosa@example.org, counselor",
            "contact_name": "Dana Whitfield",
            "contact_email": "dana@example.org",
        },
    )

    log_in(page, "facilitator@example.org", password)
    page.goto("/cohorts/demo-cohort/")
    page.get_by_role("link", name="Review proposals").click()
    page.get_by_role("link", name="Cedar Creek High School").click()
    page.get_by_role("link", name="Turn into a team").click()
    page.get_by_label("New partner's CDS code").fill("57990010000001")
    page.get_by_role("button", name="Preview").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check before creating"
    assert "rosa@example.org" in page.content()
    assert not Invitation.objects.exists()
    page.get_by_role("button", name="Confirm: create the team and send the invitations").click()
    assert "Cedar Creek High School equity team was created" in page.content()
    page.get_by_role("link", name="Cedar Creek High School equity team").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Cedar Creek High School equity team"
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "dana@example.org",
        "rosa@example.org",
    ]
