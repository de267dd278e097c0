"""Outside the owning team, groups of fewer than 11 never show an n or a value."""

import csv
import io

import pytest

from django.urls import reverse

from improvement.factories import MeasureFactory
from improvement.models import DataProfileEntry
from tests.conftest import client_for

from .conftest import add_points

pytestmark = pytest.mark.django_db

SECRET_VALUE = 37.7  # a value only the small group has


@pytest.fixture
def small_group(project):
    measure = MeasureFactory(project=project["project"], name="Belonging", groups=["ALL", "FOS"])
    measure.unit = "score"
    measure.save()
    add_points(measure, "ALL", [50.0 + i % 4 for i in range(12)], n=412)
    add_points(measure, "FOS", [SECRET_VALUE] * 12, n=9)
    return measure


def pages(client, measure):
    return [
        client.get(reverse("improvement:project", args=["team-a"])),
        client.get(reverse("improvement:measure", args=["team-a", measure.pk])),
        client.get(reverse("improvement:print", args=["team-a"])),
    ]


@pytest.mark.parametrize("role", ["facilitator", "site_admin"])
def test_outsiders_never_see_a_small_groups_n_or_value(role, roles, small_group):
    for response in pages(client_for(role, roles), small_group):
        html = response.content.decode()
        assert response.status_code == 200
        assert "37.7" not in html
        assert "<td>9</td>" not in html
        assert "fewer than 11" in html


def test_the_team_itself_sees_every_figure(roles, small_group):
    html = pages(client_for("member_a", roles), small_group)[1].content.decode()
    assert "37.7" in html
    assert "<td>9</td>" in html


def export_rows(role, roles):
    response = client_for(role, roles, reauthenticated=True).get(
        reverse("improvement:export_observations", args=["team-a"])
    )
    assert response["Content-Type"].startswith("text/csv")
    keys = {"Measure": "measure", "Date": "date", "Student group": "group", "n (students)": "n",
            "Value": "value", "Numerator": "numerator", "Denominator": "denominator"}  # fmt: skip
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return [{keys[k]: v for k, v in row.items()} for row in rows]


def test_a_facilitators_export_hides_small_groups(roles, small_group):
    rows = [r for r in export_rows("facilitator", roles) if r["group"] == "FOS"]
    assert rows
    assert {r["n"] for r in rows} == {"fewer than 11"}
    assert {r["value"] for r in rows} == {"fewer than 11"}
    assert all(r["numerator"] == "" and r["denominator"] == "" for r in rows)
    shown = [
        r
        for r in export_rows("facilitator", roles)
        if r["group"] == "ALL" and r["measure"] == "Belonging"
    ]
    assert shown[0]["n"] == "412"


def test_the_teams_export_keeps_small_groups(roles, small_group):
    rows = export_rows("member_a", roles)
    assert {r["n"] for r in rows if r["group"] == "FOS" and r["measure"] == "Belonging"} == {"9"}


def absenteeism_profile(project, *, hispanic):
    for group, n, value in [("ALL", 600, 12.0), ("HI", hispanic, 18.5), ("PI", 6, 44.4)]:
        DataProfileEntry.objects.create(
            project=project["project"], indicator="absenteeism", group=group, n=n, value=value
        )
    return reverse("improvement:understand", args=["team-a"])


def test_the_data_profile_is_suppressed_outside_the_team_and_shows_the_gap(roles, project):
    url = absenteeism_profile(project, hispanic=300)
    inside = client_for("member_a", roles).get(url).content.decode()
    assert "44.4" in inside and "6.5" in inside  # HI's gap to ALL
    outside = client_for("facilitator", roles).get(url).content.decode()
    assert "44.4" not in outside and "fewer than 11" in outside
    # PI is hidden, so the smallest shown race group is hidden too (complementary).
    assert "18.5" not in outside
    assert "hidden so the small group cannot be worked out" in outside


def test_a_complementary_group_is_never_called_small(roles, project):
    """HI has 310 students: hidden to protect PI, it is not "fewer than 11"."""
    url = absenteeism_profile(project, hispanic=310)
    html = client_for("facilitator", roles).get(url).content.decode()
    row = html[html.index("Hispanic") :]
    row = row[: row.index("</tr>")]
    assert "fewer than 11" not in row
    assert row.count("hidden so the small group cannot be worked out") == 2


def test_a_complementary_point_on_a_chart_is_labelled_as_such(roles, project):
    measure = MeasureFactory(project=project["project"], name="Calm", groups=["ALL", "HI", "PI"])
    add_points(measure, "ALL", [50.0] * 12, n=320)
    add_points(measure, "HI", [48.0] * 12, n=310)
    add_points(measure, "PI", [SECRET_VALUE] * 12, n=10)
    html = (
        client_for("facilitator", roles)
        .get(reverse("improvement:measure", args=["team-a", measure.pk]))
        .content.decode()
    )
    label = "hidden so the small group cannot be worked out"
    assert f"<td>{label}</td><td>{label}</td>" in html  # value and n of a HI point
    assert "<td>310</td>" not in html


def test_the_facilitator_column_uses_suppressed_figures(roles, project, small_group):
    html = (
        client_for("facilitator", roles)
        .get(reverse("cohorts:cohort", args=["demo-cohort"]))
        .content.decode()
    )
    assert "Measures with a current signal" in html
    assert "37.7" not in html
