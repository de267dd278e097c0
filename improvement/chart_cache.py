"""The improvement pages' charts, rendered once and kept in the cache.

Drawing a measure's run and control charts with their data tables is most of the project, print
and measure pages' work, yet the figures change only when someone writes. So each page keeps
the rendered markup of a measure's charts under a key naming everything the markup depends on:

- the measure and its `charts_version`, a new value on every write to the measure or its data
  (`services.measure_signals_refresh`: saving a measure or its baseline, adding points, imports,
  the demo and `seed_scale`). The version lives on the measure's row, so writes made while the
  cache was unreachable still make the old copies unreachable; the measure's own settings are
  named too;
- whether the reader sees small cells (the owning team) or suppressed figures (anyone else):
  the only thing about the reader the charts show;
- what the page draws around the data: the page (which charts, compact or not), the focal group,
  the PDSA cycle markers (dates and labels), the team's address (the tables' CSV link);
- the active language and time zone (words, dates and numbers);
- the code that draws them (a digest of its files), so a release never serves older markup.

A miss, or the cache being down, just renders the charts again (`cohort_site.fragments`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

from django.utils import timezone, translation

from cohort_site.fragments import fragment_key

ROOT = Path(__file__).resolve().parent.parent
# The code that draws the charts: a release that changes it starts new keys (no stale markup).
DRAWING_FILES = [
    *(ROOT / "improvement" / name for name in (
        "charts.py", "control_display.py", "runchart.py", "controlchart.py", "suppression.py",
    )),
    *(ROOT / "templates" / "improvement" / name for name in (
        "_chart.html", "_chart_list.html", "_control_chart.html", "_control_chart_list.html",
    )),
]  # fmt: skip


@functools.cache
def _prefix() -> str:
    digest = hashlib.sha256()
    for path in DRAWING_FILES:
        if path.exists():
            digest.update(path.read_bytes())
    return f"improvement-charts:{digest.hexdigest()[:12]}"


def chart_key(
    measure,
    *,
    page: str,
    insider: bool,
    focal: str | None,
    markers: Iterable[tuple],
    team_slug: str,
) -> str:
    """The cache key of one measure's charts as `page` draws them for this kind of reader."""
    parts = (
        str(measure.charts_version),
        measure.name,
        measure.unit,
        measure.direction,
        measure.rules,
        measure.groups,
        measure.baseline_points,
        measure.baseline_restart_on,
        measure.charts,
        page,
        bool(insider),
        focal,
        tuple(markers),
        team_slug,
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )
    return fragment_key(f"{_prefix()}:{measure.pk}", *parts)
