"""Every improvement URL (exports included) × every role → the expected status, in one table."""

import pytest

from django.urls import reverse

from improvement.models import DataDialogue, DialogueNote, ImportJob, PDSACycle
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

READ = expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200)
WRITE_FORM = expect(404, member_a=200, lead_a=200)
LEAD_FORM = expect(404, member_a=403, lead_a=200)
WRITE_POST = expect(404, member_a=302, lead_a=302)

# (method, url name, needs pk) -> expected answer per role
MATRIX = {
    ("get", "project", None): READ,
    ("get", "print", None): READ,
    ("get", "understand", None): READ,
    ("get", "measure", "measure"): READ,
    ("get", "cycle", "cycle"): READ,
    ("get", "export_cycles", None): READ,
    ("get", "export_measures", None): READ,
    ("get", "export_observations", None): READ,
    ("get", "export_cycles_xlsx", None): READ,
    ("get", "export_measures_xlsx", None): READ,
    ("get", "export_observations_xlsx", None): READ,
    ("get", "dialogues", None): READ,
    ("get", "dialogue", "dialogue"): READ,
    ("get", "cohort_dialogues", "cohort"): expect(404, facilitator=200, site_admin=200),
    ("get", "aim", None): WRITE_FORM,
    ("get", "drivers", None): WRITE_FORM,
    ("get", "measure_add", None): WRITE_FORM,
    ("get", "measure_edit", "measure"): WRITE_FORM,
    ("get", "import", "measure"): WRITE_FORM,
    ("get", "profile_import", None): WRITE_FORM,
    ("get", "import_template", "measure_fmt"): WRITE_FORM,
    ("get", "profile_template", "fmt"): WRITE_FORM,
    ("get", "import_job", "job"): WRITE_FORM,
    ("get", "cycle_add", None): WRITE_FORM,
    ("get", "cycle_phase", "cycle"): WRITE_FORM,
    ("get", "diagram_item_edit", "driver"): WRITE_FORM,
    ("get", "diagram_item_edit", "idea"): WRITE_FORM,
    ("get", "diagram_item_delete", "driver"): WRITE_FORM,
    ("get", "diagram_item_delete", "idea"): WRITE_FORM,
    ("get", "edit", None): LEAD_FORM,
    ("get", "progress", None): LEAD_FORM,
    ("get", "start", None): expect(404, member_a=403, lead_a=302),
    ("post", "comment", None): expect(404, member_a=302, lead_a=302, facilitator=302),
    ("post", "observation_add", "measure"): WRITE_POST,
    ("post", "baseline", "measure"): WRITE_POST,
    ("post", "import_job", "job"): WRITE_POST,
    ("post", "cycle_adapt", "cycle"): WRITE_POST,
    ("post", "item_add", "kind"): WRITE_POST,
    ("post", "diagram_item_edit", "driver"): WRITE_POST,
    ("post", "diagram_item_move", "driver"): WRITE_POST,
    ("post", "diagram_item_move", "idea"): WRITE_POST,
    ("post", "diagram_item_delete", "driver"): WRITE_POST,
    # The cohort's bright spots: its facilitators and site admins only.
    ("get", "bright_spots", "cohort"): expect(404, facilitator=200, site_admin=200),
    ("post", "dialogue_start", None): WRITE_POST,
    ("post", "dialogue_note", "dialogue_step"): WRITE_POST,
    ("post", "dialogue_note_idea", "note"): WRITE_POST,
    ("post", "dialogue_note_cycle", "note"): WRITE_POST,
}

POST_DATA = {
    "comment": {"body": "Looks promising."},
    "observation_add": {"date": "2026-09-01", "group": "EL", "numerator": "3", "denominator": "40"},
    "baseline": {"baseline_points": "12"},
    "cycle_adapt": {},
    "item_add": {"rootcause-category": "practices", "rootcause-cause": "Late bus"},
    "diagram_item_edit": {"text": "Students feel known"},
    "diagram_item_move": {"direction": "down"},
    "diagram_item_delete": {},
    "import_job": {},
    "dialogue_start": {"indicator": "absenteeism"},
    "dialogue_note": {"predict-text": "We expect Hispanic students to be absent more often."},
    # The next step already became a change idea: the idea button finds it done, the cycle
    # button starts a cycle on that idea.
    "dialogue_note_idea": {},
    "dialogue_note_cycle": {},
}


def url_for(name, pk_kind, project):
    args = ["team-a"]
    if pk_kind == "cohort":
        args = ["demo-cohort"]
    elif pk_kind == "measure":
        args.append(project["measure"].pk)
    elif pk_kind == "cycle":
        args.append(project["cycle"].pk)
    elif pk_kind == "kind":
        args.append("rootcause")
    elif pk_kind == "measure_fmt":
        args += [project["measure"].pk, "xlsx"]
    elif pk_kind == "fmt":
        args.append("csv")
    elif pk_kind == "driver":
        args += ["driver", project["primary"].pk]
    elif pk_kind == "idea":
        args += ["idea", project["idea"].pk]
    elif pk_kind in ("dialogue", "dialogue_step", "note"):
        dialogue = DataDialogue.objects.create(
            project=project["project"], measure=project["measure"]
        )
        args.append(dialogue.pk)
        if pk_kind == "dialogue_step":
            args.append("predict")
        if pk_kind == "note":
            note = DialogueNote.objects.create(
                dialogue=dialogue,
                step="next",
                text="Try a welcome call",
                change_idea=project["idea"],
            )
            args.append(note.pk)
    elif pk_kind == "job":
        # A failed queued import: GET shows it, POST starts it again.
        job = ImportJob.objects.create(
            project=project["project"],
            measure=project["measure"],
            kind=ImportJob.Kind.OBSERVATIONS,
            staged_file="0" * 32,
            status=ImportJob.Status.FAILED,
        )
        args.append(job.pk)
    return reverse(f"improvement:{name}", args=args)


COVERS = {f"improvement:{name}" for _method, name, _kind in MATRIX}

CASES = [
    (method, name, pk_kind, role, expected)
    for (method, name, pk_kind), row in MATRIX.items()
    for role, expected in row.items()
]


@pytest.mark.parametrize(("method", "name", "pk_kind", "role", "expected"), CASES)
def test_access_matrix(method, name, pk_kind, role, expected, roles, project):
    if name == "cycle_adapt":
        PDSACycle.objects.filter(pk=project["cycle"].pk).update(decision="adapt", phase="done")
    # Who may, with a fresh password check (the team's observations export asks for one; see
    # the re-authentication test below).
    client = client_for(role, roles, reauthenticated=True)
    url = url_for(name, pk_kind, project)
    response = client.post(url, POST_DATA[name]) if method == "post" else client.get(url)
    assert_access(response, expected)


def test_other_cohorts_team_answers_404_even_for_its_own_lead_urls(roles, project):
    # team_other has no project: its own members get a page, this team's readers get 404.
    response = client_for("facilitator", roles).get(
        reverse("improvement:project", args=["team-other"])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["project", "export_observations", "print"])
def test_improvement_pages_are_never_cached(name, roles, project):
    member = client_for("member_a", roles, reauthenticated=True)
    response = member.get(reverse(f"improvement:{name}", args=["team-a"]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_team_without_a_project_invites_its_lead_to_start_one(roles):
    lead = client_for("lead_a", roles)
    page = lead.get(reverse("improvement:project", args=["team-a"]))
    assert page.status_code == 200
    assert reverse("improvement:start", args=["team-a"]) in page.content.decode()
    response = lead.post(
        reverse("improvement:start", args=["team-a"]),
        {"problem_of_practice": "Absences", "focal_groups": ["HI"], "equity_area": "climate"},
    )
    assert response.status_code == 302
    assert roles["team_a"].improvement_projects.get().focal_groups == ["HI"]
    member = client_for("member_a", roles)
    assert member.get(reverse("improvement:start", args=["team-a"])).status_code == 403


@pytest.mark.parametrize("name", ["export_observations", "export_observations_xlsx"])
def test_the_team_asks_for_the_password_again_before_student_figures_leave(name, roles, project):
    """The team's observations export holds small cells (fewer than 11 students): like the
    journal and the team portfolio, it leaves the site only after a fresh password check. The
    suppressed file others get, and exports without student figures, do not ask."""
    url = reverse(f"improvement:{name}", args=["team-a"])
    for role in ("member_a", "lead_a"):
        response = client_for(role, roles).get(url)
        assert response.status_code == 302, role
        assert response.url.startswith(reverse("account_reauthenticate")), response.url
        assert client_for(role, roles, reauthenticated=True).get(url).status_code == 200
    assert client_for("facilitator", roles).get(url).status_code == 200
    member = client_for("member_a", roles)
    for kind in ("cycles", "measures"):
        assert member.get(reverse(f"improvement:export_{kind}", args=["team-a"])).status_code == 200
