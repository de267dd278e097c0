"""Control charts on the measure page (issue 21, item 3): chosen per measure, limits and the
rule that fired shown with a data table, suppressed for outsiders like the run charts."""

import pytest

from django.urls import reverse

from improvement.factories import MeasureFactory
from improvement.services import measure_signals_refresh
from tests.conftest import client_for

from .conftest import add_points

pytestmark = pytest.mark.django_db

# Steady around 20, then one point far above: outside the upper limit (XmR, "count" unit).
WITH_OUTLIER = [20, 22, 19, 21, 20, 22, 19, 21, 20, 22, 19, 21, 45, 20]


def _page(role, roles, measure):
    url = reverse("improvement:measure", args=["team-a", measure.pk])
    return client_for(role, roles).get(url).content.decode()


def _measure(project, **fields):
    return MeasureFactory(**{"project": project["project"], "groups": ["ALL"], "unit": "count",
                             **fields})  # fmt: skip


def test_a_measure_shows_run_charts_only_until_a_control_chart_is_chosen(roles, project):
    measure = _measure(project, name="Referrals")
    add_points(measure, "ALL", WITH_OUTLIER)
    assert "Control charts by student group" not in _page("member_a", roles, measure)

    response = client_for("member_a", roles).post(
        reverse("improvement:baseline", args=["team-a", measure.pk]),
        {"charts": "both", "baseline_points": "12"},
    )

    assert response.status_code == 302
    html = _page("member_a", roles, measure)
    assert "Control charts by student group" in html
    assert "Run charts by student group" in html
    assert "Point outside the limits: above the upper limit" in html
    assert "XmR (individuals) chart" in html
    assert 'class="control-limit"' in html
    assert "2 of 3 near a limit" not in html.split("<tbody>", 1)[0]  # the table names the rule
    assert "outside the limits</td>" in html
    assert "A shift: 8 or more points in a row" in html  # the rules are stated on the page


def test_control_only_hides_the_run_charts(roles, project):
    measure = _measure(project, name="Referrals", charts="control")
    add_points(measure, "ALL", WITH_OUTLIER)
    html = _page("member_a", roles, measure)
    assert "Run charts by student group" not in html
    assert html.count('class="run-chart control-chart"') == 1


def test_a_percentage_with_counts_gets_a_p_chart(roles, project):
    from improvement.models import Observation

    from .conftest import monthly

    measure = MeasureFactory(
        project=project["project"], name="On time", groups=["ALL"], charts="control"
    )
    Observation.objects.bulk_create(
        Observation(measure=measure, date=day, group="ALL", value=100 * k / 50, numerator=k,
                    denominator=50, n=50)
        for day, k in zip(monthly(30), [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22,
                                       8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6],
                          strict=True)
    )  # fmt: skip
    html = _page("member_a", roles, measure)
    assert "P chart" in html
    assert "limits 5.2% to 41.0%" in html  # Montgomery's orange-juice limits, in percent
    assert html.count("<strong>Special cause:</strong> Point outside the limits") == 2


def test_outsiders_get_no_control_chart_for_a_group_under_eleven(roles, project):
    measure = _measure(project, name="Small group", charts="control", groups=["ALL", "FOS"])
    add_points(measure, "ALL", WITH_OUTLIER, n=400)
    add_points(measure, "FOS", WITH_OUTLIER, n=7)
    inside = _page("member_a", roles, measure)
    outside = _page("facilitator", roles, measure)
    assert inside.count('class="run-chart control-chart"') == 2
    assert outside.count('class="run-chart control-chart"') == 1
    assert "Foster youth, XmR" not in outside


def test_the_measure_page_query_count_does_not_grow_with_points(
    roles, project, django_assert_max_num_queries
):
    measure = _measure(project, name="Referrals", charts="both")
    add_points(measure, "ALL", WITH_OUTLIER[:2])
    client = client_for("member_a", roles)
    url = reverse("improvement:measure", args=["team-a", measure.pk])
    with django_assert_max_num_queries(30) as small:  # drawn
        client.get(url)
    measure.observations.all().delete()
    add_points(measure, "ALL", (WITH_OUTLIER * 3)[:30])
    measure_signals_refresh([measure])  # as the services do: the page is drawn again
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
    # Kept: the person, the team, their roles, the measure with its project, the dialogues
    # (was 7: the project, then the measure, and the cycles for the chart markers).
    with django_assert_max_num_queries(5):
        client.get(url)


def test_the_drawing_keeps_decimal_points_in_a_locale_with_decimal_commas(roles, project):
    import re

    from django.template.loader import render_to_string
    from django.utils import translation

    from improvement.control_display import build_control_charts

    measure = _measure(project, name="Referrals", charts="control")
    add_points(measure, "ALL", [20.5, 21.25, 19.75, 22.5])
    (chart,) = build_control_charts(measure, measure.observations.all(), insider=True)
    with translation.override("es"):
        html = render_to_string("improvement/_control_chart.html", {"chart": chart})

    coordinates = re.findall(r' (?:points|cx|cy|x|y|x1|x2|y1|y2)="([^"]*)"', html)
    assert coordinates and not any("," in c and " " not in c for c in coordinates)
    assert all(re.fullmatch(r"[-0-9. ,]+", c) for c in coordinates)


def test_the_norms_trend_chart_keeps_decimal_points_in_a_decimal_comma_locale():
    import datetime
    import re
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    from norms.queries import Series, chart_geometry

    norm = SimpleNamespace(statement="We start on time", lineage=1)
    days = [datetime.date(2026, 9, 3), datetime.date(2026, 10, 1), datetime.date(2026, 11, 5)]
    series = [Series(norm=norm, index=0, points=[(d, 2.5, 6) for d in days])]
    chart = chart_geometry(days, series)
    with translation.override("es"):
        html = render_to_string(
            "norms/_chart.html", {"chart": chart, "dates": days, "series": series}
        )

    svg = html.split("</svg>", 1)[0]
    single = re.findall(r' (?:cx|cy|x|y|x1|x2|y1|y2)="([^"]*)"', svg)
    pairs = " ".join(re.findall(r' points="([^"]*)"', svg)).split()
    assert single and all(re.fullmatch(r"-?[0-9.]+", value) for value in single)
    assert pairs and all(re.fullmatch(r"-?[0-9.]+,-?[0-9.]+", pair) for pair in pairs)
