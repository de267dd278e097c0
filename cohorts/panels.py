"""Team space and cohort page are composed of panels that feature apps register.

`cohorts/` imports no feature app. A feature app adds, in its `wagtail_hooks.py`:

    @hooks.register(TEAM_SPACE_PANELS)
    def norms_panel(*, team, user, request):
        return Panel(template="norms/panel.html", context={...}, order=20)

    @hooks.register(COHORT_TEAM_COLUMNS)
    def norms_columns(*, cohort, teams, user):
        # one query set for all teams, never one per team; one Column or a list of them
        return [Column(label=_("Norms"), values={team.pk: "ratified 2026-10-02", ...}), ...]

    @hooks.register(COHORT_TEAM_ALERTS)
    def norms_alerts(*, teams):
        # teams may come from several cohorts (the program overview): use team.cohort
        return {team.pk: [_("No ratified norms by the third module")] for team in late_teams}

    @hooks.register(MY_PAGE_PANELS)
    def my_coaching_steps(*, user, request):
        return Panel(template="coaching/my_steps.html", context={...})

    @hooks.register(COHORT_PAGE_PANELS)
    def completion_heat_map(*, cohort, teams, user):
        return Panel(template="programs/completion_heat_map.html", context={...})

    @hooks.register(COHORT_WEEK_COUNTS)
    def entries_this_week(*, cohort_ids, since):
        # the admin home's "what changed" table: one grouped query for all cohorts
        entries = JournalEntry.objects.filter(created__gte=since, team__cohort__in=cohort_ids)
        return WeekCount(label=_("Entries"), counts=counts_by_cohort(entries, "team__cohort"))

A hook returns None to add nothing.

Team space panels are kept rendered (`team_space_panels`) when they say what their markup
shows in `cache_key`: the hub adds the team, its slug, cohort and `summary_version`, the
language, the time zone and today's date, so every write that changes a cached panel must call
`cohorts.services.team_summary_changed(team)` (or `team_touch`) in its transaction. Anything
about the reader (a role, a permission, the person) goes into `cache_key`. `context` may be a
function, called only when the markup is rendered, so a kept panel reads nothing; it may return
None to show nothing. A panel that names another team registers a `TEAM_NAMED_ON` hook
(`cohorts.services`) so renaming that team moves its version. A panel with a form (its CSRF
token is the reader's) or showing what no team write moves (a person's name) leaves
`cache_key` None and is rendered every time.

Column values are cached (`cohort_team_columns`): a column shows only what every manager of
the cohort may see (never depends on `user`), and every service that changes what it shows
calls `cohorts.services.team_summary_changed(team)` (or `team_touch`) in its transaction.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from django.template.context_processors import csrf
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise

from wagtail import hooks

from cohort_site.fragments import cached_html, cached_html_many, fragment_key

TEAM_SPACE_PANELS = "team_space_panels"
COHORT_TEAM_COLUMNS = "cohort_team_columns"
COHORT_TEAM_ALERTS = "cohort_team_alerts"
COHORT_PAGE_PANELS = "cohort_page_panels"
MY_PAGE_PANELS = "my_page_panels"  # the person's own page (My teams): what concerns them
COHORT_WEEK_COUNTS = "cohort_week_counts"  # the admin home: what changed in each cohort


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict | Callable[[], dict | None] = field(default_factory=dict)
    order: int = 100
    # Team space only: what the markup shows beyond the team's version (see the module doc);
    # None: rendered on every view.
    cache_key: tuple | None = None

    def render(self, **extra) -> str:
        context = self.context() if callable(self.context) else self.context
        if context is None:
            return ""
        return render_to_string(self.template, {"panel": context, **extra})


@dataclass(frozen=True)
class WeekCount:
    label: str
    counts: dict  # cohort pk -> how many this week
    order: int = 100


@dataclass(frozen=True)
class Column:
    label: str
    values: dict  # team pk -> text shown in the cell
    order: int = 100


def team_space_panels(*, team, user, request) -> list[str]:
    """Every app's team space panel rendered, in order: those with a `cache_key` from the
    cache in one read (only the missing ones read their data), the others each time."""
    found = (fn(team=team, user=user, request=request) for fn in hooks.get_hooks(TEAM_SPACE_PANELS))
    panels = sorted((p for p in found if p), key=lambda p: p.order)
    shared = (
        team.pk,
        team.slug,
        team.cohort_id,
        team.summary_version,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(),
    )
    keys = {
        n: fragment_key("team-panel", panel.template, *shared, *panel.cache_key)
        for n, panel in enumerate(panels)
        if panel.cache_key is not None
    }
    kept = cached_html_many(keys, lambda missing: {n: (panels[n].render(),) for n in missing})
    live = csrf(request)  # only panels rendered each time may hold a form
    return [kept[n][0] if n in kept else panel.render(**live) for n, panel in enumerate(panels)]


COLUMNS_CACHE_SECONDS = 60 * 60 * 24


def _teams_digest(cohort, teams) -> str:
    """The cohort's school year, its teams and each one's `summary_version`."""
    versions = ",".join(f"{t.pk}.{t.summary_version}" for t in sorted(teams, key=lambda t: t.pk))
    return hashlib.sha256(f"{cohort.school_year}|{versions}".encode()).hexdigest()[:32]


def _columns_key(cohort, teams) -> str:
    """Everything the columns' text depends on: the cohort's teams and each one's
    `summary_version`, the cohort's school year, the language, the time zone and today's date
    (overdue, "days since" and dates shown)."""
    return ":".join(
        [
            "cohort-columns",
            str(cohort.pk),
            _teams_digest(cohort, teams),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            timezone.localdate().isoformat(),
        ]
    )


def _plain(value):
    return str(value) if isinstance(value, Promise) else value


def cohort_team_columns(*, cohort, teams, user) -> list[Column]:
    """Every app's columns for the cohort's teams, cached until one of the teams changes (see
    the module doc). While the cache is unreachable every call computes them."""
    key = _columns_key(cohort, teams)
    cached = cache.get(key)
    if cached is not None:
        return [Column(label=label, values=values, order=order) for label, values, order in cached]
    columns = []
    for fn in hooks.get_hooks(COHORT_TEAM_COLUMNS):
        result = fn(cohort=cohort, teams=teams, user=user)
        columns.extend(result if isinstance(result, list | tuple) else [result])
    columns = sorted((c for c in columns if c), key=lambda c: c.order)
    cache.set(
        key,
        [(str(c.label), {pk: _plain(v) for pk, v in c.values.items()}, c.order) for c in columns],
        COLUMNS_CACHE_SECONDS,
    )
    return columns


def cohort_team_alerts(*, teams) -> dict[int, list[str]]:
    """Every registered alert for every team: {team pk: [alert text, ...]}.

    `teams` may span several cohorts (each team's `cohort` loaded): the program overview asks
    once for every cohort's teams, so its queries do not grow with the number of cohorts."""
    alerts: dict[int, list[str]] = {team.pk: [] for team in teams}
    for fn in hooks.get_hooks(COHORT_TEAM_ALERTS):
        for team_pk, messages in (fn(teams=teams) or {}).items():
            alerts.setdefault(team_pk, []).extend(messages)
    return alerts


def _alerts_key(cohort, teams, curriculum_version) -> str | None:
    """Everything the alerts depend on: the teams' versions (what the alerts count moves them,
    as for the columns), the cohort's dates, the curriculum's version and the cohort's release
    dates (when the third module opens: `programs.services.release_dates_save` moves the
    teams' versions), the language, the time zone, today and the hour ("no activity for 30
    days" may appear up to an hour after the 30th day ends)."""
    if curriculum_version is None:
        return None  # no cache to keep them in
    return ":".join(
        [
            "cohort-alerts",
            str(cohort.pk),
            _teams_digest(cohort, teams),
            f"{cohort.ends_on.isoformat()}.{cohort.program_id}.{curriculum_version}",
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            timezone.localdate().isoformat(),  # what the hooks compare with
            str(timezone.localtime().hour),
        ]
    )


def cohort_team_alerts_cached(*, cohort, teams) -> dict[int, list[str]]:
    """`cohort_team_alerts` for one cohort's teams (the dashboard), kept until one of the teams
    changes, the curriculum or the cohort's release dates change, or the hour turns."""
    from programs.public_cache import current_version

    key = _alerts_key(cohort, teams, current_version())
    cached = cache.get(key) if key else None
    if cached is not None:
        return cached
    alerts = {
        pk: [str(message) for message in messages]
        for pk, messages in cohort_team_alerts(teams=teams).items()
    }
    if key:
        cache.set(key, alerts, COLUMNS_CACHE_SECONDS)
    return alerts


def cached_panel(*, parts, template: str, context, order: int = 100) -> Panel:
    """A cohort page panel kept rendered (`cohort_site.fragments`) under `parts`, everything
    the panel shows (its cohort, the teams shown in their order with their versions, ...),
    plus its template, the language and the time zone. `context()` reads the panel's data only
    on a miss. A part that is None (the curriculum's version while the cache is down) renders
    the panel without keeping it."""
    key = None
    if None not in parts:
        key = fragment_key(
            "cohort-panel",
            template,
            *parts,
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
        )
    html = cached_html(key, Panel(template=template, context=context).render)
    return Panel(
        template="cohorts/includes/rendered_panel.html", context={"html": html}, order=order
    )


def cohort_page_panels(*, cohort, teams, user) -> list[Panel]:
    panels = [
        fn(cohort=cohort, teams=teams, user=user) for fn in hooks.get_hooks(COHORT_PAGE_PANELS)
    ]
    return sorted((p for p in panels if p), key=lambda p: p.order)


def my_page_panels(*, user, request) -> list[Panel]:
    panels = [fn(user=user, request=request) for fn in hooks.get_hooks(MY_PAGE_PANELS)]
    return sorted((p for p in panels if p), key=lambda p: p.order)


def counts_by_cohort(queryset, cohort_path: str) -> dict[int, int]:
    """Rows per cohort in one grouped query; `cohort_path` leads from a row to its cohort."""
    rows = queryset.values_list(cohort_path).annotate(number=Count("pk")).order_by()
    return dict(rows)


def cohort_week_counts(*, cohort_ids, since) -> list[WeekCount]:
    found = (fn(cohort_ids=cohort_ids, since=since) for fn in hooks.get_hooks(COHORT_WEEK_COUNTS))
    return sorted((count for count in found if count), key=lambda count: count.order)
