"""The six goals of equity: self-assessment, tags on resources and modules, and filters."""

import datetime

import pytest

from django.urls import reverse

from assessments.factories import GoalRatingFactory, SelfAssessmentFactory
from assessments.models import GoalRating, SelfAssessment
from programs.factories import (
    ModulePageFactory,
    ProgramPageFactory,
    ResourceFactory,
    ResourceIndexPageFactory,
)
from programs.models import CdeEquityGoal, EquityArea
from programs.services import home_page_ensure
from tests.conftest import client_for
from tests.matrix import assert_access, expect

pytestmark = pytest.mark.django_db

MATRIX = {
    "overview": expect(404, member_a=200, lead_a=200, facilitator=200, site_admin=200),
    "edit": expect(404, member_a=200, lead_a=200),
}
COVERS = {f"assessments:{key}" for key in MATRIX}


@pytest.fixture
def goals(db):
    titles = [
        "Comparably high achievement and outcomes",
        "Equitable access and inclusion",
        "Equitable treatment",
        "Equitable resource distribution",
        "Equitable opportunities to learn",
        "Shared responsibility and accountability",
    ]
    return [
        CdeEquityGoal.objects.create(number=n, slug=f"goal-{n}", title=title)
        for n, title in enumerate(titles, start=1)
    ]


def test_every_assessments_url_is_in_the_matrix():
    from assessments.urls import urlpatterns

    assert {p.name for p in urlpatterns} == set(MATRIX)


@pytest.mark.parametrize(
    ("url_name", "role", "expected"),
    [(u, r, e) for u, row in MATRIX.items() for r, e in row.items()],
)
def test_access_matrix(roles, goals, url_name, role, expected):
    args = ["team-a"] if url_name == "overview" else ["team-a", "start"]
    response = client_for(role, roles).get(reverse(f"assessments:{url_name}", args=args))
    assert_access(response, expected)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]


def ratings_post(goals, rating_of=lambda n: 3):
    data = {}
    for goal in goals:
        data[f"rating_{goal.pk}"] = rating_of(goal.number)
        data[f"evidence_{goal.pk}"] = f"Evidence for {goal.number}"
    return data


def test_start_and_end_of_year_are_shown_side_by_side_and_low_goals_point_to_resources(
    roles, goals
):
    home = home_page_ensure()
    ResourceIndexPageFactory(parent=home)
    ResourceFactory(title="Course-taking audit guide", cde_goals=[goals[1]])
    ResourceFactory(title="Unrelated guide", cde_goals=[goals[2]])
    client = client_for("member_a", roles)
    start = client.post(
        reverse("assessments:edit", args=["team-a", "start"]),
        ratings_post(goals, lambda n: 1 if n == 2 else 3),
    )
    assert start.status_code == 302
    client.post(
        reverse("assessments:edit", args=["team-a", "end"]),
        ratings_post(goals, lambda n: 2 if n == 2 else 4),
    )
    body = client.get(reverse("assessments:overview", args=["team-a"])).content.decode()
    assert "1 · Not yet in place" in body and "2 · Emerging" in body
    assert body.index("1 · Not yet in place") < body.index("2 · Emerging")  # start, then end
    assert "Course-taking audit guide" in body
    assert "Unrelated guide" not in body
    assert "/resources/?goal=goal-2" in body
    assert SelfAssessment.objects.count() == 2 and GoalRating.objects.count() == 12


def test_a_spanish_reader_gets_the_suggested_resources_in_spanish_when_translated(roles, goals):
    from wagtail.models import Locale

    from programs.demo_translations import object_translate

    spanish = Locale.objects.get_or_create(language_code="es")[0]
    audit = ResourceFactory(title="Course-taking audit guide", cde_goals=[goals[1]])
    ResourceFactory(title="Placement letters", cde_goals=[goals[1]])
    memory = {audit.title: "Guía para revisar la inscripción en cursos"}
    object_translate(audit, locale=spanish, memory=memory)
    roles["member_a"].preferred_language = "es"
    roles["member_a"].save()
    client = client_for("member_a", roles)
    client.post(
        reverse("assessments:edit", args=["team-a", "start"]),
        ratings_post(goals, lambda n: 1 if n == 2 else 3),
    )
    body = client.get(reverse("assessments:overview", args=["team-a"])).text
    assert "Guía para revisar la inscripción en cursos" in body
    assert "Course-taking audit guide" not in body
    assert "Placement letters" in body  # untranslated: the English


def test_every_goal_needs_a_rating_and_evidence_and_typed_text_stays(roles, goals):
    data = ratings_post(goals)
    data.pop(f"rating_{goals[0].pk}")
    data[f"evidence_{goals[1].pk}"] = ""
    data[f"evidence_{goals[2].pk}"] = "Our walk-through notes"
    response = client_for("member_a", roles).post(
        reverse("assessments:edit", args=["team-a", "start"]), data
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("This field is required") >= 2
    assert "Our walk-through notes" in body
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("count", [1, 30])
def test_the_overview_runs_a_fixed_number_of_queries(
    roles, goals, count, django_assert_max_num_queries
):
    assessment = SelfAssessmentFactory(team=roles["team_a"])
    for goal in goals:
        GoalRatingFactory(assessment=assessment, goal=goal, rating=1)
    for n in range(count):
        ResourceFactory(title=f"Guide {n}", cde_goals=goals[:3])
    with django_assert_max_num_queries(28):
        client_for("member_a", roles).get(reverse("assessments:overview", args=["team-a"]))


def test_the_library_filters_by_goal_and_area(roles, goals):
    home = home_page_ensure()
    library = ResourceIndexPageFactory(parent=home)
    area = EquityArea.objects.create(slug="programs", name="Programs")
    tagged = ResourceFactory(title="Placement audit toolkit", cde_goals=[goals[1]])
    tagged.equity_areas.set([area])
    tagged.save()
    ResourceFactory(title="Attendance letters", cde_goals=[goals[0]])
    client = client_for("member_a", roles)
    body = client.get(library.url + "?goal=goal-2").content.decode()
    assert "Placement audit toolkit" in body and "Attendance letters" not in body
    body = client.get(library.url + "?area=programs").content.decode()
    assert "Placement audit toolkit" in body and "Attendance letters" not in body


def test_the_program_page_filters_modules_by_goal(roles, goals):
    program = ProgramPageFactory(parent=home_page_ensure(), slug="eip")
    tagged = ModulePageFactory(
        parent=program, title="See the System", number=5, month=datetime.date(2027, 1, 1)
    )
    tagged.cde_goals.set([goals[0]])
    tagged.save_revision().publish()
    ModulePageFactory(parent=program, title="Launch", number=1, month=datetime.date(2026, 9, 1))
    body = client_for("member_a", roles).get(program.url + "?goal=goal-1").content.decode()
    assert "See the System" in body
    assert ">Launch<" not in body
