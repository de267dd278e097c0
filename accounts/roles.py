"""Site-wide roles, and the one meaning of "facilitator". Team and cohort roles live in the
cohorts access layer (`cohorts/access.py`), which re-exports these.

A **facilitator** is a person who facilitates a cohort (`Cohort.facilitators`, which grants
access to its teams) or belongs to the Facilitators group (which grants curriculum editing).
Facilitators and site admins must set up MFA when `COHORT_REQUIRE_STAFF_MFA` is on
(`requires_mfa`); only the group's members and site admins may be made a cohort's facilitator
(`may_facilitate_q`, which limits the cohort form).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q

FACILITATORS_GROUP = "Facilitators"


def is_site_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def may_facilitate_q() -> Q:
    """People who may be made a cohort's facilitator: the Facilitators group and site admins."""
    return Q(is_active=True) & (Q(groups__name=FACILITATORS_GROUP) | Q(is_superuser=True))


def _facilitator_flags(user) -> tuple[bool, bool]:
    """(in the Facilitators group, facilitates a cohort), read in one query and kept."""
    cached = getattr(user, "_facilitator_flags", None)
    if cached is None:
        User = get_user_model()
        cached = (
            User.objects.filter(pk=user.pk)
            .annotate(
                in_group=Exists(Group.objects.filter(name=FACILITATORS_GROUP, user=OuterRef("pk"))),
                facilitates=Exists(
                    User.objects.filter(pk=OuterRef("pk"), facilitated_cohorts__isnull=False)
                ),
            )
            .values_list("in_group", "facilitates")
            .get()
        )
        user._facilitator_flags = cached
    return cached


def in_facilitators_group(user) -> bool:
    """The Facilitators group grants curriculum editing in the Wagtail admin."""
    if not (user.is_authenticated and user.is_active):
        return False
    return _facilitator_flags(user)[0]


def is_facilitator(user) -> bool:
    """Facilitates any cohort, or belongs to the Facilitators group."""
    if not (user.is_authenticated and user.is_active):
        return False
    return any(_facilitator_flags(user))


def requires_mfa(user) -> bool:
    """Facilitators (in either sense) and site admins must use MFA when the site requires it."""
    return is_site_admin(user) or is_facilitator(user)


def facilitators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    return group
