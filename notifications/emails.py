"""Emails people can act on: one renderer for every message the site sends.

Each email is rendered from a pair of templates (`<name>.txt` and `<name>.html`, both
autoescaped where HTML, no external images) in the recipient's language and time zone, never
the sender's; every link is absolute, built from `settings.SITE_BASE_URL` (the outbox worker
has no request to take the host from). Notifications and digests also carry a link to the
person's notification settings and `List-Unsubscribe` headers with a signed one-click link
(RFC 8058) that turns that kind of email off without logging in.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

# The token in the one-click link: which person, which kind of email; signed, and dated.
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=90)
# The daily digest is unsubscribed as a whole (its kinds are then shown on the site only).
DIGEST = "digest"


def site_url(path_or_url: str) -> str:
    """An absolute link: site paths get the configured base URL; full URLs stay as they are."""
    if not path_or_url or urlsplit(path_or_url).scheme:
        return path_or_url
    return f"{settings.SITE_BASE_URL.rstrip('/')}/{path_or_url.lstrip('/')}"


def recipient_time_zone(user) -> str:
    """The zone of the person's cohort (newest first, as member or facilitator), else the site's."""
    from django.db.models import Q

    from cohorts import access
    from cohorts.models import Cohort

    if user is None or user.pk is None:
        return settings.TIME_ZONE
    zone = (
        Cohort.objects.filter(
            Q(pk__in=access.member_cohort_ids(user)) | Q(pk__in=access.facilitated_cohort_ids(user))
        )
        .order_by("-starts_on", "pk")
        .values_list("time_zone", flat=True)
        .first()
    )
    return zone or settings.TIME_ZONE


def recipient_language(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


@contextmanager
def recipient_locale(user=None, *, time_zone: str = ""):
    """Write to `user` in their language and time zone (a cohort's zone, when given, wins).

    Wrap everything that produces the text, the caller's own `gettext` and date formatting
    included: what a request's sender has active must not leak into someone else's mail.
    """
    zone = time_zone or recipient_time_zone(user)
    with translation.override(recipient_language(user)), timezone.override(ZoneInfo(zone)):
        yield


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"user": user.pk, "kind": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_target(token: str) -> tuple[int, str]:
    """(user id, kind) from a token; raises `signing.BadSignature` (or its `SignatureExpired`)."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    if not isinstance(data, dict) or not {"user", "kind"} <= data.keys():
        raise signing.BadSignature("Unexpected unsubscribe payload")
    return int(data["user"]), str(data["kind"])


def unsubscribe_url(user, kind: str) -> str:
    return site_url(
        reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(user, kind)})
    )


@dataclass
class RenderedEmail:
    subject: str
    body: str
    html_body: str
    headers: dict = field(default_factory=dict)


def render_email(
    template: str, context: dict, *, subject: str, user=None, kind: str = ""
) -> RenderedEmail:
    """Render `template`.txt and .html; with `user` and `kind`, add settings and unsubscribe.

    Call it inside `recipient_locale(...)` so words, dates and times are the recipient's.
    """
    context = {
        **context,
        "subject": subject,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url("/"),
    }
    headers = {}
    if user is not None and user.pk is not None:
        context["settings_url"] = site_url(reverse("notifications:preferences"))
        if kind:
            link = unsubscribe_url(user, kind)
            context["unsubscribe_url"] = link
            headers = {
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
    return RenderedEmail(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        html_body=render_to_string(f"{template}.html", context),
        headers=headers,
    )
