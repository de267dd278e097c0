"""What feedback tells people, through the project's one notifier (`notifications.notify`:
an in-app notice with an unread count, and email as each person prefers).

Anonymity: nothing sent to the receiving side names the giver of an anonymous response (names
come only from `anonymity.giver_label`), and for anonymous requests the asker is not told
each time an answer arrives (the notice's time would point at a reviewer). They hear once,
when the answers are released: at once if they close the request themself, otherwise from the
daily `send_feedback_reminders` run, whose time says nothing about any reviewer.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify

from . import anonymity

# Each notice is written inside `recipient_locale(person)`: in that person's language, with
# dates in their (or the asking team's cohort's) time zone.


def request_created(request, reviewers) -> None:
    url = reverse("feedback:give", kwargs={"pk": request.pk})
    for reviewer in reviewers:
        with recipient_locale(reviewer):
            notify(
                user=reviewer,
                kind=Kind.FEEDBACK_REQUESTED,
                title=_("%(team)s asks for your feedback: %(title)s")
                % {"team": request.team.name, "title": request.artifact_title},
                body=_("Focusing question: %(question)s\nPlease answer by %(date)s.")
                % {"question": request.focusing_question, "date": date_format(request.due_on)},
                url=url,
            )


def response_received(request, response) -> None:
    """Named requests only: the asker hears about each answer, with the giver's name."""
    name = anonymity.giver_label(response, request)
    zone = request.team.cohort.time_zone
    with recipient_locale(request.requested_by, time_zone=zone):
        title = (
            _("%(name)s sent feedback on %(title)s")
            % {"name": name, "title": request.artifact_title}
            if name
            else _("New feedback on %(title)s") % {"title": request.artifact_title}
        )
        notify(
            user=request.requested_by,
            kind=Kind.RESPONSE_RECEIVED,
            title=title,
            body=_("Read it, mark what helped, and write back what you will do with it."),
            url=request.get_absolute_url(),
            actor=response.giver if name else None,
            time_zone=zone,
        )


def responses_released(request, count: int) -> None:
    """Anonymous requests: one notice when the answers become readable. No names, no times."""
    zone = request.team.cohort.time_zone
    with recipient_locale(request.requested_by, time_zone=zone):
        notify(
            user=request.requested_by,
            kind=Kind.RESPONSE_RECEIVED,
            title=_("Feedback is ready to read: %(title)s") % {"title": request.artifact_title},
            body=_("%(count)s anonymous answers can now be read.") % {"count": count},
            url=request.get_absolute_url(),
            time_zone=zone,
        )


def back_feedback_written(response) -> None:
    request = response.request
    with recipient_locale(response.giver):
        notify(
            user=response.giver,
            kind=Kind.BACK_FEEDBACK_RECEIVED,
            title=_("%(team)s wrote back about your feedback") % {"team": request.team.name},
            body=response.back_feedback,
            url=reverse("feedback:give", kwargs={"pk": request.pk}),
        )


def reminder(assignment, *, has_draft: bool) -> None:
    request = assignment.request
    with recipient_locale(assignment.reviewer):
        notify(
            user=assignment.reviewer,
            kind=Kind.FEEDBACK_REQUESTED,
            title=_("Reminder: feedback for %(team)s is due %(date)s")
            % {"team": request.team.name, "date": date_format(request.due_on)},
            body=_("Your draft is saved; send it when it is ready.")
            if has_draft
            else _("You have not started yet."),
            url=reverse("feedback:give", kwargs={"pk": request.pk}),
        )
