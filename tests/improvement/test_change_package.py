"""The change package: adopting, adding with a write-up, taking up, evidence, filters, export."""

import csv
import datetime
import io

import pytest

from django.urls import reverse

from cohorts.factories import TeamFactory
from improvement.factories import (
    ChangeIdeaFactory,
    DriverFactory,
    ImprovementProjectFactory,
    PDSACycleFactory,
)
from improvement.models import Aim, ChangeIdea, ChangePackageEntry, PDSACycle
from programs.models import CdeEquityGoal
from tests.conftest import client_for

from .package_fixtures import package  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

PACKAGE = reverse("improvement:package", args=["demo-cohort"])


def entry_url(entry):
    return reverse("improvement:package_entry", args=["demo-cohort", entry.pk])


# --- a team marks its idea adopted ---------------------------------------------------------------


def test_an_adopt_decision_offers_to_mark_the_idea_adopted(roles, project):
    cycle = project["cycle"]
    PDSACycle.objects.filter(pk=cycle.pk).update(decision="adopt", phase="done")
    client = client_for("lead_a", roles)
    page = client.get(cycle.get_absolute_url())
    assert "Mark this change idea adopted" in page.text

    url = reverse("improvement:idea_adopted", args=["team-a", cycle.pk])
    client.post(url)
    client.post(url)  # a double click changes nothing

    project["idea"].refresh_from_db()
    assert project["idea"].adopted_on is not None
    page = client.get(cycle.get_absolute_url())
    assert "The team adopted this change idea on" in page.text
    assert "Mark this change idea adopted" not in page.text


def test_without_an_adopt_decision_the_idea_is_not_marked_adopted(roles, project):
    cycle = project["cycle"]
    PDSACycle.objects.filter(pk=cycle.pk).update(decision="abandon", phase="done")
    client = client_for("member_a", roles)
    assert "Mark this change idea adopted" not in client.get(cycle.get_absolute_url()).text
    response = client.post(
        reverse("improvement:idea_adopted", args=["team-a", cycle.pk]), follow=True
    )
    assert "after a cycle that tested it decided Adopt" in response.text
    project["idea"].refresh_from_db()
    assert project["idea"].adopted_on is None


# --- the facilitator adds it with a write-up ------------------------------------------------------


def test_facilitator_adds_an_adopted_idea_with_a_write_up_once(roles, package):  # noqa: F811
    client = client_for("facilitator", roles)
    page = client.get(PACKAGE)
    assert "Family phone call after two absences" in page.text  # waiting to be added
    add = reverse("improvement:package_add", args=["demo-cohort"])
    goal = CdeEquityGoal.objects.create(number=3, slug="equitable-treatment", title="Treatment")
    data = {"idea": package["waiting"].pk, "write_up": "Call home early.", "cde_goal": goal.pk}
    first = client.post(add, data)
    client.post(add, data)  # double submit

    entries = ChangePackageEntry.objects.filter(idea=package["waiting"])
    assert entries.count() == 1
    assert first.url == entry_url(entries.get())
    page = client.get(entries.get().get_absolute_url())
    assert "Call home early." in page.text
    assert "3. Treatment" in page.text


def test_an_empty_write_up_is_refused_beside_the_field_and_the_choice_is_kept(
    roles,
    package,  # noqa: F811
):
    client = client_for("facilitator", roles)
    add = reverse("improvement:package_add", args=["demo-cohort"])
    response = client.post(add, {"idea": package["waiting"].pk, "write_up": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert f'value="{package["waiting"].pk}" selected' in response.text
    assert not ChangePackageEntry.objects.filter(idea=package["waiting"]).exists()


def test_an_idea_not_adopted_cannot_be_added(roles, package):  # noqa: F811
    fresh = ChangeIdeaFactory(project=package["project"], text="Not adopted yet")
    client = client_for("facilitator", roles)
    add = reverse("improvement:package_add", args=["demo-cohort"])
    response = client.post(add, {"idea": fresh.pk, "write_up": "Try it."})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not ChangePackageEntry.objects.filter(idea=fresh).exists()


def test_only_facilitators_edit_the_write_up(roles, package):  # noqa: F811
    entry = package["entry"]
    edit = reverse("improvement:package_edit", args=["demo-cohort", entry.pk])
    assert client_for("lead_a", roles).post(edit, {"write_up": "Mine"}).status_code == 404
    client_for("facilitator", roles).post(edit, {"write_up": "Greet every student by name."})
    entry.refresh_from_db()
    assert entry.write_up == "Greet every student by name."


# --- another team takes it up; evidence ---------------------------------------------------------


def take_up(roles, package):  # noqa: F811
    client = client_for("member_b", roles)
    url = reverse("improvement:package_adopt", args=["team-b", package["entry"].pk])
    return client, client.post(url, {"drivers": [package["driver_b"].pk]})


def test_another_team_takes_the_entry_into_its_diagram_once(roles, package):  # noqa: F811
    client, response = take_up(roles, package)
    take_up(roles, package)  # double submit
    ideas = ChangeIdea.objects.filter(project=package["project_b"])
    assert ideas.count() == 1
    idea = ideas.get()
    assert idea.package_entry == package["entry"]
    assert idea.text == package["idea"].text
    assert list(idea.drivers.all()) == [package["driver_b"]]
    assert response.url.endswith(f"?idea={idea.pk}")  # straight to planning a cycle


def test_a_take_up_without_a_driver_is_refused_beside_the_field(roles, package):  # noqa: F811
    client = client_for("member_b", roles)
    url = reverse("improvement:package_adopt", args=["team-b", package["entry"].pk])
    response = client.post(url, {})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not ChangeIdea.objects.filter(project=package["project_b"]).exists()


def test_the_package_counts_both_teams_as_evidence(roles, package):  # noqa: F811
    page = client_for("member_b", roles).get(PACKAGE)
    assert "Tested at 1 school, adopted at 1" in page.text
    take_up(roles, package)
    idea_b = ChangeIdea.objects.get(project=package["project_b"])
    PDSACycleFactory(project=package["project_b"], change_idea=idea_b, decision="adopt")
    ChangeIdea.objects.filter(pk=idea_b.pk).update(adopted_on=datetime.date(2027, 1, 10))
    page = client_for("facilitator", roles).get(PACKAGE)
    assert "Tested at 2 schools, adopted at 2" in page.text


def test_outsiders_see_counts_and_dates_of_other_teams_cycles_not_the_cycles(
    roles,
    package,  # noqa: F811
):
    cycle = package["cycle"]
    link = reverse("improvement:cycle", args=["team-a", cycle.pk])
    outsider = client_for("member_b", roles).get(entry_url(package["entry"]))
    assert link not in outsider.text
    assert cycle.title not in outsider.text
    assert "Tested it first" in outsider.text
    insider = client_for("member_a", roles).get(entry_url(package["entry"]))
    assert link in insider.text
    assert link in client_for("facilitator", roles).get(entry_url(package["entry"])).text


def test_the_run_chart_is_suppressed_for_readers_outside_the_team(roles, package):  # noqa: F811
    Aim.objects.filter(project=package["project"]).update(for_whom="FOS")  # seven students
    outsider = client_for("member_b", roles).get(entry_url(package["entry"]))
    assert "Chronic absenteeism: Foster youth" in outsider.text
    assert "fewer than 11 students" in outsider.text
    assert "30.0%" not in outsider.text
    insider = client_for("member_a", roles).get(entry_url(package["entry"]))
    assert "30.0%" in insider.text


def test_groups_served_come_from_the_measures_of_the_testing_cycles(roles, package):  # noqa: F811
    page = client_for("facilitator", roles).get(entry_url(package["entry"]))
    assert "Hispanic, Foster youth" in page.text


# --- filters and export -------------------------------------------------------------------------


def test_filters_by_driver_text_student_group_and_goal(roles, package):  # noqa: F811
    client = client_for("facilitator", roles)
    idea_text = package["idea"].text
    assert idea_text in client.get(PACKAGE, {"driver": "adult notices"}).text
    assert idea_text in client.get(PACKAGE, {"driver": "belong"}).text  # its primary driver
    assert idea_text not in client.get(PACKAGE, {"driver": "homework"}).text
    assert idea_text in client.get(PACKAGE, {"group": "FOS"}).text
    assert idea_text not in client.get(PACKAGE, {"group": "SWD"}).text
    goal = CdeEquityGoal.objects.create(number=1, slug="comparable-outcomes", title="Outcomes")
    assert idea_text not in client.get(PACKAGE, {"goal": goal.pk}).text
    ChangePackageEntry.objects.filter(pk=package["entry"].pk).update(cde_goal=goal)
    filtered = client.get(PACKAGE, {"goal": goal.pk, "driver": "belong", "group": "HI"})
    assert idea_text in filtered.text
    assert 'value="belong"' in filtered.text  # the form keeps what was asked


def test_export_for_the_annual_report(roles, package):  # noqa: F811
    client = client_for("facilitator", roles)
    response = client.get(reverse("improvement:package_export", args=["demo-cohort"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Change idea"
    assert rows[1][0] == package["idea"].text
    assert rows[1][1] == "Team A"
    assert rows[1][2] == "Students feel they belong"
    assert rows[1][8:11] == ["1", "1", "1"]  # schools tested, adopted, cycles
    xlsx = client.get(reverse("improvement:package_export_xlsx", args=["demo-cohort"]))
    assert xlsx.content[:2] == b"PK"


# --- links ---------------------------------------------------------------------------------------


def test_the_package_is_linked_from_the_dashboard_and_the_project(roles, package):  # noqa: F811
    dashboard_url = reverse("cohorts:cohort", args=["demo-cohort"])
    dashboard = client_for("facilitator", roles).get(dashboard_url)
    assert PACKAGE in dashboard.text
    assert "1 adopted idea is waiting to be added." in dashboard.text
    project_url = reverse("improvement:project", args=["team-b"])
    project_page = client_for("member_b", roles).get(project_url)
    assert PACKAGE in project_page.text


# --- bounded queries -----------------------------------------------------------------------------


def spread(package, count):  # noqa: F811
    """`count` more teams of the cohort take the entry up and test it in a cycle."""
    for i in range(count):
        team = TeamFactory(cohort=package["entry"].cohort, name=f"Team {i:02}")
        project = ImprovementProjectFactory(team=team)
        driver = DriverFactory(project=project)
        idea = ChangeIdeaFactory(
            project=project,
            text=package["idea"].text,
            drivers=[driver],
            adopted_on=datetime.date(2027, 2, 1) if i % 2 else None,
        )
        ChangeIdea.objects.filter(pk=idea.pk).update(package_entry=package["entry"])
        PDSACycleFactory(project=project, change_idea=idea, planned_start=datetime.date(2027, 1, 5))


@pytest.mark.parametrize(
    "url",
    [
        "package",
        "package_export",
        "package_entry",
    ],
)
def test_queries_do_not_grow_with_the_teams(roles, package, url, django_assert_max_num_queries):  # noqa: F811
    args = ["demo-cohort"] + ([package["entry"].pk] if url == "package_entry" else [])
    target = reverse(f"improvement:{url}", args=args)
    client = client_for("facilitator", roles)
    spread(package, 1)  # two teams
    with django_assert_max_num_queries(40) as small:
        assert client.get(target).status_code == 200
    spread(package, 48)  # fifty teams
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(target)
    if url == "package":
        assert "Tested at 50 schools, adopted at 25" in response.text
