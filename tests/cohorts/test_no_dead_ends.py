"""No dead ends: every person lands somewhere useful and every page says what to do next."""

import pytest

from django.test import Client, override_settings
from django.urls import reverse

from programs.demo import seed_site_pages
from programs.permissions import facilitator_permissions_apply
from programs.services import home_page_ensure
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

NOT_ON_A_TEAM = "You are not on a team yet"


def test_before_the_project_is_started_its_pages_explain_how_to_start(roles):
    for name in ("drivers", "understand", "print"):
        url = reverse(f"improvement:{name}", args=["team-a"])
        lead = client_for("lead_a", roles).get(url)
        assert lead.status_code == 200
        assert "has not started its improvement project" in lead.text
        assert reverse("improvement:start", args=["team-a"]) in lead.text
        member = client_for("member_a", roles).get(url)
        assert "A team lead starts the project." in member.text
        assert reverse("improvement:start", args=["team-a"]) not in member.text


NOT_STARTED = {  # improvement pages before the project is started
    "drivers": expect(404, member_a=200, lead_a=200),
    "understand": expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200),
    "print": expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200),
}
COVERS = {f"improvement:{name}" for name in NOT_STARTED}


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [(name, role, expected) for name, row in NOT_STARTED.items() for role, expected in row.items()],
)
def test_pages_before_the_project_is_started_keep_their_access_rules(name, role, expected, roles):
    response = client_for(role, roles).get(reverse(f"improvement:{name}", args=["team-a"]))
    assert_access(response, expected)


def log_in(email, password):
    client = Client()
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    assert response.status_code == 302
    return client, response.url


def test_a_facilitator_lands_on_their_cohort(roles, password):
    _client, url = log_in("facilitator@example.org", password)
    assert url == reverse("cohorts:cohort", args=["demo-cohort"])


def test_a_site_admin_lands_on_the_program_overview(roles, password):
    _client, url = log_in("admin@example.org", password)
    assert url == reverse("cohorts:program")


def test_a_member_still_lands_on_the_default_page(roles, password):
    _client, url = log_in("member@example.org", password)
    assert url == "/"


@pytest.mark.parametrize("role", ["facilitator", "site_admin"])
def test_facilitators_and_site_admins_are_never_told_they_are_not_on_a_team(role, roles):
    html = client_for(role, roles).get(reverse("cohorts:my_teams")).text
    assert NOT_ON_A_TEAM not in html
    assert reverse("cohorts:cohort", args=["demo-cohort"]) in html


def test_a_facilitator_without_a_cohort_is_told_what_to_expect(roles):
    roles["cohort"].facilitators.remove(roles["facilitator"])
    html = client_for("facilitator", roles).get(reverse("cohorts:my_teams")).text
    assert NOT_ON_A_TEAM not in html
    assert "You do not facilitate a cohort yet" in html


def test_a_person_without_a_team_is_told_an_invitation_will_come(roles):
    roles["member_b"].memberships.all().delete()
    html = client_for("member_b", roles).get(reverse("cohorts:my_teams")).text
    assert NOT_ON_A_TEAM in html


def test_the_login_page_does_not_invite_people_to_sign_up_while_signup_is_by_invitation():
    html = Client().get(reverse("account_login")).text
    assert reverse("account_signup") not in html
    assert "sign up" not in html.lower()
    assert "by invitation" in html


@override_settings(COHORT_SIGNUP_OPEN=True)
def test_the_login_page_offers_sign_up_when_signup_is_open():
    html = Client().get(reverse("account_login")).text
    assert reverse("account_signup") in html


def test_facilitators_do_not_see_the_school_import_they_cannot_use(roles):
    facilitator_permissions_apply()
    facilitator = client_for("facilitator", roles).get("/admin/")
    assert facilitator.status_code == 200
    assert "Import partner schools" not in facilitator.text
    assert "Import partner schools" in client_for("site_admin", roles).get("/admin/").text


def test_home_and_about_link_to_the_partnership_and_contact_forms():
    home = home_page_ensure()
    seed_site_pages(home)
    for url in ("/", "/about/"):
        html = Client().get(url).text
        assert 'href="/partnership-proposal/"' in html, url
        assert 'href="/contact-list/"' in html, url


def test_the_cohort_page_offers_each_teams_portfolio_to_its_facilitator(roles):
    url = reverse("cohorts:cohort", args=["demo-cohort"])
    html = client_for("facilitator", roles).get(url).text
    for slug in ("team-a", "team-b"):
        assert reverse("privacy:team_portfolio", args=[slug]) in html
    # Site admins see the dashboard, but the portfolio is the facilitators' to take.
    admin = client_for("site_admin", roles).get(url).text
    assert reverse("privacy:team_portfolio", args=["team-a"]) not in admin


def test_a_duplicate_session_is_deleted_after_a_confirmation_naming_what_goes_with_it(roles):
    from cohorts.factories import CohortSessionFactory
    from cohorts.models import CohortSession

    keep = CohortSessionFactory(cohort=roles["cohort"], title="Launch")
    duplicate = CohortSessionFactory(cohort=roles["cohort"], title="Launch")
    client = client_for("facilitator", roles)
    cohort_url = reverse("cohorts:cohort", args=["demo-cohort"])
    delete_url = reverse("cohorts:session_delete", args=["demo-cohort", duplicate.pk])
    assert delete_url in client.get(cohort_url).text
    confirm = client.get(delete_url)
    assert "Delete this session?" in confirm.text
    assert "Nothing else links to it." in confirm.text
    assert CohortSession.objects.count() == 2
    response = client.post(delete_url)
    assert response.url == cohort_url
    assert list(CohortSession.objects.all()) == [keep]
