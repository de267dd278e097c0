"""The one place that decides who may see and do what with teams and cohorts.

Roles: site admin, facilitator of a cohort, lead of a team, member of a team, nobody.
Querysets call `Team.objects.visible_to(user)`; views and services ask the `can_*` functions.
Both are built from the query builders below (`current_memberships`, `facilitated_cohorts`,
`member_team_ids`, `member_cohort_ids`, `facilitated_cohort_ids`): feature apps use them too and
never write the membership or facilitator subquery by hand.
A site admin runs the site; that does not make them a reader of anyone's private writing
(feature apps decide that for their own private content).

**One meaning of "facilitator"**: a person who facilitates a cohort (`Cohort.facilitators`) or
belongs to the Facilitators group (which grants curriculum editing). Facilitators and site
admins must set up MFA when `COHORT_REQUIRE_STAFF_MFA` is on (`requires_mfa`), and only people
who may facilitate (the group and site admins) are offered as a cohort's facilitators.
"""

from django.db.models import Q

from accounts.roles import FACILITATORS_GROUP, in_facilitators_group, is_site_admin

__all__ = [
    "can_manage_cohort",
    "can_manage_team",
    "can_view_team",
    "current_memberships",
    "facilitated_cohort_ids",
    "facilitated_cohorts",
    "is_cohort_facilitator",
    "is_facilitator",
    "is_site_admin",
    "is_team_lead",
    "is_team_member",
    "may_facilitate_q",
    "member_cohort_ids",
    "member_team_ids",
    "requires_mfa",
    "team_role",
    "visible_team_q",
]


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


# --- Query builders: the membership and facilitator subqueries, written once -----------------


def current_memberships(user):
    """The person's current memberships (not yet left)."""
    from .models import Membership

    return Membership.objects.current().filter(user=user)


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
    from .models import Cohort

    return Cohort.objects.filter(facilitators=user)


def facilitated_cohort_ids(user):
    """Subquery: ids of the cohorts the person facilitates."""
    return facilitated_cohorts(user).values("pk")


def visible_team_q(user, *, team_field: str = "pk") -> Q:
    """Teams the person is on now or whose cohort they facilitate (site admins: see callers)."""
    cohort_field = "cohort" if team_field == "pk" else f"{team_field}__cohort"
    return Q(**{f"{team_field}__in": member_team_ids(user)}) | Q(
        **{f"{cohort_field}__in": facilitated_cohort_ids(user)}
    )


def may_facilitate_q() -> Q:
    """People who may be made a cohort's facilitator: the Facilitators group and site admins."""
    return Q(is_active=True) & (Q(groups__name=FACILITATORS_GROUP) | Q(is_superuser=True))


# --- Role tests ----------------------------------------------------------------------------


def _roles(user) -> dict:
    """The person's current team roles and facilitated cohorts, read once per user object."""
    cached = getattr(user, "_cohort_roles", None)
    if cached is None:
        cached = {
            "teams": dict(current_memberships(user).values_list("team_id", "role")),
            "cohorts": set(facilitated_cohorts(user).values_list("pk", flat=True)),
        }
        user._cohort_roles = cached
    return cached


def forget_roles(user) -> None:
    """Call after changing someone's memberships within the same request."""
    user.__dict__.pop("_cohort_roles", None)


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


def is_facilitator(user) -> bool:
    """Facilitates any cohort, or belongs to the Facilitators group."""
    return _active(user) and (bool(_roles(user)["cohorts"]) or in_facilitators_group(user))


def requires_mfa(user) -> bool:
    """Facilitators (in either sense) and site admins must use MFA when the site requires it."""
    return is_site_admin(user) or is_facilitator(user)


def can_view_team(user, team) -> bool:
    return (
        is_site_admin(user)
        or is_team_member(user, team)
        or is_cohort_facilitator(user, team.cohort)
    )


def can_manage_cohort(user, cohort) -> bool:
    """Facilitators of the cohort (and site admins) invite, move and remove people."""
    return is_site_admin(user) or is_cohort_facilitator(user, cohort)


def can_manage_team(user, team) -> bool:
    return can_manage_cohort(user, team.cohort)
