"""Bright spots: which signals are listed, what their words reveal, who sees them, at what cost."""

import datetime

import pytest

from django.urls import reverse

from cohorts.factories import TeamFactory
from improvement.brightspots import cohort_bright_spots
from improvement.factories import (
    ChangeIdeaFactory,
    ImprovementProjectFactory,
    MeasureFactory,
    PDSACycleFactory,
)
from improvement.models import BrightSpot, Observation
from improvement.services import measure_save, measure_signals_refresh, observation_add
from improvement.views.measures import run_charts
from tests.conftest import client_for
from tests.matrix import assert_no_store

from .conftest import add_points

pytestmark = pytest.mark.django_db

# 20 monthly points from Apr 2025: the last 8 (Apr–Nov 2026) reach into the 2026-27 school year.
START = datetime.date(2025, 4, 1)
BASE = [20, 22, 19, 21, 23, 18, 20, 22, 21, 19, 20, 22]
LOWER = BASE + [12, 11, 13, 12, 10, 11, 12, 13]  # a shift: 8 points below the median (19)
RISING = BASE + [21, 23, 25, 27, 29, 31]  # a trend: 6 points going up, no shift
ENDED = LOWER + [22, 21, 23, 20]  # the shift is over: the last points are back up


def measured(team, values, *, group="EL", direction="down", n=40, start=START, **fields):
    """A measure of `team`'s current project with `values` for `group`, signals refreshed."""
    project = ImprovementProjectFactory(team=team, focal_groups=["HI", "EL"])
    measure = MeasureFactory(project=project, direction=direction, groups=["ALL", group], **fields)
    add_points(measure, group, values, n=n, start=start)
    measure_signals_refresh([measure])
    return measure


def listed(cohort, **kwargs):
    return [
        (e.team.name, e.measure.name, e.spot.group, e.words)
        for e in cohort_bright_spots(cohort, **kwargs)
    ]


# --- which signals are bright spots -------------------------------------------------------------


def test_a_shift_on_the_better_side_for_a_focal_group_is_listed_in_words(roles):
    measure = measured(roles["team_a"], LOWER, name="Chronic absenteeism")
    assert listed(roles["cohort"]) == [
        ("Team A", "Chronic absenteeism", "EL", "8 points below the median since Apr 1, 2026")
    ]
    measure.baseline_points = 12
    measure.save()
    measure_signals_refresh([measure])
    words = listed(roles["cohort"])[0][3]
    assert words == "8 points below the baseline median since Apr 1, 2026"


def test_a_worsening_shift_is_not_a_bright_spot(roles):
    measured(roles["team_a"], LOWER, direction="up")  # lower values, but higher is better
    assert not BrightSpot.objects.exists()
    assert listed(roles["cohort"]) == []


def test_a_trend_the_better_way_is_listed_and_the_opposite_trend_is_not(roles):
    measured(roles["team_a"], RISING, direction="up", name="Greeted at check-in")
    assert listed(roles["cohort"])[0][3] == "6 points in a row going up since Apr 1, 2026"
    measured(roles["team_b"], RISING, direction="down")
    assert [row[0] for row in listed(roles["cohort"])] == ["Team A"]


def test_a_shift_that_has_ended_is_not_sustained(roles):
    measured(roles["team_a"], ENDED, start=datetime.date(2024, 12, 1))
    assert listed(roles["cohort"]) == []


def test_a_group_outside_the_projects_focal_groups_is_not_listed(roles):
    measure = measured(roles["team_a"], LOWER, group="SWD")
    assert BrightSpot.objects.filter(measure=measure, group="SWD").exists()  # stored, not shown
    assert listed(roles["cohort"]) == []
    project = measure.project
    project.focal_groups = ["SWD"]
    project.save()  # the team changes its focal groups: listed at once, nothing to recompute
    assert [row[2] for row in listed(roles["cohort"])] == ["SWD"]


def test_last_years_signal_is_not_listed(roles):
    # Sep 2024 – Apr 2026: the shift ends before the 2026-27 school year starts on July 1.
    measured(roles["team_a"], LOWER, start=datetime.date(2024, 9, 1))
    assert BrightSpot.objects.get().ends_on == datetime.date(2026, 4, 1)
    assert listed(roles["cohort"]) == []


def test_last_years_project_is_not_listed(roles):
    old = ImprovementProjectFactory(
        team=roles["team_a"], school_year="2025-26", focal_groups=["EL"]
    )
    measure = MeasureFactory(project=old, groups=["EL"])
    add_points(measure, "EL", LOWER, n=40, start=datetime.date(2024, 7, 1))
    measure_signals_refresh([measure])
    assert BrightSpot.objects.filter(measure=measure).exists()
    assert listed(roles["cohort"]) == []


# --- stored when the data changes ---------------------------------------------------------------


def test_adding_a_point_and_editing_the_measure_refresh_the_stored_bright_spots(roles):
    measure = measured(roles["team_a"], LOWER[:-1])
    spot = BrightSpot.objects.get(measure=measure)
    assert spot.points == 7
    observation_add(
        measure=measure, user=roles["member_a"], day=datetime.date(2026, 11, 1), group="EL",
        value=13, n=40,
    )  # fmt: skip
    assert BrightSpot.objects.get(measure=measure).points == 8
    fields = {f: getattr(measure, f) for f in ("name", "kind", "unit", "groups", "rules")}
    measure_save(project=measure.project, user=roles["member_a"], measure=measure,
                 direction="up", **fields)  # fmt: skip
    assert not BrightSpot.objects.filter(measure=measure).exists()


# --- suppression --------------------------------------------------------------------------------


def test_a_small_group_hidden_on_every_date_gives_no_bright_spot(roles):
    # Rule: bright spots are found on the figures a facilitator sees (the measure page's
    # suppressed cells); a group below 11 students is hidden, so it has no series at all.
    measured(roles["team_a"], LOWER, n=8)
    assert not BrightSpot.objects.exists()
    assert listed(roles["cohort"]) == []


def test_hidden_points_are_not_counted_and_the_words_match_the_facilitators_measure_page(roles):
    measure = measured(roles["team_a"], LOWER)
    # Two of the low months had fewer than 11 English learners: hidden outside the team.
    Observation.objects.filter(
        measure=measure, date__in=[datetime.date(2026, 5, 1), datetime.date(2026, 8, 1)]
    ).update(n=9)
    measure_signals_refresh([measure])
    [entry] = cohort_bright_spots(roles["cohort"])
    assert entry.words == "6 points below the median since Apr 1, 2026"
    # The facilitator's measure page draws these charts (the page keeps them rendered).
    charts = run_charts(measure.project, measure, insider=False)
    [chart] = [c for c in charts if c.key == "EL"]
    assert sum(row.signal for row in chart.rows) == entry.spot.points
    assert sum(row.suppressed for row in chart.rows) == 2


# --- the dashboard and the page -----------------------------------------------------------------


def with_cycle(measure, *, start, title="Texts home in Spanish", number=1):
    idea = ChangeIdeaFactory(project=measure.project)
    cycle = PDSACycleFactory(
        project=measure.project, change_idea=idea, ramp="Texts", number=number, title=title,
        planned_start=start,
    )  # fmt: skip
    cycle.measures.set([measure])
    return cycle


def test_the_dashboard_shows_the_bright_spot_with_the_cycles_behind_it(roles):
    measure = measured(roles["team_a"], LOWER, name="Chronic absenteeism")
    behind = with_cycle(measure, start=datetime.date(2026, 2, 2))
    with_cycle(measure, start=datetime.date(2025, 5, 1), title="Long before the shift", number=2)
    body = client_for("facilitator", roles).get(reverse("cohorts:cohort", args=["demo-cohort"]))
    html = body.content.decode()
    assert "Bright spots" in html
    assert "8 points below the median since Apr 1, 2026" in html
    assert behind.get_absolute_url() in html
    assert "Long before the shift" not in html
    assert measure.get_absolute_url() in html
    assert reverse("improvement:bright_spots", args=["demo-cohort"]) in html


def test_the_page_filters_by_student_group_and_keeps_bad_input_next_to_the_field(roles):
    measured(roles["team_a"], LOWER, group="EL", name="Absences EL")
    measured(roles["team_b"], LOWER, group="HI", name="Absences HI")
    client = client_for("site_admin", roles)
    url = reverse("improvement:bright_spots", args=["demo-cohort"])
    response = client.get(url)
    assert_no_store(response)
    html = response.content.decode()
    assert "Absences EL" in html and "Absences HI" in html
    html = client.get(url, {"group": "HI"}).content.decode()
    assert "Absences HI" in html and "Absences EL" not in html
    response = client.get(url, {"group": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors["group"]
    assert "Absences EL" in response.content.decode()  # unfiltered, with the message


def test_another_cohorts_facilitator_gets_404_and_sees_no_panel(roles):
    measured(roles["team_a"], LOWER, name="Chronic absenteeism")
    other = client_for("facilitator_other", roles)
    assert other.get(reverse("improvement:bright_spots", args=["demo-cohort"])).status_code == 404
    page = other.get(reverse("improvement:bright_spots", args=["other-cohort"]))
    assert "Chronic absenteeism" not in page.content.decode()


# --- bounded queries ----------------------------------------------------------------------------


def teams_with_bright_spots(cohort, count):
    for i in range(count):
        team = TeamFactory(cohort=cohort, slug=f"bright-{i}", name=f"Bright {i}")
        measure = measured(team, LOWER, name=f"Absences {i}")
        with_cycle(measure, start=datetime.date(2026, 3, 2))
        add_points(measure, "ALL", LOWER, n=400, start=START)


@pytest.mark.parametrize("count", [2, 50])
def test_dashboard_and_page_queries_do_not_grow_with_teams(
    roles, count, django_assert_max_num_queries
):
    teams_with_bright_spots(roles["cohort"], count)
    client = client_for("facilitator", roles)
    with django_assert_max_num_queries(30):
        dashboard = client.get(reverse("cohorts:cohort", args=["demo-cohort"]))
    assert dashboard.content.decode().count("8 points below the median") == min(count, 5)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("improvement:bright_spots", args=["demo-cohort"]))
    assert page.content.decode().count("8 points below the median") == count


# --- the demo -----------------------------------------------------------------------------------


def test_the_demo_shows_the_english_learners_shift_after_the_texts_home(roles):
    from cohorts.demo import TEAM_A_SLUG
    from improvement.demo import seed_improvement

    TeamFactory(cohort=roles["cohort"], slug=TEAM_A_SLUG, name="Mesa Linda")
    seed_improvement()
    entries = {(e.measure.name, e.spot.group): e for e in cohort_bright_spots(roles["cohort"])}
    english = entries["Chronic absenteeism (monthly)", "EL"]
    assert english.words == "9 points below the baseline median since Mar 1, 2026"
    assert [c.title for c in english.cycles] == [
        "Greet every focal student",
        "Texts to five families",
        "Automated texts",
    ]
