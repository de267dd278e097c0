import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from cohorts.factories import MembershipFactory, TeamFactory
from tests.conftest import client_for
from tests.matrix import ROLES, assert_access, expect

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard_url():
    return reverse("cohorts:cohort", args=["demo-cohort"])


def test_inactive_teams_raise_an_alert_and_the_filter_keeps_only_them(roles, dashboard_url):
    roles["team_a"].last_activity_at = timezone.now()
    roles["team_a"].save()
    client = client_for("facilitator", roles)
    everything = client.get(dashboard_url).content.decode()
    assert "No activity for 30 days" in everything
    alerts_only = client.get(dashboard_url, {"alerts": "1"}).content.decode()
    assert "Team B" in alerts_only
    assert ">Team A<" not in alerts_only


def test_sorting_by_members_descending(roles, dashboard_url):
    for _ in range(4):
        MembershipFactory(team=roles["team_b"])
    body = (
        client_for("facilitator", roles)
        .get(dashboard_url, {"sort": "members", "order": "desc"})
        .content.decode()
    )
    assert body.index(">Team B<") < body.index(">Team A<")


def test_search_narrows_to_matching_teams(roles, dashboard_url):
    body = client_for("facilitator", roles).get(dashboard_url, {"q": "team b"}).content.decode()
    assert ">Team B<" in body and ">Team A<" not in body


def test_csv_export_has_one_row_per_team_and_defuses_formulas(roles):
    TeamFactory(cohort=roles["cohort"], name="=HYPERLINK(evil)", slug="formula")
    response = client_for("facilitator", roles).get(
        reverse("cohorts:cohort_export", args=["demo-cohort"])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Team", "Partner", "Members"]
    names = [row[0] for row in rows[1:]]
    assert sorted(names) == sorted(["Team A", "Team B", "'=HYPERLINK(evil)"])


MATRIX = {
    "cohort_export": expect(404, facilitator=200, site_admin=200),
    "cohort_export_xlsx": expect(404, facilitator=200, site_admin=200),
    "program": expect(404, site_admin=200),
}
COVERS = {f"cohorts:{key}" for key in MATRIX}


@pytest.mark.parametrize("url_name", ["cohort_export", "cohort_export_xlsx"])
@pytest.mark.parametrize("role", ROLES)
def test_export_access(roles, url_name, role):
    response = client_for(role, roles).get(reverse(f"cohorts:{url_name}", args=["demo-cohort"]))
    assert_access(response, MATRIX[url_name][role])


@pytest.mark.parametrize(("role", "expected"), list(MATRIX["program"].items()))
def test_program_view_is_for_site_admins(roles, role, expected):
    response = client_for(role, roles).get(reverse("cohorts:program"))
    assert_access(response, expected)


def test_program_view_puts_cohorts_side_by_side_with_their_figures(roles):
    for _ in range(3):
        MembershipFactory(team=roles["team_b"])
    response = client_for("site_admin", roles).get(reverse("cohorts:program"))
    summaries = {s.cohort.slug: s for s in response.context["summaries"]}
    demo = summaries["demo-cohort"]
    assert (demo.teams, demo.people) == (2, 7)  # team A: member, lead, inactive; team B: 1 + 3
    assert demo.teams_with_alerts == 2
    assert summaries["other-cohort"].teams == 1
    assert "Other cohort" in response.content.decode()
