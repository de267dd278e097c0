"""Run charts and the driver diagram: markup from autoescaped templates, numbers SVG can read."""

import datetime
from types import SimpleNamespace

from django.utils import translation

from improvement.charts import analyse_series, render_svg
from improvement.diagram import render_driver_diagram

DAYS = [datetime.date(2025, month, 1) for month in range(1, 13)]
VALUES = [20.5, 22, 19, 21, 23, 18, 20, 22, 21, 19, 20, 22]
MEASURE = SimpleNamespace(
    baseline_restart_on=None, rules="ihi", baseline_points=None, direction="up"
)


def chart(**kwargs):
    result = analyse_series(list(zip(DAYS, VALUES, strict=True)), MEASURE)
    return render_svg(result, chart_id="m1-ALL", unit="percent", **kwargs)


def test_text_in_a_chart_is_escaped_not_markup():
    svg = chart(
        title="<script>alert(1)</script>",
        desc="Desc & <b>more</b>",
        markers=[(DAYS[3], 'PDSA 2: "<img src=x>"')],
    )
    assert "<script>" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert svg.count("<svg") == 1 and svg.count("</svg>") == 1


def test_chart_coordinates_stay_unlocalised_in_a_language_with_decimal_commas():
    with translation.override("de"):
        svg = chart(title="T", desc="D")
    points = svg.split('<polyline points="')[1].split('"')[0]
    assert "," in points and all(pair.count(",") == 1 for pair in points.split())
    assert "60.0," in points  # a decimal point, not "60,0"


def test_the_driver_diagram_escapes_item_text():
    primary = SimpleNamespace(
        pk=1, text="Belonging <script>x</script>", children=SimpleNamespace(all=list)
    )
    idea = SimpleNamespace(pk=2, text="Call & log", drivers=SimpleNamespace(all=lambda: [primary]))
    svg = render_driver_diagram(aim_text="Aim <b>", primaries=[primary], ideas=[idea])
    assert "<script>" not in svg and "<b>" not in svg
    assert "Belonging &lt;script&gt;" in svg and "Call &amp; log" in svg
    assert svg.count("<line ") == 2  # aim → driver, driver → idea
