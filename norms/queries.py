"""Reads for the norms pages, the team-space panel and the cohort page.

Each function runs a fixed number of queries, whatever the number of norms, members, votes and
check-ins.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cohorts.models import Membership

from .models import CheckIn, Endorsement, IdentityStatement, Norm, NormSet, Rating, Vote

DROP_THRESHOLD = 0.75  # an average this far below the previous check-in's is a fall
LOW_THRESHOLD = 2.5  # an average below this is low whatever came before


# ---------------------------------------------------------------------------
# Trend of check-in ratings
# ---------------------------------------------------------------------------


@dataclass
class Series:
    norm: Norm
    index: int
    points: list = field(default_factory=list)  # [(date, average, count)]

    @property
    def last(self):
        return self.points[-1][1] if self.points else None

    @property
    def previous(self):
        return self.points[-2][1] if len(self.points) > 1 else None

    @property
    def declining(self) -> bool:
        return is_declining([average for _date, average, _n in self.points])

    @property
    def css_class(self) -> str:
        return f"series-{self.index % 6}"


def is_declining(averages: list[float]) -> bool:
    """Suggest revisiting a norm whose last average fell 0.75 or more, or sits below 2.5."""
    if not averages:
        return False
    last = averages[-1]
    if last < LOW_THRESHOLD:
        return True
    return len(averages) > 1 and averages[-2] - last >= DROP_THRESHOLD


def rating_series(norm_set: NormSet | None, norms: list[Norm]) -> tuple[list, list[Series]]:
    """(meeting dates, one series per norm) for a ratified set, in one query.

    A norm carried into a re-ratified version keeps its lineage, so its series includes the
    check-ins recorded against earlier versions of the team's norms.
    """
    if norm_set is None or not norms:
        return [], []
    rows = (
        Rating.objects.filter(
            check_in__team_id=norm_set.team_id, norm__lineage__in=[n.lineage for n in norms]
        )
        .values("check_in__met_on", "norm__lineage")
        .annotate(average=Avg("value"), count=Count("id"))
        .order_by("check_in__met_on", "norm__lineage")
    )
    by_lineage = defaultdict(list)
    dates = []
    for row in rows:
        met_on = row["check_in__met_on"]
        if not dates or dates[-1] != met_on:
            dates.append(met_on)
        by_lineage[row["norm__lineage"]].append(
            (met_on, round(float(row["average"]), 2), row["count"])
        )
    series = [
        Series(norm=norm, index=i, points=by_lineage.get(norm.lineage, []))
        for i, norm in enumerate(norms)
    ]
    return dates, series


CHART = {"width": 640, "height": 260, "left": 48, "right": 16, "top": 16, "bottom": 40}


def chart_geometry(dates: list, series: list[Series]) -> dict:
    """Coordinates for the server-side SVG trend chart (ratings 1-4 over meeting dates)."""
    w, h = CHART["width"], CHART["height"]
    left, right, top, bottom = CHART["left"], CHART["right"], CHART["top"], CHART["bottom"]
    plot_w, plot_h = w - left - right, h - top - bottom
    step = plot_w / max(len(dates) - 1, 1)
    x_of = {
        d: round(left + (i * step if len(dates) > 1 else plot_w / 2), 1)
        for i, d in enumerate(dates)
    }

    def y_of(value):
        return round(top + plot_h - (value - 1) / 3 * plot_h, 1)

    lines = []
    for s in series:
        points = [(x_of[d], y_of(avg), d, avg) for d, avg, _n in s.points]
        lines.append(
            {
                "series": s,
                "polyline": " ".join(f"{x},{y}" for x, y, _d, _a in points),
                "points": points,
            }
        )
    return {
        **CHART,
        "plot_bottom": top + plot_h,
        "plot_right": w - right,
        "y_ticks": [{"value": v, "y": y_of(v)} for v in (1, 2, 3, 4)],
        "x_ticks": [{"date": d, "x": x_of[d]} for d in dates],
        "lines": lines,
    }


# ---------------------------------------------------------------------------
# Differences between versions
# ---------------------------------------------------------------------------


def norm_diff(old: list[Norm], new: list[Norm]) -> dict:
    """Added, removed and changed norms, matched by lineage (the same norm across versions)."""
    old_by = {n.lineage: n for n in old}
    new_by = {n.lineage: n for n in new}
    changed = [
        {"old": old_by[key], "new": norm}
        for key, norm in new_by.items()
        if key in old_by
        and (old_by[key].statement, old_by[key].in_practice) != (norm.statement, norm.in_practice)
    ]
    return {
        "added": [n for key, n in new_by.items() if key not in old_by],
        "removed": [n for key, n in old_by.items() if key not in new_by],
        "changed": changed,
        "has_changes": bool(changed) or set(old_by) != set(new_by),
    }


# ---------------------------------------------------------------------------
# The norms page
# ---------------------------------------------------------------------------


def norms_overview(team, user) -> dict:
    """Everything the norms page shows, in five queries (seven during a vote). The identity
    statement has its own page (views/statement.py)."""
    from .models import Condition

    sets = list(
        NormSet.objects.filter(team=team)
        .exclude(status=NormSet.Status.SUPERSEDED)
        .select_related("proposed_by", "closed_by")
        .prefetch_related(Prefetch("norms", queryset=Norm.objects.order_by("position", "pk")))
    )
    ratified = next((s for s in sets if s.status == NormSet.Status.RATIFIED), None)
    open_set = next((s for s in sets if s.status != NormSet.Status.RATIFIED), None)
    votes, tally, my_vote = [], None, None
    if open_set is not None and open_set.is_voting:
        # Who may still vote: read only while a vote is open.
        memberships = list(
            Membership.objects.current()
            .filter(team=team)
            .select_related("user")
            .order_by("user__display_name")
        )
        member_ids = {m.user_id for m in memberships}
        votes = list(open_set.votes.select_related("user"))
        tally = open_set.tally(votes, member_ids)
        my_vote = next((v for v in votes if v.user_id == user.pk), None)
        voted = {v.user_id for v in votes}
        tally["waiting_for"] = [m.user for m in memberships if m.user_id not in voted]
        votes = [v for v in votes if v.user_id in member_ids]
    conditions = list(Condition.objects.filter(team=team).select_related("author"))
    groups = defaultdict(list)
    for condition in conditions:
        groups[condition.group_label or _("Not grouped yet")].append(condition)
    ratified_norms = list(ratified.norms.all()) if ratified else []
    dates, series = rating_series(ratified, ratified_norms)
    return {
        "ratified": ratified,
        "ratified_norms": ratified_norms,
        "open_set": open_set,
        "open_norms": list(open_set.norms.all()) if open_set else [],
        "votes": votes,
        "tally": tally,
        "my_vote": my_vote,
        "conditions": conditions,
        "condition_groups": sorted(groups.items()),
        "dates": dates,
        "series": series,
        "revisit": [s.norm for s in series if s.declining],
    }


def panel_context(team, user) -> dict:
    """The team-space panel: current norms, norms to revisit, the current identity statement."""
    # The ratified set and the open one (draft or vote) in one query.
    current_sets = list(
        NormSet.objects.filter(
            team=team,
            status__in=[NormSet.Status.RATIFIED, NormSet.Status.DRAFT, NormSet.Status.VOTING],
        ).order_by("-number")
    )
    ratified = next((s for s in current_sets if s.status == NormSet.Status.RATIFIED), None)
    open_set = next((s for s in current_sets if s.status != NormSet.Status.RATIFIED), None)
    norms = list(ratified.norms.order_by("position", "pk")) if ratified else []
    _dates, series = rating_series(ratified, norms)
    return {
        "team": team,
        "ratified": ratified,
        "norms": norms,
        "revisit": [s.norm for s in series if s.declining],
        "open_set": open_set,
        "statement": IdentityStatement.objects.filter(team=team).first(),
    }


# ---------------------------------------------------------------------------
# The cohort page's columns
# ---------------------------------------------------------------------------


def cohort_columns(teams) -> dict:
    """{team pk: (norms status, last check-in, statement status)} for all teams in five queries."""
    team_ids = [t.pk for t in teams]
    members = defaultdict(set)
    for team_id, user_id in (
        Membership.objects.current().filter(team_id__in=team_ids).values_list("team_id", "user_id")
    ):
        members[team_id].add(user_id)
    sets = {}
    for norm_set in NormSet.objects.filter(team_id__in=team_ids).exclude(
        status=NormSet.Status.SUPERSEDED
    ):
        # An open set (draft or vote) says more about where the team is than the ratified one.
        if norm_set.team_id not in sets or norm_set.status != NormSet.Status.RATIFIED:
            sets[norm_set.team_id] = norm_set
    voting_ids = [s.pk for s in sets.values() if s.is_voting]
    voters = defaultdict(set)
    for set_id, user_id in Vote.objects.filter(norm_set_id__in=voting_ids).values_list(
        "norm_set_id", "user_id"
    ):
        voters[set_id].add(user_id)
    last_check_in = dict(
        CheckIn.objects.filter(team_id__in=team_ids)
        .values("team_id")
        .annotate(last=Max("met_on"))
        .values_list("team_id", "last")
    )
    statements = {}
    for statement in (
        IdentityStatement.objects.filter(team_id__in=team_ids)
        .order_by("team_id", "-number")
        .prefetch_related(
            Prefetch("endorsements", queryset=Endorsement.objects.only("statement_id", "user_id"))
        )
    ):
        statements.setdefault(statement.team_id, statement)
    values = {}
    for team_id in team_ids:
        norm_set = sets.get(team_id)
        team_members = members[team_id]
        if norm_set is None:
            status = _("not started")
        elif norm_set.is_voting:
            status = _("voting (%(voted)s of %(members)s)") % {
                "voted": len(voters[norm_set.pk] & team_members),
                "members": len(team_members),
            }
        elif norm_set.is_draft:
            status = _("drafting")
        else:
            status = _("ratified on %(date)s") % {
                "date": timezone.localdate(norm_set.ratified_at).isoformat()
            }
        checked = last_check_in.get(team_id)
        statement = statements.get(team_id)
        if statement is None:
            statement_status = _("not started")
        else:
            endorsed = len({e.user_id for e in statement.endorsements.all()} & team_members)
            statement_status = _("version %(number)s, endorsed by %(endorsed)s of %(members)s") % {
                "number": statement.number,
                "endorsed": endorsed,
                "members": len(team_members),
            }
        values[team_id] = (
            status,
            date_format(checked, "Y-m-d") if checked else _("none yet"),
            statement_status,
        )
    return values
