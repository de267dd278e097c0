from .models import Notification


def unread_notifications(request):
    """The unread count in the header: one small query for people who are logged in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notification_count": Notification.objects.for_user(user).unread().count()}
