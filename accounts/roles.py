"""Site-wide roles. Team and cohort roles, and who counts as a facilitator (and so must use
MFA), live in the cohorts access layer (`cohorts/access.py`)."""

from django.contrib.auth.models import Group

FACILITATORS_GROUP = "Facilitators"


def is_site_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def in_facilitators_group(user) -> bool:
    """The Facilitators group grants curriculum editing in the Wagtail admin.

    Being a facilitator (and needing MFA) is wider: see `cohorts.access.is_facilitator`.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        cached = user.groups.filter(name=FACILITATORS_GROUP).exists()
        user._is_facilitator = cached
    return cached


def facilitators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    return group
