import hashlib

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from notifications.emails import recipient_locale, render_email, site_url
from notifications.models import Kind, OutgoingEmail
from notifications.outbox import latest_status_by_topic, queue_email
from notifications.services import notify


def invitation_topic(invitation) -> str:
    return f"invitation:{invitation.pk}"


def send_invitation(invitation, request=None) -> None:
    """Queue the invitation email in the caller's transaction (the worker sends it).

    Queuing the same invitation with the same link twice sends one email; a fresh token
    (a resent invitation) is a new email. Written in the invitee's language (the site's, for
    someone without an account) with times in the cohort's zone; the link is absolute from
    `SITE_BASE_URL`. Invitations are asked for by a facilitator, not subscribed to: no
    unsubscribe header.
    """
    path = reverse("cohorts:invitation", kwargs={"token": invitation.token})
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    with recipient_locale(existing, time_zone=invitation.team.cohort.time_zone):
        subject = _("You are invited to join %(team)s") % {"team": invitation.team.name}
        email = render_email(
            "cohorts/email/invitation",
            {"invitation": invitation, "link": site_url(path), "team": invitation.team},
            subject=subject,
            user=existing,
        )
    link_digest = hashlib.sha256(invitation.token.encode()).hexdigest()[:16]
    queue_email(
        to=invitation.email,
        subject=email.subject,
        body=email.body,
        html_body=email.html_body,
        key=f"invitation:{invitation.pk}:{link_digest}",
        topic=invitation_topic(invitation),
        user=existing,
    )
    if existing is not None:
        # People who already have an account see it on the site too; the email above carries
        # the link, so this notice is not emailed again.
        notify(user=existing, kind=Kind.INVITED, title=subject, url=path, send_email=False)


def undelivered(invitations) -> list:
    """The invitations whose latest email could not be delivered (the outbox gave up)."""
    invitations = list(invitations)
    statuses = latest_status_by_topic(invitation_topic(i) for i in invitations)
    return [
        i for i in invitations if statuses.get(invitation_topic(i)) == OutgoingEmail.Status.FAILED
    ]
