from cohorts.access import unread_notifications as unread_count


def unread_notifications(request):
    """The unread count in the header, for people who are logged in: read in the same query as
    their roles (`cohorts.access.person_roles`), none of its own."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notification_count": unread_count(user)}
