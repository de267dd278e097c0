"""Drivers and change ideas can be edited, reordered and removed, and PDSA plans are complete."""

import pytest

from django.urls import reverse

from improvement.factories import ChangeIdeaFactory, DriverFactory
from improvement.models import ChangeIdea, Driver
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"improvement:{name}", args=["team-a", *args])


def test_a_driver_is_edited_and_keeps_what_was_typed_on_bad_input(roles, project):
    client = client_for("member_a", roles)
    primary = project["primary"]
    edit_url = url("diagram_item_edit", "driver", primary.pk)
    assert edit_url in client.get(url("drivers")).text
    response = client.post(edit_url, {"text": "x" * 301})
    assert response.status_code == 200
    assert "x" * 301 in response.text
    client.post(edit_url, {"text": "Students feel known"})
    primary.refresh_from_db()
    assert primary.text == "Students feel known"


def test_a_change_idea_is_edited_with_the_drivers_it_serves(roles, project):
    client = client_for("member_a", roles)
    idea, primary = project["idea"], project["primary"]
    edit_url = url("diagram_item_edit", "idea", idea.pk)
    response = client.post(edit_url, {"text": "Morning check-in", "drivers": []})
    assert "Choose at least one driver" in response.text or "required" in response.text
    client.post(edit_url, {"text": "Check-in at the gate", "drivers": [primary.pk]})
    idea.refresh_from_db()
    assert idea.text == "Check-in at the gate"
    assert list(idea.drivers.all()) == [primary]


def test_drivers_and_ideas_move_up_and_down_among_their_siblings(roles, project):
    client = client_for("member_a", roles)
    first = project["primary"]
    second = DriverFactory(project=project["project"], text="Families are partners")
    third = DriverFactory(project=project["project"], text="Teachers have time")
    client.post(url("diagram_item_move", "driver", third.pk), {"direction": "up"})
    order = [d.text for d in Driver.objects.filter(project=project["project"], level=1)]
    assert order == [first.text, third.text, second.text]
    client.post(url("diagram_item_move", "driver", first.pk), {"direction": "down"})
    html = client.get(url("drivers")).text
    assert html.index(third.text) < html.index(first.text) < html.index(second.text)

    later = ChangeIdeaFactory(project=project["project"], text="Family phone calls")
    later.drivers.set([first])
    client.post(url("diagram_item_move", "idea", later.pk), {"direction": "up"})
    assert [i.text for i in ChangeIdea.objects.filter(project=project["project"])] == [
        "Family phone calls",
        "Morning check-in",
    ]


def test_removing_a_driver_shows_what_links_to_it_first(roles, project):
    client = client_for("member_a", roles)
    primary = project["primary"]
    delete_url = url("diagram_item_delete", "driver", primary.pk)
    page = client.get(delete_url).text
    assert "Remove this driver?" in page
    assert "Drivers: 1" in page  # its secondary driver goes with it
    assert "Morning check-in" not in page  # the idea serves the secondary driver only
    assert Driver.objects.filter(pk=primary.pk).exists()
    client.post(delete_url)
    assert not Driver.objects.filter(project=project["project"]).exists()
    assert ChangeIdea.objects.filter(pk=project["idea"].pk).exists()


def test_a_change_idea_with_cycles_names_them_and_stays(roles, project):
    client = client_for("member_a", roles)
    idea = project["idea"]
    page = client.get(url("diagram_item_delete", "idea", idea.pk)).text
    assert "its PDSA cycles keep it" in page
    assert "Yes, remove it" not in page
    client.post(url("diagram_item_delete", "idea", idea.pk))
    assert ChangeIdea.objects.filter(pk=idea.pk).exists()


def test_a_change_idea_without_cycles_is_removed(roles, project):
    client = client_for("member_a", roles)
    spare = ChangeIdeaFactory(project=project["project"], text="Lunch clubs")
    spare.drivers.set([project["primary"]])
    page = client.get(url("diagram_item_delete", "idea", spare.pk)).text
    assert "Nothing else links to it." in page
    client.post(url("diagram_item_delete", "idea", spare.pk))
    assert not ChangeIdea.objects.filter(pk=spare.pk).exists()


PLAN = {
    "objective": "Learn whether greeting by name helps",
    "questions_text": "Will students come earlier? | Half of them will",
    "test_who": "Counselor",
    "test_what": "Greet ten students by name",
    "test_where": "Front gate",
    "test_when": "7:45, every school day",
}


def test_an_empty_plan_cannot_move_to_do(roles, project):
    client = client_for("member_a", roles)
    cycle = project["cycle"]
    response = client.post(url("cycle_phase", cycle.pk), {"advance": "1"})
    assert response.status_code == 200
    for message in [
        "Write what you want to learn",
        "Write at least one question with your prediction.",
        "Say who will run the test.",
        "Say what they will do.",
        "Say where the test happens.",
        "Say when the test happens.",
    ]:
        assert message in response.text
    cycle.refresh_from_db()
    assert cycle.phase == "plan"
    # Saving an unfinished plan without moving on is fine.
    assert client.post(url("cycle_phase", cycle.pk), {"objective": "Learn"}).status_code == 302


def test_a_planned_end_before_the_start_is_refused(roles, project):
    client = client_for("member_a", roles)
    cycle = project["cycle"]
    data = {**PLAN, "planned_start": "2026-10-10", "planned_end": "2026-10-01", "advance": "1"}
    response = client.post(url("cycle_phase", cycle.pk), data)
    assert "The planned end cannot be before the planned start." in response.text
    assert 'id="id_planned_end_error"' in response.text
    cycle.refresh_from_db()
    assert cycle.phase == "plan" and cycle.planned_end is None


def test_earlier_phases_stay_editable_until_the_cycle_is_closed(roles, project):
    client = client_for("member_a", roles)
    cycle = project["cycle"]
    client.post(url("cycle_phase", cycle.pk), {**PLAN, "advance": "1"})
    cycle.refresh_from_db()
    assert cycle.phase == "do"
    page = client.get(cycle.get_absolute_url()).text
    plan_url = url("cycle_phase", cycle.pk) + "?phase=plan"
    assert plan_url in page
    form = client.get(plan_url).text
    assert "Front gate" in form and "Save and move on" not in form
    client.post(url("cycle_phase", cycle.pk), {**PLAN, "test_where": "Side gate", "phase": "plan"})
    cycle.refresh_from_db()
    assert (cycle.test_where, cycle.phase) == ("Side gate", "do")
    # A later phase cannot be reached early: ?phase=act shows the current phase.
    assert "Carried out as planned?" in client.get(url("cycle_phase", cycle.pk) + "?phase=act").text


def test_the_driver_page_runs_the_same_queries_for_many_drivers_and_ideas(roles, project):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("member_a", roles)
    client.get(url("drivers"))  # warm the session and the site

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("drivers")).status_code == 200
        return len(queries)

    few = count()
    for i in range(10):
        primary = DriverFactory(project=project["project"], text=f"Driver {i}")
        DriverFactory(project=project["project"], level=2, parent=primary, text=f"Sub {i}")
        ChangeIdeaFactory(project=project["project"], text=f"Idea {i}", drivers=[primary])
    assert count() == few, few
