"""The norms page's trend chart and its table, rendered once for each distinct picture.

The chart (`templates/norms/_chart.html`) is a pure function of what it shows: the meeting
dates, each norm's statement and place in the legend, its averages and counts, and the reader's
language (words, date formats). The cache key is a digest of exactly that, so nothing needs
invalidating: a new check-in or a reworded norm is another key, and a copy is only ever reused
for a chart that would render to the same characters. Without the cache it is rendered.
"""

from django.template.loader import render_to_string
from django.utils import translation

from cohort_site.fragments import DAY, cached_html, fragment_key

from .queries import chart_geometry


def _key(dates, series) -> str:
    return fragment_key(
        "norms-chart",
        translation.get_language(),
        tuple(dates),
        tuple((s.index, s.norm.statement, tuple(s.points)) for s in series),
    )


def trend_chart(dates, series) -> str:
    """The chart and table for these ratings ("" when there is no check-in yet)."""
    if not dates:
        return ""

    def render():
        context = {"chart": chart_geometry(dates, series), "dates": dates, "series": series}
        return render_to_string("norms/_chart.html", context)

    return cached_html(_key(dates, series), render, timeout=7 * DAY)
