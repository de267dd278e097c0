"""Data dialogues: the team reads its data together, step by step, and acts on next steps."""

import pytest

from django.urls import reverse

from cohorts.factories import TeamFactory
from improvement.factories import (
    DataDialogueFactory,
    DialogueNoteFactory,
    ImprovementProjectFactory,
    MeasureFactory,
)
from improvement.models import ChangeIdea, DataDialogue, DataProfileEntry, DialogueNote, PDSACycle
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def dialogue_url(name, dialogue, *args):
    return reverse(f"improvement:{name}", args=[dialogue.project.team.slug, dialogue.pk, *args])


def test_a_member_runs_a_dialogue_from_the_measure_page_to_a_pdsa_cycle(roles, project):
    member = client_for("member_a", roles)
    measure = project["measure"]
    page = member.get(measure.get_absolute_url()).content.decode()
    assert "Start a data dialogue on this measure" in page

    response = member.post(
        reverse("improvement:dialogue_start", args=["team-a"]), {"measure": measure.pk}
    )
    dialogue = DataDialogue.objects.get()
    assert response.url == dialogue.get_absolute_url()
    page = member.get(dialogue.get_absolute_url()).content.decode()
    # Five steps with suggested times in plain text, beside the measure's chart and table.
    for title in ("Predict", "Go visual", "Observe", "Infer and ask", "Next steps"):
        assert title in page
    assert "Suggested time: 10 minutes" in page
    assert "Data table" in page and "<svg" in page

    notes = {
        "predict": "We expect more absences in winter.",
        "look": "Monthly rates by group since 2024.",
        "observe": "I notice Hispanic students' rate is 4 points higher.",
        "infer": "Do families know who to call when a child is sick?",
        "next": "Call every family after two absences.",
    }
    for step, text in notes.items():
        response = member.post(
            dialogue_url("dialogue_note", dialogue, step), {f"{step}-text": text}
        )
        assert response.status_code == 302
    page = member.get(dialogue.get_absolute_url()).content.decode()
    for text in notes.values():
        assert text.replace("'", "&#x27;") in page
    assert "Recorded by" in page and roles["member_a"].name in page

    next_step = DialogueNote.objects.get(step="next")
    cycle_url = dialogue_url("dialogue_note_cycle", dialogue, next_step.pk)
    data = {f"cycle-{next_step.pk}-change_idea": project["idea"].pk}
    assert member.post(cycle_url, data).status_code == 302
    assert member.post(cycle_url, data).status_code == 302  # a double click
    cycle = PDSACycle.objects.get(title=notes["next"])
    assert PDSACycle.objects.filter(title=notes["next"]).count() == 1
    assert cycle.change_idea == project["idea"]
    assert cycle.objective == notes["next"]
    assert cycle.questions[0]["question"] == notes["infer"]
    assert list(cycle.measures.all()) == [measure]
    page = member.get(dialogue.get_absolute_url()).content.decode()
    assert "Became the PDSA cycle" in page and cycle.get_absolute_url() in page


def test_a_next_step_becomes_a_change_idea_on_the_chosen_driver_once(roles, project):
    note = DialogueNoteFactory(
        dialogue__project=project["project"], step="next", text="Greet students by name"
    )
    member = client_for("member_a", roles)
    url = dialogue_url("dialogue_note_idea", note.dialogue, note.pk)
    refused = member.post(url, {})
    assert refused.status_code == 400
    assert "This field is required" in refused.content.decode()
    data = {f"idea-{note.pk}-drivers": [project["secondary"].pk]}
    assert member.post(url, data).status_code == 302
    assert member.post(url, data).status_code == 302
    idea = ChangeIdea.objects.get(text="Greet students by name")
    assert list(idea.drivers.all()) == [project["secondary"]]
    # The cycle button now needs no choice: it tests the idea the step became.
    assert (
        member.post(dialogue_url("dialogue_note_cycle", note.dialogue, note.pk)).status_code == 302
    )
    assert PDSACycle.objects.get(title="Greet students by name").change_idea == idea


def test_an_empty_note_is_refused_beside_its_field_and_other_steps_keep_their_forms(roles, project):
    dialogue = DataDialogueFactory(project=project["project"], measure=project["measure"])
    response = client_for("member_a", roles).post(
        dialogue_url("dialogue_note", dialogue, "observe"), {"observe-text": "   "}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="observe-text-error"' in page or "This field is required" in page
    assert not DialogueNote.objects.exists()


def test_outside_the_team_small_groups_are_hidden_on_the_dialogue(roles, project):
    dialogue = DataDialogueFactory(project=project["project"], measure=project["measure"])
    inside = client_for("member_a", roles).get(dialogue.get_absolute_url()).content.decode()
    outside = client_for("facilitator", roles).get(dialogue.get_absolute_url()).content.decode()
    assert "Groups of fewer than 11 students are hidden." in outside
    assert "Groups of fewer than 11 students are hidden." not in inside
    assert "Save note to" not in outside  # facilitators read, they do not write


def test_a_dialogue_on_the_school_data_profile_shows_that_indicator(roles, project):
    DataProfileEntry.objects.create(
        project=project["project"], indicator="suspension", group="ALL", n=600, value=4.5
    )
    member = client_for("member_a", roles)
    response = member.post(
        reverse("improvement:dialogue_start", args=["team-a"]), {"indicator": "suspension"}
    )
    dialogue = DataDialogue.objects.get()
    assert response.url == dialogue.get_absolute_url()
    page = member.get(dialogue.get_absolute_url()).content.decode()
    assert "Suspension rate (%)" in page and "4.5" in page


def test_starting_needs_one_measure_or_one_indicator(roles, project):
    response = client_for("member_a", roles).post(
        reverse("improvement:dialogue_start", args=["team-a"]),
        {"measure": project["measure"].pk, "indicator": "ela"},
    )
    assert response.status_code == 400
    assert "Choose one measure or one indicator" in response.content.decode()
    assert not DataDialogue.objects.exists()


def test_a_committee_family_member_never_sees_a_dialogue(roles, project):
    # family_a holds a family seat on team A's advisory committee and is on no team.
    dialogue = DataDialogueFactory(project=project["project"], measure=project["measure"])
    client = client_for("family_a", roles)
    for url in (
        dialogue.get_absolute_url(),
        reverse("improvement:dialogues", args=["team-a"]),
        reverse("improvement:cohort_dialogues", args=[roles["cohort"].slug]),
    ):
        assert client.get(url).status_code == 404


def test_facilitators_see_which_teams_ran_a_dialogue_and_their_questions(roles, project):
    dialogue = DataDialogueFactory(project=project["project"], measure=project["measure"])
    DialogueNoteFactory(dialogue=dialogue, step="infer", text="Who answers the attendance line?")
    DialogueNoteFactory(dialogue=dialogue, step="observe", text="A team-only observation")
    facilitator = client_for("facilitator", roles)
    page = facilitator.get(
        reverse("improvement:cohort_dialogues", args=[roles["cohort"].slug])
    ).content.decode()
    assert "Who answers the attendance line?" in page
    assert "Chronic absenteeism" in page
    assert "Team B" in page and "No data dialogue yet." in page
    cohort_page = facilitator.get(reverse("cohorts:cohort", args=[roles["cohort"].slug]))
    text = cohort_page.content.decode()
    assert "1 dialogue, latest" in text
    assert reverse("improvement:cohort_dialogues", args=[roles["cohort"].slug]) in text


def _teams_with_dialogues(cohort, count, start=0):
    for i in range(start, start + count):
        team = TeamFactory(cohort=cohort, slug=f"bulk-{i}", name=f"Bulk {i}")
        project = ImprovementProjectFactory(team=team)
        dialogue = DataDialogueFactory(project=project, measure=MeasureFactory(project=project))
        DialogueNoteFactory(dialogue=dialogue, step="infer")


@pytest.mark.parametrize("name", ["improvement:cohort_dialogues", "cohorts:cohort"])
def test_the_facilitator_pages_cost_the_same_for_2_and_50_teams(
    name, roles, django_assert_max_num_queries
):
    facilitator = client_for("facilitator", roles)
    url = reverse(name, args=[roles["cohort"].slug])
    _teams_with_dialogues(roles["cohort"], 2)
    facilitator.get(url)  # warm caches
    with django_assert_max_num_queries(200) as small:
        assert facilitator.get(url).status_code == 200
    limit = len(small.captured_queries)
    _teams_with_dialogues(roles["cohort"], 48, start=2)
    facilitator.get(url)  # warm again: the cohort page caches its columns per team version
    with django_assert_max_num_queries(limit):
        assert facilitator.get(url).status_code == 200


def test_a_double_submit_starts_one_dialogue_and_saves_one_note(roles, project):
    member = client_for("member_a", roles)
    start = reverse("improvement:dialogue_start", args=["team-a"])
    data = {"measure": project["measure"].pk, "submission_key": "k" * 24}
    first, second = member.post(start, data), member.post(start, data)
    dialogue = DataDialogue.objects.get()
    assert first.url == second.url == dialogue.get_absolute_url()
    note = {"infer-text": "Who calls home?", "submission_key": "n" * 24}
    url = dialogue_url("dialogue_note", dialogue, "infer")
    member.post(url, note)
    member.post(url, note)
    assert DialogueNote.objects.filter(text="Who calls home?").count() == 1
