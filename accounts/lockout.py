"""The per-account login lock: 5 failed logins in 5 minutes lock the address for the rest of
the window. Kept in the database, so it holds while the cache (and with it allauth's own
counters) is down; allauth's per-IP limits stay in the cache and fail open then."""

import hashlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import FailedLogin

LOCK_AFTER = 5  # failed logins
LOCK_WINDOW = timedelta(minutes=5)


def _login_hash(login: str) -> str:
    return hashlib.sha256(login.strip().lower().encode()).hexdigest()


def login_is_locked(*, login: str) -> bool:
    since = timezone.now() - LOCK_WINDOW
    recent = FailedLogin.objects.filter(login_hash=_login_hash(login), at__gte=since)
    return recent.count() >= LOCK_AFTER


@transaction.atomic
def failed_login_record(*, login: str) -> None:
    now = timezone.now()
    FailedLogin.objects.filter(at__lt=now - LOCK_WINDOW).delete()
    FailedLogin.objects.create(login_hash=_login_hash(login), at=now)


def failed_logins_clear(*, login: str) -> None:
    """After a successful password reset the address starts afresh (as allauth's lock did)."""
    FailedLogin.objects.filter(login_hash=_login_hash(login)).delete()
