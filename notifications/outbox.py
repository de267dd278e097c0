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

import hashlib
import logging
import smtplib
import time
import uuid
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import strip_tags

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

# After the 1st, 2nd and 3rd failed attempt; then every LATER_DELAY until GIVE_UP_AFTER.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
LATER_DELAY = timedelta(hours=6)
GIVE_UP_AFTER = timedelta(days=2)
# How long a claimed row belongs to its worker; longer than any SMTP timeout.
LEASE = timedelta(minutes=5)
MAX_BACKOFF_SECONDS = 30

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
    from .tasks import deliver_email

    deliver_email.enqueue(pk)


def _due(now: datetime) -> Q:
    return Q(status=Status.QUEUED, next_attempt_at__lte=now) | Q(
        status=Status.SENDING, locked_until__lte=now
    )


def _claim(*, now: datetime, pk: int | None = None) -> OutgoingEmail | None:
    """Take the next due row (or row `pk` if due) for this worker, with a lease."""
    with transaction.atomic():
        due = OutgoingEmail.objects.filter(_due(now))
        if pk is not None:
            due = due.filter(pk=pk)
        email = due.order_by("next_attempt_at", "pk").select_for_update(skip_locked=True).first()
        if email is None:
            return None
        # The conditional update also guards databases without row locks (SQLite).
        claimed = OutgoingEmail.objects.filter(_due(now), pk=email.pk).update(
            status=Status.SENDING, locked_until=now + LEASE, attempts=F("attempts") + 1
        )
    if not claimed:
        return None
    email.status, email.locked_until, email.attempts = (
        Status.SENDING,
        now + LEASE,
        email.attempts + 1,
    )
    return email


def message_id(email: OutgoingEmail) -> str:
    """The same Message-ID on every attempt, so a copy can be recognised as one message."""
    domain = (email.from_email or settings.DEFAULT_FROM_EMAIL).rpartition("@")[2].strip("> ")
    digest = hashlib.sha256(email.key.encode()).hexdigest()[:32]
    return f"<{digest}.outbox@{domain or 'localhost'}>"


def _smtp_send(email: OutgoingEmail) -> None:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email or None,
        to=[email.to],
        headers={**email.headers, "Message-ID": message_id(email)},
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    message.send()


def next_attempt_after(*, attempts: int, created_at: datetime, now: datetime) -> datetime | None:
    """When to try again after `attempts` failed tries; None: give up (two days are over)."""
    give_up_at = created_at + GIVE_UP_AFTER
    if now >= give_up_at:
        return None
    delay = RETRY_DELAYS[attempts - 1] if attempts <= len(RETRY_DELAYS) else LATER_DELAY
    return min(now + delay, give_up_at)


def is_permanent(error: Exception) -> bool:
    """A 5xx answer about this message or its recipient: retrying cannot change it.

    A refused login (535) is the site's own configuration, not the message's: once it is
    fixed the mail must still go out, so it is retried like an outage.
    """
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return False
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return False


def _record_failure(email: OutgoingEmail, *, error: Exception, now: datetime) -> None:
    retry_at = None
    if not is_permanent(error):
        retry_at = next_attempt_after(attempts=email.attempts, created_at=email.created_at, now=now)
    text = f"{type(error).__name__}: {error}"[:2000]
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=Status.QUEUED if retry_at else Status.FAILED,
        next_attempt_at=retry_at or now,
        locked_until=None,
        last_error=text,
    )
    logger.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, text)


def _record_sent(email: OutgoingEmail, *, now: datetime, sleep=time.sleep) -> None:
    """Mark sent at once, in its own transaction; ride out a short database outage."""
    for attempt in range(6):
        try:
            OutgoingEmail.objects.filter(pk=email.pk).update(
                status=Status.SENT, sent_at=now, locked_until=None, last_error=""
            )
            return
        except (OperationalError, InterfaceError):
            if attempt == 5 or connection.in_atomic_block:
                raise
            close_old_connections()
            sleep(2**attempt)


def _deliver(email: OutgoingEmail, *, now: datetime) -> bool:
    try:
        _smtp_send(email)
    except Exception as error:  # noqa: BLE001 - whatever the mail server does, retry later
        _record_failure(email, error=error, now=now)
        return False
    _record_sent(email, now=now)
    return True


def deliver_queued(pk: int, *, now: datetime | None = None) -> bool:
    """Send row `pk` now if it is due (the prompt path after commit); True if it was sent."""
    now = now or timezone.now()
    email = _claim(now=now, pk=pk)
    return email is not None and _deliver(email, now=now)


def deliver_due(*, now: datetime | None = None, limit: int = 100) -> int:
    """Try every due row (up to `limit`); returns how many were tried.

    Database errors propagate: the worker loop reconnects and carries on.
    """
    tried = 0
    while tried < limit:
        current = now or timezone.now()
        email = _claim(now=current)
        if email is None:
            break
        _deliver(email, now=current)
        tried += 1
    return tried


def run_worker(
    *,
    loop: bool,
    idle_seconds: float = 1.0,
    batch: int = 100,
    sleep=time.sleep,
    should_stop=lambda: False,
) -> int:
    """The `send_outbox` worker; with `loop`, runs until `should_stop()`, through outages."""
    tried = 0
    failures = 0
    while not should_stop():
        if not connection.in_atomic_block:
            close_old_connections()  # drops a broken or too old connection, as requests do
        try:
            done = deliver_due(limit=batch)
        except (OperationalError, InterfaceError) as error:
            if not loop:
                raise
            close_old_connections()  # the broken connection goes; the next query reconnects
            failures += 1
            wait = min(2 ** (failures - 1), MAX_BACKOFF_SECONDS)
            logger.warning("Outbox worker lost the database (%s); retrying in %s s", error, wait)
            sleep(wait)
            continue
        failures = 0
        tried += done
        if not loop:
            break
        if not done:
            sleep(idle_seconds)
    return tried


def prune(*, days: int, now: datetime | None = None) -> int:
    """Delete sent mail older than `days` days, and failed mail queued before then."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = OutgoingEmail.objects.filter(
        Q(status=Status.SENT, sent_at__lt=cutoff) | Q(status=Status.FAILED, created_at__lt=cutoff)
    ).delete()
    return deleted


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
