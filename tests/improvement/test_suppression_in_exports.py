"""Every file a facilitator or site admin can download leaves small groups' figures out.

The pages already hide groups under 11 students; these are the exports that leave the team:
the improvement CSV exports, the team portfolio (zip of JSON), the cohort dashboard's CSV and
the reader's own data download.
"""

import csv
import datetime
import io
import json
import zipfile

import pytest

from django.urls import reverse

from improvement.factories import ImprovementProjectFactory, MeasureFactory
from improvement.models import DataProfileEntry, Observation
from tests.conftest import client_for

from .conftest import monthly

pytestmark = pytest.mark.django_db

# Figures only the small groups have, so finding one anywhere is a leak.
SMALL = {"FOS": (9, 37.7, 3, 9), "AA": (6, 83.3, 5, 6)}  # group: (n, value, numerator, denominator)
PROFILE_SMALL = {"FOS": (8, 41.3)}
FIGURES = ("n", "value", "numerator", "denominator")


@pytest.fixture
def figures(roles):
    project = ImprovementProjectFactory(team=roles["team_a"])
    measure = MeasureFactory(project=project, name="Belonging", groups=["ALL", "HI", "AA", "FOS"])
    large = {"ALL": (412, 50.0, 206, 412), "HI": (200, 52.0, 104, 200), "WH": (150, 48.5, 73, 150)}
    Observation.objects.bulk_create(
        Observation(
            measure=measure, date=day, group=group, n=n, value=value, numerator=num, denominator=den
        )
        for day in monthly(12, datetime.date(2025, 9, 1))
        for group, (n, value, num, den) in (large | SMALL).items()
    )
    DataProfileEntry.objects.bulk_create(
        DataProfileEntry(project=project, indicator="chronic", group=group, n=n, value=value)
        for group, (n, value) in ({"ALL": (500, 12.0), "HI": (210, 14.5)} | PROFILE_SMALL).items()
    )
    return project


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.status_code
    keys = {"Measure": "measure", "Date": "date", "Student group": "group", "n (students)": "n",
            "Value": "value", "Numerator": "numerator", "Denominator": "denominator"}  # fmt: skip
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return [{keys.get(k, k): v for k, v in row.items()} for row in rows]


def zip_rows(response) -> tuple[str, list[dict]]:
    assert response.status_code == 200, response.status_code
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    text, rows = "", []
    for name in archive.namelist():
        content = archive.read(name).decode()
        text += content
        if name.endswith(".json"):
            data = json.loads(content)
            if isinstance(data, dict):  # data.json: sections of rows
                data = [r for rows in data.values() if isinstance(rows, list) for r in rows]
            rows.extend(r for r in data if isinstance(r, dict))
    return text, rows


def downloads(role, roles) -> dict[str, tuple[str, list[dict]]]:
    """Every file this role can download that could carry the team's student-group figures."""
    client = client_for(role, roles, reauthenticated=True)
    files = {}
    for kind in ("observations", "measures", "cycles"):
        response = client.get(reverse(f"improvement:export_{kind}", args=["team-a"]))
        files[kind] = (response.content.decode(), csv_rows(response))
    response = client.get(reverse("cohorts:cohort_export", args=["demo-cohort"]))
    files["dashboard"] = (response.content.decode(), csv_rows(response))
    files["my data"] = zip_rows(client.post(reverse("privacy:my_data")))
    if role == "facilitator":  # site admins do not download portfolios
        files["portfolio"] = zip_rows(
            client.get(reverse("privacy:team_portfolio", args=["team-a"]))
        )
    return files


def shown(value) -> bool:
    return value not in (None, "", "fewer than 11", "hidden to protect a smaller group")


@pytest.mark.parametrize("role", ["facilitator", "site_admin"])
def test_no_download_carries_a_figure_of_a_group_under_11(role, roles, figures):
    files = downloads(role, roles)
    small_groups = set(SMALL) | set(PROFILE_SMALL)
    for name, (text, rows) in files.items():
        for secret in ("37.7", "83.3", "41.3"):
            assert secret not in text, f"{name} carries a small group's value {secret}"
        for row in rows:
            if row.get("group") in small_groups:
                leaked = {key: row[key] for key in FIGURES if key in row and shown(row[key])}
                assert not leaked, f"{name}: {row['group']} shows {leaked}"
            if "group" in row:  # numerators of shown groups would subtract down to a hidden one
                assert not shown(row.get("numerator")), f"{name} carries numerators: {row}"
    observations = [r for r in files["observations"][1] if r["group"] == "FOS"]
    assert observations, "the small group is listed, as hidden"
    assert {r["n"] for r in observations} == {"fewer than 11"}
    if role == "facilitator":
        portfolio = files["portfolio"][1]
        profile = [r for r in portfolio if r.get("indicator") == "chronic"]
        assert {r["group"]: r["n"] for r in profile if r["group"] != "FOS"} == {
            "ALL": 500,
            "HI": 210,
        }, "large groups keep their figures"
        assert [r["hidden"] for r in profile if r["group"] == "FOS"] == ["fewer than 11"]


def test_the_teams_own_export_keeps_every_figure(roles, figures):
    rows = csv_rows(
        client_for("member_a", roles, reauthenticated=True).get(
            reverse("improvement:export_observations", args=["team-a"])
        )
    )
    fos = {tuple(r[key] for key in FIGURES) for r in rows if r["group"] == "FOS"}
    assert fos == {("9", "37.7", "3", "9")}
