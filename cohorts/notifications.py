from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from notifications.models import Kind
from notifications.services import notify


def send_invitation(invitation, request) -> None:
    path = reverse("cohorts:invitation", kwargs={"token": invitation.token})
    link = request.build_absolute_uri(path)
    context = {"invitation": invitation, "link": link, "team": invitation.team}
    subject = _("You are invited to join %(team)s") % {"team": invitation.team.name}
    send_mail(
        subject=subject,
        message=render_to_string("cohorts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    if existing is not None:
        # People who already have an account see it on the site too; the email above carries
        # the link, so this notice is not emailed again.
        notify(user=existing, kind=Kind.INVITED, title=subject, url=path, send_email=False)
