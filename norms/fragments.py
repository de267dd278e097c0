"""The norms page's trend chart and its table, rendered once for each distinct picture.

The chart (`templates/norms/_chart.html`) is a pure function of what it shows: the meeting
dates, each norm's statement and place in the legend, its averages and counts, and the reader's
language (words, date formats). The cache key is a digest of exactly that, so nothing needs
invalidating: a new check-in or a reworded norm is another key, and a copy is only ever reused
for a chart that would render to the same characters. Without the cache it is rendered.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from .queries import chart_geometry

TIMEOUT = 60 * 60 * 24 * 7


def _key(dates, series) -> str:
    shown = (
        translation.get_language(),
        tuple(dates),
        tuple((s.index, s.norm.statement, tuple(s.points)) for s in series),
    )
    return "norms-chart:" + hashlib.sha256(repr(shown).encode()).hexdigest()


def trend_chart(dates, series) -> str:
    """The chart and table for these ratings ("" when there is no check-in yet)."""
    if not dates:
        return ""
    key = _key(dates, series)
    html = cache.get(key)
    if html is None:
        context = {"chart": chart_geometry(dates, series), "dates": dates, "series": series}
        html = str(render_to_string("norms/_chart.html", context))
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)  # noqa: S308 (our own template's autoescaped output)
