"""Site-wide roles. Team and cohort roles live in the cohorts access layer."""

from django.contrib.auth.models import Group

FACILITATORS_GROUP = "Facilitators"


def is_site_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def is_facilitator(user) -> bool:
    """Facilitators belong to the Facilitators group, which also grants curriculum editing."""
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        cached = user.groups.filter(name=FACILITATORS_GROUP).exists()
        user._is_facilitator = cached
    return cached


def requires_mfa(user) -> bool:
    return is_site_admin(user) or is_facilitator(user)


def facilitators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    return group
