"""The outbox: every email the site sends is first a row, then a delivery.

`queue_email(...)` (or `queue_message(message)` for a rendered `EmailMessage`) writes an
`OutgoingEmail` row in the caller's transaction, so a rolled-back change sends nothing and a
committed one loses nothing, and a request never waits for the mail server.

`manage.py send_outbox --loop` is the worker. It claims due rows one at a time (on PostgreSQL
with `SELECT ... FOR UPDATE SKIP LOCKED`, so several workers never take the same row), sends,
and records the outcome in its own transaction right after the SMTP call:

- sent: the row is `sent` and is never claimed again, so a second run never mails twice;
- the mail server failed: the row goes back to `queued` for 1, 5 and 30 minutes later, then
  every 6 hours, and becomes `failed` two days after it was queued;
- the mail server refused it for good (a 5xx answer: no such mailbox, message rejected): the
  row is `failed` at once, since retrying cannot change the answer;
- the worker died mid-send: the row stays `sending` until its lease (`locked_until`) expires,
  then any worker claims it again (delivery is at least once: a worker killed between the SMTP
  call and recording it may send that one message twice; the stable Message-ID lets mail
  systems recognise the copy).

In development and tests (`OUTBOX_SEND_ON_COMMIT = True`) each row is also handed to Django's
tasks framework after commit, whose immediate backend sends it at once; production turns that
off and relies on the worker, which polls every second.
"""

import uuid
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from .delivery import (
    GIVE_UP_AFTER,
    LATER_DELAY,
    LEASE,
    MAX_BACKOFF_SECONDS,
    RETRY_DELAYS,
    Status,
    _claim,  # noqa: F401 - the worker's claim, for tests of the lease
    deliver_due,
    deliver_queued,
    is_permanent,
    message_id,
    next_attempt_after,
    prune,
    run_worker,
)
from .models import OutgoingEmail
from .tasks import deliver_email

__all__ = [
    "GIVE_UP_AFTER",
    "LATER_DELAY",
    "LEASE",
    "MAX_BACKOFF_SECONDS",
    "RETRY_DELAYS",
    "Status",
    "deliver_due",
    "deliver_queued",
    "is_permanent",
    "latest_status_by_topic",
    "message_id",
    "next_attempt_after",
    "prune",
    "queue_email",
    "queue_emails",
    "queue_message",
    "run_worker",
]


_LOOK_UP = object()


def queue_email(
    *,
    to: str,
    subject: str,
    body: str,
    html_body: str = "",
    headers: dict | None = None,
    from_email: str = "",
    key: str = "",
    topic: str = "",
    user=_LOOK_UP,
) -> OutgoingEmail:
    """Queue one email in the current transaction; the same `key` is queued only once.

    `user` links the row to the recipient's account so erasing the account erases the mail;
    by default the account with that address is looked up.
    """
    if user is _LOOK_UP:
        user = get_user_model().objects.filter(email__iexact=to).first()
    key = key or f"email:{uuid.uuid4()}"
    now = timezone.now()
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                key=key,
                created_at=now,
                next_attempt_at=now,
                topic=topic[:100],
                user=user,
                to=to,
                from_email=from_email,
                subject=" ".join(subject.splitlines())[:300],
                body=body,
                html_body=html_body,
                headers=headers or {},
            )
    except IntegrityError:
        existing = OutgoingEmail.objects.filter(key=key).first()
        if existing is None:
            raise
        return existing
    if settings.OUTBOX_SEND_ON_COMMIT:
        transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def queue_emails(emails: list[dict]) -> list[OutgoingEmail]:
    """Queue many new emails with one insert (bulk invitations). Each dict holds `to`,
    `subject`, `body`, `html_body`, `key`, `topic` and `user`; the keys must be new (no email
    is queued twice this way, unlike `queue_email`)."""
    now = timezone.now()
    rows = OutgoingEmail.objects.bulk_create(
        [
            OutgoingEmail(
                key=email["key"],
                created_at=now,
                next_attempt_at=now,
                topic=email["topic"][:100],
                user=email["user"],
                to=email["to"],
                subject=" ".join(email["subject"].splitlines())[:300],
                body=email["body"],
                html_body=email.get("html_body", ""),
            )
            for email in emails
        ],
        batch_size=500,
    )
    if settings.OUTBOX_SEND_ON_COMMIT:
        for row in rows:
            transaction.on_commit(partial(_enqueue, row.pk))
    return rows


def queue_message(message: EmailMessage, *, topic: str = "") -> list[OutgoingEmail]:
    """Queue a rendered EmailMessage (e.g. allauth's), one row per recipient."""
    html_body = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    body = message.body
    if message.content_subtype == "html":
        html_body, body = body, strip_tags(body)
    return [
        queue_email(
            to=address,
            subject=message.subject,
            body=body,
            html_body=html_body,
            headers=dict(message.extra_headers),
            from_email=message.from_email or "",
            topic=topic,
        )
        for address in message.to
    ]


def _enqueue(pk: int) -> None:
    deliver_email.enqueue(pk)


def latest_status_by_topic(topics) -> dict[str, str]:
    """The status of the newest email for each topic (one query)."""
    statuses = {}
    for topic, status in (
        OutgoingEmail.objects.filter(topic__in=list(topics))
        .order_by("topic", "-created_at", "-pk")
        .values_list("topic", "status")
    ):
        statuses.setdefault(topic, status)
    return statuses
