import hashlib

from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from accounts.models import User
from notifications.emails import recipient_locale, render_email, site_url
from notifications.models import Kind, Notification, OutgoingEmail
from notifications.outbox import latest_status_by_topic, queue_email, queue_emails
from notifications.services import notify

from .models import CohortSession, Membership


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
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    email, path = _invitation_email(invitation, existing)
    queue_email(**email)
    if existing is not None:
        # People who already have an account see it on the site too; the email above carries
        # the link, so this notice is not emailed again.
        notify(user=existing, kind=Kind.INVITED, title=email["subject"], url=path, send_email=False)


def send_invitations(invitations, request=None) -> None:
    """`send_invitation` for many fresh invitations with a fixed number of queries."""
    addresses = {invitation.email.lower() for invitation in invitations}
    accounts = {
        user.address: user
        for user in User.objects.filter(is_active=True)
        .annotate(address=Lower("email"))
        .filter(address__in=addresses)
    }
    emails, notices = [], []
    for invitation in invitations:
        existing = accounts.get(invitation.email.lower())
        email, path = _invitation_email(invitation, existing)
        emails.append(email)
        if existing is not None:
            notices.append(
                Notification(
                    user=existing,
                    kind=Kind.INVITED,
                    title=email["subject"][:200],
                    url=path,
                    emailed_at=timezone.now(),  # the invitation email is the email
                )
            )
    queue_emails(emails)
    Notification.objects.bulk_create(notices)


def _invitation_email(invitation, existing) -> tuple[dict, str]:
    path = reverse("cohorts:invitation", kwargs={"token": invitation.token})
    with recipient_locale(existing, time_zone=invitation.team.cohort.time_zone):
        subject = _("You are invited to join %(team)s") % {"team": invitation.team.name}
        email = render_email(
            "cohorts/email/invitation",
            {"invitation": invitation, "link": site_url(path), "team": invitation.team},
            subject=subject,
            user=existing,
        )
    link_digest = hashlib.sha256(invitation.token.encode()).hexdigest()[:16]
    message = {
        "to": invitation.email,
        "subject": email.subject,
        "body": email.body,
        "html_body": email.html_body,
        "key": f"invitation:{invitation.pk}:{link_digest}",
        "topic": invitation_topic(invitation),
        "user": existing,
    }
    return message, path


def undelivered(invitations) -> list:
    """The invitations whose latest email could not be delivered (the outbox gave up)."""
    invitations = list(invitations)
    statuses = latest_status_by_topic(invitation_topic(i) for i in invitations)
    return [
        i for i in invitations if statuses.get(invitation_topic(i)) == OutgoingEmail.Status.FAILED
    ]


def remind_sessions_tomorrow(*, now=None) -> int:
    """Tell members and facilitators about sessions that start tomorrow in their cohort's zone.

    Meant to run daily; running it again is harmless: a person hears of a session once for the
    start it has (a session moved to another day is announced again). Returns the number of
    people the sessions concern.
    """
    now = now or timezone.now()
    sessions = list(
        CohortSession.objects.starting_tomorrow(now)
        .select_related("cohort")
        .prefetch_related("cohort__facilitators")
    )
    # Each person with the page they act from: members their team, facilitators the cohort.
    people_by_cohort = {session.cohort_id: {} for session in sessions}
    memberships = (
        Membership.objects.current()
        .filter(team__cohort__in=people_by_cohort)
        .select_related("user", "team")
    )
    for membership in memberships:
        url = membership.team.get_absolute_url()
        people_by_cohort[membership.team.cohort_id][membership.user] = url
    sent = 0
    for session in sessions:
        people = dict(people_by_cohort[session.cohort_id])
        for facilitator in session.cohort.facilitators.all():
            people[facilitator] = session.cohort.get_absolute_url()
        sent += _remind(session, people)
    return sent


def _remind(session, people: dict) -> int:
    zone = session.cohort.time_zone
    for person, url in people.items():
        # The session's time is written in the cohort's zone and the person's language.
        with recipient_locale(person, time_zone=zone):
            notify(
                user=person,
                kind=Kind.SESSION_TOMORROW,
                title=_("Tomorrow: %(title)s") % {"title": session.title},
                body=" · ".join(
                    filter(
                        None,
                        [
                            time_format(timezone.localtime(session.starts_at)),
                            session.location,
                            session.video_url,
                        ],
                    )
                ),
                url=url,
                time_zone=zone,
                # Once per start: a session moved to another day is announced again.
                key=f"session-tomorrow:{session.pk}:{session.starts_at.isoformat()}",
            )
    return len(people)
