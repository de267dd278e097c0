"""The project, printable and measure pages keep their read-only sections (issue 16).

`ImprovementProject.content_version` moves in the transaction of every write those pages show
(`services.project_content_changed`), so a write shows on the next view; each kind of reader
(team insider or not, and on the project page whether they may write or manage) gets its own
copy; comments, data dialogues, edit links and forms stay right for each person."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.services import membership_end
from improvement import services
from improvement.models import Aim, ChangeIdea, ImprovementProject, PDSACycle
from tests.conftest import client_for

from .package_fixtures import package  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

PAGES = ("project", "print", "measure")
# A Foster youth figure (n=7 in the project fixture): the team sees it, nobody else does.
SMALL_CELL = "<td>31.0%</td>"
OUTSIDER_NOTE = "figures for groups of fewer than 11 students are hidden"
KEY = "k" * 24  # a create form's one-time submission key


def url(page, project, team="team-a"):
    if page == "measure":
        return reverse("improvement:measure", args=[team, project["measure"].pk])
    return reverse(f"improvement:{page}", args=[team])


def html(client, page, project, team="team-a"):
    response = client.get(url(page, project, team))
    assert response.status_code == 200
    return response.content.decode()


def view_all(client, project, pages=PAGES):
    return {page: html(client, page, project) for page in pages}


def measure_fields(measure, **changes):
    fields = {
        name: getattr(measure, name)
        for name in (
            "name", "kind", "numerator", "denominator", "inclusions", "data_source", "frequency",
            "owner", "unit", "direction", "groups", "rules", "baseline_points",
        )
    }  # fmt: skip
    return {**fields, **changes}


def adopt_decided(project):
    PDSACycle.objects.filter(pk=project["cycle"].pk).update(decision="adopt", phase="done")


# Every service that writes something these pages show, as (setup, write); setup writes nothing
# the pages' services would version (it stands for earlier history).
WRITERS = {
    "project_update": (None, lambda r, p: services.project_update(
        project=p["project"], user=r["lead_a"], problem_of_practice="New words")),
    "aim_save": (None, lambda r, p: services.aim_save(
        project=p["project"], user=r["member_a"], what="Attendance", how_much="to 90%",
        by_when=datetime.date(2027, 5, 1), for_whom="HI", baseline_value=80,
        baseline_date=datetime.date(2026, 9, 1), target_value=90)),
    "driver_add": (None, lambda r, p: services.driver_add(
        project=p["project"], user=r["member_a"], text="Teachers have time")),
    "driver_update": (None, lambda r, p: services.driver_update(
        driver=p["primary"], user=r["member_a"], text="Students feel known")),
    "change_idea_add": (None, lambda r, p: services.change_idea_add(
        project=p["project"], user=r["member_a"], text="Calls", drivers=[p["secondary"]])),
    "change_idea_update": (None, lambda r, p: services.change_idea_update(
        idea=p["idea"], user=r["member_a"], text="Gate greeting", drivers=[p["primary"]])),
    "diagram_item_move": (None, lambda r, p: services.diagram_item_move(
        item=p["secondary"], user=r["member_a"], up=True)),
    "diagram_item_delete": (None, lambda r, p: services.diagram_item_delete(
        item=p["secondary"], user=r["member_a"])),
    "cycle_create": (None, lambda r, p: services.cycle_create(
        project=p["project"], user=r["member_a"], change_idea=p["idea"], ramp="Calls",
        title="Try", purpose="test")),
    "cycle_update": (None, lambda r, p: services.cycle_update(
        cycle=p["cycle"], user=r["member_a"], measures=[])),
    "cycle_adapt": (None, lambda r, p: services.cycle_adapt(cycle=p["cycle"], user=r["member_a"])),
    "change_idea_mark_adopted": (adopt_decided, lambda r, p: services.change_idea_mark_adopted(
        idea=p["idea"], user=r["member_a"])),
    "measure_save": (None, lambda r, p: services.measure_save(
        project=p["project"], user=r["member_a"], measure=p["measure"],
        **measure_fields(p["measure"], owner="Counselor"))),
    "measure_set_baseline": (None, lambda r, p: services.measure_set_baseline(
        measure=p["measure"], user=r["member_a"], points=6, restart_on=None)),
    "observation_add": (None, lambda r, p: services.observation_add(
        measure=p["measure"], user=r["member_a"], day=datetime.date(2026, 5, 1), group="ALL",
        value=50.0, n=400)),
}  # fmt: skip


@pytest.mark.parametrize("writer", WRITERS)
def test_every_writer_moves_the_project_content_version(writer, roles, project):
    setup, write = WRITERS[writer]
    if setup:
        setup(project)
    before = ImprovementProject.objects.get(pk=project["project"].pk).content_version
    write(roles, project)
    assert ImprovementProject.objects.get(pk=project["project"].pk).content_version != before


def test_taking_up_a_change_package_entry_moves_the_taking_project(roles, package):  # noqa: F811
    project_b = package["project_b"]
    before = ImprovementProject.objects.get(pk=project_b.pk).content_version
    member_b = client_for("member_b", roles)
    taken = f"Change idea: {package['idea'].text}"
    assert taken not in html(member_b, "project", package, team="team-b")
    response = member_b.post(
        reverse("improvement:package_adopt", args=["team-b", package["entry"].pk]),
        {"drivers": [package["driver_b"].pk]},
    )
    assert response.status_code == 302
    assert ImprovementProject.objects.get(pk=project_b.pk).content_version != before
    assert taken in html(member_b, "project", package, team="team-b")


def test_writes_through_the_pages_show_at_once_on_every_page(roles, project):
    member, lead = client_for("member_a", roles), client_for("lead_a", roles)
    facilitator = client_for("facilitator", roles)
    for client in (member, lead, facilitator):
        view_all(client, project)  # every kind of reader has its copies kept

    lead.post(
        reverse("improvement:edit", args=["team-a"]),
        {"problem_of_practice": "Newcomers miss the first bell", "focal_groups": ["HI"],
         "equity_area": "climate"},
    )  # fmt: skip
    member.post(
        reverse("improvement:aim", args=["team-a"]),
        {"what": "On-time arrival", "how_much": "from 70% to 85%", "by_when": "2027-05-01",
         "for_whom": "HI", "baseline_value": "70", "baseline_date": "2026-09-01",
         "target_value": "85", "outcome_measure": project["measure"].pk},
    )  # fmt: skip
    member.post(
        reverse("improvement:drivers", args=["team-a"]),
        {"kind": "driver", "driver-text": "Families are partners"},
    )
    member.post(
        reverse("improvement:cycle_add", args=["team-a"]),
        {"change_idea": project["idea"].pk, "ramp": "Home visits", "title": "Visit five homes",
         "purpose": "test", "submission_key": KEY},
    )  # fmt: skip
    services.measure_save(
        project=project["project"], user=roles["member_a"], measure=project["measure"],
        **measure_fields(project["measure"], name="Days missed", data_source="SIS export"),
    )  # fmt: skip

    for client in (member, lead, facilitator):
        pages = view_all(client, project)
        for page in ("project", "print"):
            text = pages[page]
            assert "Newcomers miss the first bell" in text, page
            assert "On-time arrival" in text, page
            assert "Families are partners" in text, page
            assert "Visit five homes" in text, page
            assert "Days missed" in text, page
        assert "SIS export" in pages["measure"]


def test_the_project_page_edit_links_follow_each_reader_whoever_came_first(roles, project):
    order = ["lead_a", "member_a", "facilitator", "site_admin", "lead_a"]
    for role in order + order[::-1]:
        text = html(client_for(role, roles), "project", project)
        assert ("Edit project" in text) == (role == "lead_a"), role
        assert ("Add a measure" in text) == (role in ("lead_a", "member_a")), role
        assert ("Add comment" in text) == (role != "site_admin"), role


def test_an_insider_copy_never_reaches_an_outsider(roles, project):
    Aim.objects.filter(project=project["project"]).update(for_whom="FOS")  # on the project page
    services.project_content_changed(project["project"])  # written without the services
    for page in PAGES:
        assert SMALL_CELL in html(client_for("lead_a", roles), page, project), page
        assert SMALL_CELL in html(client_for("member_a", roles), page, project), page
        for outsider in ("facilitator", "site_admin"):
            text = html(client_for(outsider, roles), page, project)
            assert SMALL_CELL not in text and "31.0" not in text, (page, outsider)
            assert "Foster youth" in text, (page, outsider)
            if page != "print":
                assert OUTSIDER_NOTE in text, (page, outsider)
        assert OUTSIDER_NOTE not in html(client_for("member_a", roles), page, project)


def test_someone_who_leaves_the_team_and_facilitates_gets_the_outsiders_copy(roles, project):
    member = roles["member_a"]
    services.aim_save(
        project=project["project"], user=member, what="Attendance", how_much="to 90%",
        by_when=datetime.date(2027, 5, 1), for_whom="FOS", baseline_value=30,
        baseline_date=datetime.date(2026, 9, 1), target_value=20,
    )  # fmt: skip
    for page in PAGES:
        assert SMALL_CELL in html(client_for("member_a", roles), page, project), page
    roles["cohort"].facilitators.add(member)  # still allowed in, no longer on the team
    membership = member.memberships.get(team=roles["team_a"])
    membership_end(membership=membership, by=roles["facilitator"])
    for page in PAGES:
        text = html(client_for("member_a", roles), page, project)
        assert SMALL_CELL not in text, page
        if page != "print":
            assert OUTSIDER_NOTE in text


def test_comments_stay_live_new_ones_and_their_authors_names(roles, project):
    member = client_for("member_a", roles)
    facilitator = client_for("facilitator", roles)
    html(member, "project", project)
    facilitator.post(reverse("improvement:comment", args=["team-a"]), {"body": "Try Fridays?"})
    text = html(member, "project", project)
    assert "Try Fridays?" in text and roles["facilitator"].name in text
    roles["facilitator"].display_name = "Coach Rivera"
    roles["facilitator"].save(update_fields=["display_name"])
    assert "Coach Rivera" in html(member, "project", project)


def test_the_measure_page_keeps_dialogues_and_baseline_right(roles, project):
    member = client_for("member_a", roles)
    measure = project["measure"]
    text = html(member, "measure", project)
    assert "No data dialogue yet." in text and "frozen on the first" not in text
    response = member.post(
        reverse("improvement:dialogue_start", args=["team-a"]),
        {"measure": measure.pk, "submission_key": KEY},
    )
    assert response.status_code == 302
    member.post(
        reverse("improvement:baseline", args=["team-a", measure.pk]),
        {"baseline_points": "6", "charts": "both"},
    )
    text = html(member, "measure", project)
    assert "No data dialogue yet." not in text and roles["member_a"].name in text
    assert "frozen on the first 6 points" in text
    assert 'name="baseline_points" value="6"' in text  # the kept form fields follow the row
    assert "Control charts by student group" in text


def test_a_refused_point_shows_its_errors_once_and_the_kept_fields_stay_clean(roles, project):
    member = client_for("member_a", roles)
    html(member, "measure", project)  # keeps the unbound forms' fields
    response = member.post(
        reverse("improvement:observation_add", args=["team-a", project["measure"].pk]),
        {"date": "", "group": "ALL", "value": "", "submission_key": KEY},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    text = html(member, "measure", project)
    assert "There is a problem" not in text
    assert text.count('name="submission_key"') == 2  # the point's and the dialogue's, live
    keys = {html(member, "measure", project).split('name="submission_key" value="')[1][:20]
            for _ in range(2)}  # fmt: skip
    assert len(keys) == 2  # a fresh one-time key on every view, never a kept one


def test_a_spanish_writer_gets_spanish_forms_after_an_english_one(roles, project):
    assert "Student group" in html(client_for("lead_a", roles), "measure", project)
    roles["member_a"].preferred_language = "es"
    roles["member_a"].save(update_fields=["preferred_language"])
    text = html(client_for("member_a", roles), "measure", project)
    assert "Grupo estudiantil" in text and "Student group" not in text


def test_a_renamed_team_shows_on_the_kept_printable_page(roles, project):
    member = client_for("member_a", roles)
    assert "Team A: improvement project" in html(member, "print", project)
    team = roles["team_a"]
    team.name = "Mesa Linda equity team"
    team.save(update_fields=["name"])
    assert "Mesa Linda equity team: improvement project" in html(member, "print", project)


@pytest.mark.parametrize(("page", "limit"), [("project", 5), ("print", 4), ("measure", 5)])
def test_kept_pages_read_no_driver_idea_cycle_or_measure_row(
    page, limit, roles, project, django_assert_max_num_queries
):
    member = client_for("member_a", roles)
    html(member, page, project)
    tables = ("improvement_driver", "improvement_changeidea", "improvement_pdsacycle",
              "improvement_observation")  # fmt: skip
    with django_assert_max_num_queries(limit), CaptureQueriesContext(connection) as queries:
        html(member, page, project)
    read = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in read if any(f'"{table}"' in sql for table in tables)]
    if page != "measure":  # the measure page reads its measure (with the project) to 404
        assert not [sql for sql in read if 'FROM "improvement_measure"' in sql]
    assert ChangeIdea.objects.exists()
