from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import in_facilitators_group, is_site_admin
from cohorts.access import person_roles


def navigation(request):
    """The header shows only what this person can reach.

    The Facilitators group is read with the person's other roles in one query, kept for the
    request (`cohorts.access.person_roles`): pages that ask about teams read no more."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append({"label": _("My teams"), "url": reverse("cohorts:my_teams")})
        items.append({"label": _("Journal"), "url": reverse("journals:list")})
        items.append({"label": _("Feedback"), "url": reverse("feedback:inbox")})
        items.append({"label": _("Profile"), "url": reverse("profile")})
        person_roles(user)  # with the unread count, in one query kept for the request
        if is_site_admin(user):
            items.append({"label": _("Program"), "url": reverse("cohorts:program")})
        if is_site_admin(user) or in_facilitators_group(user):
            items.append({"label": _("Curriculum admin"), "url": "/admin/"})
    return {"nav_items": items}
