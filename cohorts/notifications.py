from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _


def send_invitation(invitation, request) -> None:
    link = request.build_absolute_uri(
        reverse("cohorts:invitation", kwargs={"token": invitation.token})
    )
    context = {"invitation": invitation, "link": link, "team": invitation.team}
    send_mail(
        subject=_("You are invited to join %(team)s") % {"team": invitation.team.name},
        message=render_to_string("cohorts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
