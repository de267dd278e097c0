"""Delivering the outbox: claim a due row under a lease, send it, record the outcome.

`deliver_queued(pk)` is the prompt path after commit (`notifications.tasks`); `run_worker` is
`send_outbox --loop`. Queueing lives in `notifications.outbox`, which re-exports these names.
"""

import hashlib
import logging
import smtplib
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import (
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import F, Q
from django.utils import timezone

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
