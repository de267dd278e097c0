"""The improvement pages' charts and read-only sections, rendered once and kept in the cache.

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

Around the charts, the rest of what the project, printable and measure pages show to every
reader of a kind is kept too (`project_page_key`, `measure_page_key`), keyed on the project's
`content_version`: a new value stored on its row in the transaction of every write to what
those pages show (`services.project_content_changed`: the project, aim, drivers, change ideas,
PDSA cycles and their linked measures, and through `measure_signals_refresh` every measure and
point). A kept page section then reads no driver, idea, cycle, measure or link. The keys also
name the kind of reader (team insider or not, and for the project page whether they may write
or manage, which decides its edit links), the team's name and addresses, language and time
zone. Comments, data dialogues, forms with their CSRF tokens and anything else per person stay
live; the add-a-point and baseline forms' visible fields are kept per measure version and
language only while unbound (`form_key`): their one-time submission key is rendered live.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

import django
from django.utils import timezone, translation

from cohort_site.fragments import fragment_key

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
# The code that draws the kept markup: a release that changes it starts new keys (no stale
# markup).
DRAWING_FILES = [
    *(ROOT / "improvement" / name for name in (
        "charts.py", "control_display.py", "runchart.py", "controlchart.py", "suppression.py",
        "diagram.py", "queries.py",
    )),
    *(TEMPLATES / "improvement" / name for name in (
        "_chart.html", "_chart_list.html", "_control_chart.html", "_control_chart_list.html",
        "_project_body.html", "_print_body.html", "_measure_head.html", "_measure_charts.html",
        "_aim.html", "_diagram_views.html", "_outline.html", "_driver_diagram_svg.html",
        "package/_idea_badges.html",
    )),
    *(TEMPLATES / "includes" / name for name in (
        "form_visible_fields.html", "field_help_errors.html", "error_summary.html",
    )),
]  # fmt: skip


@functools.cache
def _prefix() -> str:
    digest = hashlib.sha256()
    for path in DRAWING_FILES:
        if path.exists():
            digest.update(path.read_bytes())
    return f"improvement-charts:{digest.hexdigest()[:12]}:{django.get_version()}"


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


def _place():
    return translation.get_language(), timezone.get_current_timezone_name()


def project_page_key(
    project, *, page: str, team, insider: bool, can_write: bool = False, can_manage: bool = False
) -> str:
    """The key of the project page's read-only sections (`page` "project") or the printable
    project (`page` "print") as this kind of reader sees them."""
    parts = (
        str(project.content_version),
        page,
        bool(insider),
        bool(can_write),
        bool(can_manage),
        team.name,
        team.slug,
        team.cohort.slug,
        *_place(),
    )
    return fragment_key(f"{_prefix()}:project:{project.pk}", *parts)


def measure_page_key(measure, *, project, team_slug: str, insider: bool) -> str:
    """The key of the measure page's description and charts as this kind of reader sees them.
    The PDSA cycle markers and the aim's focal group are named by the project's
    `content_version` (every cycle, link and aim write moves it), so a kept copy reads no
    cycle."""
    parts = (
        str(measure.charts_version),
        str(project.content_version),
        bool(insider),
        team_slug,
        *_place(),
    )
    return fragment_key(f"{_prefix()}:measure-page:{measure.pk}", *parts)


def form_key(name: str, *, version) -> str:
    """The key of an unbound form's visible fields (labels, widgets, values from `version`'s
    row): the same for everyone who may use the form."""
    return fragment_key(f"{_prefix()}:form:{name}", str(version), *_place())
