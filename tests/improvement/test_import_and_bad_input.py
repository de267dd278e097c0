"""CSV import (all or nothing, student-level files refused) and every kind of bad input."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.models import Aim, Observation
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def upload(roles, measure, text, role="member_a", commit=True):
    """Upload a file; when the preview offers to import it, confirm (a person's two steps)."""
    client = client_for(role, roles)
    url = reverse("improvement:import", args=["team-a", measure.pk])
    data = text if isinstance(text, bytes) else text.encode()
    response = client.post(
        url, {"file": SimpleUploadedFile("points.csv", data, content_type="text/csv")}
    )
    if commit and response.status_code == 200 and "token" in response.context:
        response = client.post(url, {"token": response.context["token"]})
    return response


GOOD = "date,group,numerator,denominator\n2026-09-01,EL,12,80\n2026-10-01,EL,10,82\n"


def test_a_good_file_imports_every_row(roles, project):
    measure = project["measure"]
    response = upload(roles, measure, GOOD)
    assert response.status_code == 302
    points = Observation.objects.filter(measure=measure, group="EL").order_by("date")
    assert [(p.numerator, p.denominator, p.n, p.value) for p in points] == [
        (12, 80, 80, 15.0),
        (10, 82, 82, round(1000 / 82, 4)),
    ]


def test_one_bad_row_saves_nothing_and_names_the_row(roles, project):
    measure = project["measure"]
    text = GOOD + "2026-11-01,EL,90,80\n"
    response = upload(roles, measure, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<td>4</td><td>error</td>" in html
    assert "larger than the denominator" in html
    assert not Observation.objects.filter(measure=measure, group="EL").exists()


@pytest.mark.parametrize(
    "header",
    ["student_id,date,group,numerator,denominator", "date,group,numerator,denominator,Birth Date",
     "Last Name,date,group,numerator,denominator"],
)  # fmt: skip
def test_student_level_columns_are_refused(header, roles, project):
    text = header + "\n" + "\n".join(",".join(["1"] * 5) for _ in range(3))
    response = upload(roles, project["measure"], text)
    assert response.status_code == 400
    assert "looks like student-level records" in response.content.decode()
    assert not Observation.objects.filter(measure=project["measure"], group="EL").exists()


def test_one_row_per_student_is_refused(roles, project):
    rows = "\n".join(f"2026-09-0{i},EL,{i % 2},1" for i in range(1, 8))
    response = upload(roles, project["measure"], "date,group,numerator,denominator\n" + rows)
    assert response.status_code == 400
    assert "one row per student" in response.content.decode()


def test_a_duplicate_inside_the_file_or_against_saved_points_is_refused(roles, project):
    measure = project["measure"]
    response = upload(roles, measure, GOOD + "2026-09-01,EL,5,80\n")
    assert "two rows for EL on 2026-09-01" in response.content.decode()
    response = upload(roles, measure, "date,group,numerator,denominator\n2024-09-01,ALL,5,80\n")
    assert "already a point for ALL on 2024-09-01" in response.content.decode()
    assert not Observation.objects.filter(measure=measure, group="EL").exists()


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"numerator": "3", "denominator": "0"}, "The denominator must be more than 0."),
        ({"numerator": "30", "denominator": "20"}, "larger than the denominator"),
        ({"numerator": "3", "denominator": "20", "date": "2028-01-01"}, "outside the project"),
        ({"numerator": "3", "denominator": "20", "date": "2024-09-01", "group": "ALL"},
         "already a point for ALL on 2024-09-01"),
        ({}, "Give a value, or a numerator and denominator."),
    ],
)  # fmt: skip
def test_bad_points_are_refused_with_a_message(data, field_message, roles, project):
    measure = project["measure"]
    before = Observation.objects.filter(measure=measure).count()
    post = {"date": "2026-09-01", "group": "EL", **data}
    response = client_for("member_a", roles).post(
        reverse("improvement:observation_add", args=["team-a", measure.pk]), post
    )
    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert Observation.objects.filter(measure=measure).count() == before


def test_an_aim_without_a_student_group_names_the_missing_part(roles, project):
    Aim.objects.filter(project=project["project"]).delete()
    response = client_for("lead_a", roles).post(
        reverse("improvement:aim", args=["team-a"]),
        {
            "what": "chronic absenteeism",
            "how_much": "from 24% to 15%",
            "by_when": "2027-06-01",
            "baseline_value": "24",
            "baseline_date": "2026-06-01",
            "target_value": "15",
        },
    )
    assert response.status_code == 200
    assert "The aim is missing: for whom (a student group)." in response.content.decode()
    assert not Aim.objects.filter(project=project["project"]).exists()


def test_a_complete_aim_is_saved(roles, project):
    Aim.objects.filter(project=project["project"]).delete()
    response = client_for("lead_a", roles).post(
        reverse("improvement:aim", args=["team-a"]),
        {
            "what": "chronic absenteeism",
            "how_much": "from 24% to 15%",
            "by_when": "2027-06-01",
            "for_whom": "EL",
            "baseline_value": "24",
            "baseline_date": "2026-06-01",
            "target_value": "15",
        },
    )
    assert response.status_code == 302
    assert Aim.objects.get(project=project["project"]).for_whom == "EL"


def test_a_secondary_driver_and_a_change_idea_serving_two_drivers(roles, project):
    client = client_for("member_a", roles)
    url = reverse("improvement:drivers", args=["team-a"])
    primary = project["primary"]
    client.post(
        url, {"kind": "driver", "driver-text": "Adults call home", "driver-parent": primary.pk}
    )
    secondary = primary.children.get(text="Adults call home")
    response = client.post(
        url, {"kind": "idea", "idea-text": "Call log", "idea-drivers": [primary.pk, secondary.pk]}
    )
    assert response.status_code == 302
    idea = project["project"].change_ideas.get(text="Call log")
    assert set(idea.drivers.all()) == {primary, secondary}
    html = client.get(reverse("improvement:project", args=["team-a"])).content.decode()
    assert 'class="driver-diagram"' in html and "Call log" in html


def test_a_change_idea_needs_a_driver(roles, project):
    response = client_for("member_a", roles).post(
        reverse("improvement:drivers", args=["team-a"]), {"kind": "idea", "idea-text": "Orphan"}
    )
    assert response.status_code == 200
    assert not project["project"].change_ideas.filter(text="Orphan").exists()


def upload_profile(roles, text):
    client = client_for("member_a", roles)
    url = reverse("improvement:profile_import", args=["team-a"])
    response = client.post(
        url, {"file": SimpleUploadedFile("profile.csv", text.encode(), content_type="text/csv")}
    )
    if response.status_code == 200 and "token" in response.context:
        response = client.post(url, {"token": response.context["token"]})
    return response


def test_the_data_profile_imports_from_csv_all_or_nothing(roles, project):
    header = "indicator,group,n,value\n"
    good = "absenteeism,ALL,600,12.0\nabsenteeism,HI,300,18.5\n"
    response = upload_profile(roles, header + good + "absenteeism,XX,5,3\n")
    assert response.status_code == 400
    assert "<td>4</td><td>error</td>" in response.content.decode()
    assert not project["project"].profile_entries.exists()
    assert upload_profile(roles, header + good).status_code == 302
    assert project["project"].profile_entries.count() == 2
    refused = upload_profile(roles, "student id,indicator,group,n,value\n1,ela,ALL,1,1\n")
    assert "student-level records" in refused.content.decode()
