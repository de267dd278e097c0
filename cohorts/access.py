"""The one place that decides who may see and do what with teams and cohorts.

Roles: site admin, facilitator of a cohort, lead of a team, member of a team, nobody.
Querysets call `Team.objects.visible_to(user)`; views and services ask the `can_*` functions.
A site admin runs the site; that does not make them a reader of anyone's private writing
(feature apps decide that for their own private content).
"""

from accounts.roles import is_site_admin

__all__ = [
    "can_manage_cohort",
    "can_manage_team",
    "can_view_team",
    "is_cohort_facilitator",
    "is_site_admin",
    "is_team_lead",
    "is_team_member",
    "team_role",
]


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _roles(user) -> dict:
    """The person's current team roles and facilitated cohorts, read once per user object."""
    cached = getattr(user, "_cohort_roles", None)
    if cached is None:
        from .models import Cohort, Membership

        memberships = Membership.objects.current().filter(user=user).values_list("team_id", "role")
        cached = {
            "teams": dict(memberships),
            "cohorts": set(Cohort.objects.filter(facilitators=user).values_list("pk", flat=True)),
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
