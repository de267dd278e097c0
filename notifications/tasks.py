"""Email leaves through Django's tasks framework, so a slow mail server never slows a page.

Development and tests run tasks immediately; production queues them in the database
(django-tasks-db) for `manage.py db_worker`.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _


@task
def email_notification(notification_id: int) -> None:
    from .models import Notification

    notification = (
        Notification.objects.select_related("user")
        .filter(pk=notification_id, emailed_at__isnull=True)
        .first()
    )
    if notification is None:
        return
    send_mail(
        subject=notification.title,
        message=render_to_string(
            "notifications/email/notification.txt", {"notification": notification}
        ),
        from_email=None,
        recipient_list=[notification.user.email],
    )
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task
def email_digest(user_id: int, notification_ids: list[int]) -> None:
    from .models import Notification

    notifications = list(
        Notification.objects.select_related("user").filter(
            pk__in=notification_ids, user_id=user_id, emailed_at__isnull=True
        )
    )
    if not notifications:
        return
    with transaction.atomic():
        send_mail(
            subject=_("Your daily summary from the Equity Improvement Project"),
            message=render_to_string(
                "notifications/email/digest.txt", {"notifications": notifications}
            ),
            from_email=None,
            recipient_list=[notifications[0].user.email],
        )
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            emailed_at=timezone.now()
        )
