"""The one way feature apps tell a person something: `notify(...)`."""

from collections import defaultdict
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .emails import DIGEST, recipient_locale, render_email, site_url
from .models import Delivery, Notification, Preference
from .outbox import queue_email


def delivery_for(user, kind: str) -> str:
    preference = (
        Preference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    )
    return preference or Delivery.IMMEDIATE


def notify(
    *,
    user,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    send_email: bool = True,
    actor=None,
    time_zone: str = "",
    key: str = "",
) -> Notification:
    """Record an in-app notification and email it now, in the daily digest, or never.

    `send_email=False` when the caller already emailed the person about the same thing.
    `actor`: the person whose name (`actor.name`) the title or body carries, so that the name
    can be taken out if they delete their account (`actor_erase`).
    Callers write `title` and `body` inside `recipient_locale(user)`, so they are in the
    recipient's language; `time_zone` (a cohort's) is the one the email's times are shown in.
    `key` names the event for reminders from daily jobs: a second notice with the same key for
    the same person is not created (nor emailed); the first one is returned.
    """
    if key and (earlier := Notification.objects.filter(user=user, key=key).first()):
        return earlier
    email_now = send_email and user.is_active and delivery_for(user, kind) == Delivery.IMMEDIATE
    try:
        with transaction.atomic():
            # `emailed_at`: handed to the outbox (or not to be emailed); digests skip these.
            notification = Notification.objects.create(
                user=user,
                key=key,
                kind=kind,
                actor=actor,
                actor_name=actor.name if actor else "",
                title=title[:200],
                body=body,
                url=url,
                emailed_at=timezone.now() if email_now or not send_email else None,
            )
            if email_now:
                # Queued in the same transaction: a rolled-back write sends nothing.
                with recipient_locale(user, time_zone=time_zone):
                    email = render_email(
                        "notifications/email/notification",
                        {"notification": notification, "link": site_url(notification.url)},
                        subject=notification.title,
                        user=user,
                        kind=kind,
                    )
                queue_email(
                    to=user.email,
                    subject=email.subject,
                    body=email.body,
                    html_body=email.html_body,
                    headers=email.headers,
                    key=f"notification:{notification.pk}",
                    topic=f"notification:{notification.pk}",
                    user=user,
                )
    except IntegrityError:
        if not key:
            raise
        # Another run of the same job told this person first.
        return Notification.objects.get(user=user, key=key)
    return notification


def digests_send(*, now=None) -> int:
    """Queue one digest per person for the last day's digest notifications; returns how many."""
    now = now or timezone.now()
    digest_kinds = defaultdict(set)
    for user_id, kind in Preference.objects.filter(delivery=Delivery.DIGEST).values_list(
        "user_id", "kind"
    ):
        digest_kinds[user_id].add(kind)
    pending = defaultdict(list)
    for pk, user_id, kind in Notification.objects.filter(
        emailed_at__isnull=True, user_id__in=digest_kinds, created_at__gte=now - timedelta(days=1)
    ).values_list("pk", "user_id", "kind"):
        if kind in digest_kinds[user_id]:
            pending[user_id].append(pk)
    for ids in pending.values():
        digest_queue(notification_ids=ids, now=now)
    return len(pending)


@transaction.atomic
def digest_queue(*, notification_ids: list[int], now) -> None:
    """One person's digest into the outbox; its notifications count as emailed."""
    notifications = list(
        Notification.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk__in=notification_ids, emailed_at__isnull=True)
    )
    if not notifications:
        return
    user = notifications[0].user
    with recipient_locale(user):
        items = [{"notification": n, "link": site_url(n.url)} for n in notifications]
        email = render_email(
            "notifications/email/digest",
            {"items": items},
            subject=_("Your daily summary from the Equity Improvement Project"),
            user=user,
            kind=DIGEST,
        )
    queue_email(
        to=user.email,
        subject=email.subject,
        body=email.body,
        html_body=email.html_body,
        headers=email.headers,
        topic="digest",
        user=user,
    )
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)


def unsubscribe(*, user, kind: str) -> None:
    """The one-click link in an email: that kind (or the whole digest) is no longer emailed.

    The notices still appear on the site; the settings page turns email back on.
    """
    if kind == DIGEST:
        Preference.objects.filter(user=user, delivery=Delivery.DIGEST).update(
            delivery=Delivery.NEVER
        )
        return
    Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": Delivery.NEVER})


def mark_all_read(user) -> int:
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def actor_erase(*, user) -> int:
    """The person deleted their account: notices that named them now say "a former member"."""
    from django.utils.translation import gettext as _

    former = _("a former member")
    changed = []
    for notification in Notification.objects.filter(actor=user).exclude(actor_name=""):
        name = notification.actor_name
        title = notification.title.replace(name, former)
        notification.title = title[:1].upper() + title[1:]
        notification.body = notification.body.replace(name, former)
        notification.actor, notification.actor_name = None, ""
        changed.append(notification)
    Notification.objects.bulk_update(changed, ["title", "body", "actor", "actor_name"])
    return len(changed)


def outbox_actor_erase(*, user) -> int:
    """Mail to other people that names the person (a notice about their proposal, say): the
    stored copy says "a former member" instead, whether it is still queued or already sent."""
    from django.db.models import Q
    from django.utils.translation import gettext as _

    from .models import OutgoingEmail

    former = _("a former member")
    needles = [n for n in (user.name, user.email) if n]
    if not needles:
        return 0
    mentions = Q()
    for needle in needles:
        mentions |= Q(subject__icontains=needle) | Q(body__icontains=needle)
        mentions |= Q(html_body__icontains=needle)
    changed = []
    for email in OutgoingEmail.objects.filter(mentions):
        for needle in needles:
            email.subject = email.subject.replace(needle, former)
            email.body = email.body.replace(needle, former)
            email.html_body = email.html_body.replace(needle, former)
        changed.append(email)
    OutgoingEmail.objects.bulk_update(changed, ["subject", "body", "html_body"])
    return len(changed)
