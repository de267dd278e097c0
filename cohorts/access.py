"""The one place that decides who may see and do what with teams and cohorts.

Roles: site admin, facilitator of a cohort, lead of a team, member of a team, nobody.
Querysets call `Team.objects.visible_to(user)`; views and services ask the `can_*` functions.
Both are built from the query builders below (`current_memberships`, `facilitated_cohorts`,
`member_team_ids`, `member_teams`, `member_cohort_ids`, `facilitated_cohort_ids`): feature apps
use them too and never write the membership or facilitator subquery by hand. Each team rule is
stated once here, as a filter (`visible_team_q`, `led_or_facilitated_team_q`) and as the
matching test of one team (`can_view_team`, `leads_or_facilitates`).
A site admin runs the site; that does not make them a reader of anyone's private writing
(feature apps decide that for their own private content).

The one meaning of "facilitator" (`is_facilitator`, `requires_mfa`, `may_facilitate_q`) is
defined beside the other site-wide roles in `accounts/roles.py` and re-exported here.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.models import CharField, Func, OuterRef, Q, Subquery, Value
from django.urls import reverse

from accounts.roles import (
    FACILITATORS_GROUP,
    is_facilitator,
    is_site_admin,
    may_facilitate_q,
    requires_mfa,
)

__all__ = [
    "can_manage_cohort",
    "can_manage_team",
    "can_view_team",
    "current_memberships",
    "facilitated_cohort_ids",
    "facilitated_cohorts",
    "facilitates_a_cohort",
    "is_cohort_facilitator",
    "is_facilitator",
    "is_site_admin",
    "is_team_lead",
    "is_team_member",
    "landing_url",
    "leads_or_facilitates",
    "led_or_facilitated_team_q",
    "may_facilitate_q",
    "may_follow_calendar",
    "member_cohort_ids",
    "may_review_proposals",
    "member_team_ids",
    "member_teams",
    "person_roles",
    "requires_mfa",
    "team_role",
    "unread_notifications",
    "visible_cohort_q",
    "visible_team_q",
]


def _model(name: str):
    """A cohorts model by name: cohorts.models imports this module, never the other way round."""
    return apps.get_model("cohorts", name)


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


# --- Query builders: the membership and facilitator subqueries, written once -----------------


def current_memberships(user):
    """The person's current memberships (not yet left)."""
    return _model("Membership").objects.current().filter(user=user)


def member_team_ids(user, *, leads_only: bool = False):
    """Subquery: ids of the teams the person is on now (or leads, with `leads_only`)."""
    memberships = current_memberships(user)
    if leads_only:
        memberships = memberships.leads()
    return memberships.values("team_id")


def member_cohort_ids(user):
    """Subquery: ids of the cohorts the person is on a team of now."""
    return current_memberships(user).values("team__cohort_id")


def facilitated_cohorts(user):
    """The cohorts the person facilitates (by `Cohort.facilitators`, not by site role)."""
    return _model("Cohort").objects.filter(facilitators=user)


def facilitated_cohort_ids(user):
    """Subquery: ids of the cohorts the person facilitates."""
    return facilitated_cohorts(user).values("pk")


def member_teams(user):
    """The teams the person is on now."""
    return _model("Team").objects.filter(pk__in=member_team_ids(user))


# --- The team rules, each stated once -------------------------------------------------------
# Each rule below has two faces: a filter (`*_q`, for querysets) and a test of one team (for
# views and services). Both read the same role facts, and tests/cohorts/test_access_rules.py
# checks that the two faces agree for every role.


def visible_team_q(user) -> Q:
    """Filter: teams a person may open (their own, the cohorts they facilitate; admins: all)."""
    if is_site_admin(user):
        return Q()
    if not _active(user):
        return Q(pk__in=[])
    return Q(pk__in=member_team_ids(user)) | Q(cohort__in=facilitated_cohort_ids(user))


def visible_cohort_q(user) -> Q:
    """Filter: cohorts whose shared pages a person may open (a team of theirs is in it, or they
    facilitate it; admins: all). Other cohorts' people get 404."""
    if is_site_admin(user):
        return Q()
    if not _active(user):
        return Q(pk__in=[])
    return Q(pk__in=member_cohort_ids(user)) | Q(pk__in=facilitated_cohort_ids(user))


def led_or_facilitated_team_q(user) -> Q:
    """Filter: teams the person leads now or whose cohort they facilitate (not by site role)."""
    if not _active(user):
        return Q(pk__in=[])
    return Q(pk__in=member_team_ids(user, leads_only=True)) | Q(
        cohort__in=facilitated_cohort_ids(user)
    )


# --- Role tests ----------------------------------------------------------------------------


def _roles(user) -> dict:
    """The person's current team roles and facilitated cohorts, read once per user object."""
    cached = getattr(user, "_cohort_roles", None)
    if cached is None:
        cached = person_roles(user)
    return cached


def person_roles(user) -> dict:
    """Every fact about the person that a logged-in page asks for, in one query, kept on the
    user object for the rest of the request: team roles, facilitated cohorts, the Facilitators
    group (`accounts.roles.in_facilitators_group` and `is_facilitator` then read it without a
    query of their own) and the header's count of unread notices (`unread_notifications`).

    Nothing is cached between requests: a membership removed, a notice read or sent shows on
    the next page."""
    cached = getattr(user, "_cohort_roles", None)
    if cached is not None:
        return cached
    if not _active(user):
        return {"teams": {}, "cohorts": set()}
    cached = {"teams": {}, "cohorts": set()}
    in_group, unread = False, 0
    for tag, value, role in _person_rows(user.pk):
        if tag == "team":
            cached["teams"][value] = role
        elif tag == "cohort":
            cached["cohorts"].add(value)
        elif tag == "group":
            in_group = True
        else:
            unread = value or 0
    user._cohort_roles = cached
    user._facilitator_flags = (in_group, bool(cached["cohorts"]))
    user._unread_notifications = unread
    return cached


def _person_query(user_pk: int):
    """The rows of `person_roles`: (kind, id or count, role), one query for all four."""

    def tagged(queryset, tag: str, pk: str, role=None):
        text = CharField()
        return queryset.order_by().values_list(
            Value(tag, output_field=text), pk, role or Value("", output_field=text)
        )

    User = get_user_model()
    unread = (
        apps.get_model("notifications", "Notification")
        .objects.filter(user=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .annotate(n=Func("pk", function="COUNT"))
        .values("n")
    )
    return (
        tagged(current_memberships(user_pk), "team", "team_id", "role")
        .union(
            tagged(
                _model("Cohort").facilitators.through.objects.filter(user=user_pk),
                "cohort",
                "cohort_id",
            ),
            tagged(
                User.groups.through.objects.filter(user=user_pk, group__name=FACILITATORS_GROUP),
                "group",
                "group_id",
            ),
            tagged(
                User.objects.filter(pk=user_pk).annotate(unread=Subquery(unread)),
                "unread",
                "unread",
            ),
            all=True,
        )
        .order_by()
    )


# Building the query above costs more Python than running it, and every logged-in request
# runs it: it is compiled once per database (with a stand-in for the person's id) and the
# person's id is put in its place each time. So every other parameter of it must be a constant:
# a date or a setting read while building it would be frozen for the life of the process.
_STAND_IN = -7_351_902_468
_person_sql: dict[str, tuple[str, list]] = {}


def _person_rows(user_pk: int) -> list[tuple]:
    alias = router.db_for_read(_model("Membership"))
    if alias not in _person_sql:
        sql, params = _person_query(_STAND_IN).query.get_compiler(alias).as_sql()
        _person_sql[alias] = (sql, list(params))
    sql, params = _person_sql[alias]
    params = [user_pk if param == _STAND_IN else param for param in params]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def unread_notifications(user) -> int:
    """The header's count of the person's unread notices (read with their roles)."""
    if not _active(user):
        return 0
    if getattr(user, "_unread_notifications", None) is None:
        user.__dict__.pop("_cohort_roles", None)
        person_roles(user)
    return user._unread_notifications


def forget_roles(user) -> None:
    """Call after changing someone's memberships within the same request."""
    user.__dict__.pop("_cohort_roles", None)
    user.__dict__.pop("_facilitator_flags", None)
    user.__dict__.pop("_unread_notifications", None)


def team_role(user, team) -> str | None:
    """'lead', 'member' or None for the person's current role on the team."""
    if not _active(user):
        return None
    return _roles(user)["teams"].get(team.pk)


def is_team_member(user, team) -> bool:
    """Leads are members too."""
    return team_role(user, team) is not None


def is_team_lead(user, team) -> bool:
    return team_role(user, team) == "lead"


def is_cohort_facilitator(user, cohort) -> bool:
    return _active(user) and cohort.pk in _roles(user)["cohorts"]


def can_view_team(user, team) -> bool:
    """Test of one team: the same rule as `visible_team_q`."""
    return (
        is_site_admin(user)
        or is_team_member(user, team)
        or is_cohort_facilitator(user, team.cohort)
    )


def leads_or_facilitates(user, team) -> bool:
    """Test of one team: the same rule as `led_or_facilitated_team_q` (site admins: no)."""
    return is_team_lead(user, team) or is_cohort_facilitator(user, team.cohort)


def may_follow_calendar(user, cohort) -> bool:
    """The cohort's session calendar: people on one of its teams now, its facilitators, admins."""
    return (
        is_site_admin(user)
        or is_cohort_facilitator(user, cohort)
        or (_active(user) and current_memberships(user).filter(team__cohort=cohort).exists())
    )


def can_manage_cohort(user, cohort) -> bool:
    """Facilitators of the cohort (and site admins) invite, move and remove people."""
    return is_site_admin(user) or is_cohort_facilitator(user, cohort)


def can_manage_team(user, team) -> bool:
    return can_manage_cohort(user, team.cohort)


def facilitates_a_cohort(user) -> bool:
    """Facilitates at least one cohort (by `Cohort.facilitators`, not by site role)."""
    return _active(user) and bool(_roles(user)["cohorts"])


def may_review_proposals(user) -> bool:
    """Partnership proposals are read by every cohort's facilitators and by site admins (each
    facilitator turns one into a team only in a cohort they facilitate)."""
    return _active(user) and (is_site_admin(user) or bool(_roles(user)["cohorts"]))


def landing_url(user) -> str | None:
    """Where a person lands after logging in, or None for the site's default.

    Site admins land on the program overview; a facilitator on their cohort's dashboard (or on
    My teams, which lists every cohort they facilitate, when they have several). Neither is
    ever sent to a page telling them they are not on a team yet.
    """
    if not _active(user):
        return None
    if is_site_admin(user):
        return reverse("cohorts:program")
    cohorts = _roles(user)["cohorts"]
    if len(cohorts) == 1 and not _roles(user)["teams"]:
        return _model("Cohort").objects.get(pk=next(iter(cohorts))).get_absolute_url()
    if cohorts:
        return reverse("cohorts:my_teams")
    return None
