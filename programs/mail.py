"""Mail about form submissions, queued in the outbox in the submission's own transaction.

The submitter's confirmation carries the page's fixed text only: the address is whatever a
visitor typed, so nothing else a visitor typed may go to it. Facilitators (staff) get the content.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.emails import recipient_locale, render_email, site_url
from notifications.outbox import queue_email


def queue_form_notice(*, submission, page) -> None:
    """Tell the page's to-address, else the facilitators, what was submitted."""
    from accounts.roles import facilitators_group

    recipients = [a.strip() for a in (page.to_address or "").split(",") if a.strip()]
    if not recipients:
        recipients = list(
            facilitators_group().user_set.filter(is_active=True).values_list("email", flat=True)
        )
    if not recipients:
        return
    data = submission.form_data
    answers = []
    for field in page.get_form_fields():
        value = data.get(field.clean_name, "")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        answers.append((field.label, value))
    accounts = {
        user.email.lower(): user
        for user in get_user_model().objects.filter(
            email__in=[r.lower() for r in recipients], is_active=True
        )
    }
    submissions_url = site_url(reverse("wagtailforms:list_submissions", args=[page.pk]))
    for recipient in recipients:
        person = accounts.get(recipient.lower())
        with recipient_locale(person):
            email = render_email(
                "programs/email/form_notice",
                {"answers": answers, "page": page, "submissions_url": submissions_url},
                subject=page.subject or _("New submission: %(title)s") % {"title": page.title},
            )
        queue_email(
            to=recipient,
            subject=email.subject,
            body=email.body,
            html_body=email.html_body,
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            key=f"form-notice:{submission.pk}:{recipient}",
            topic=f"form:{page.pk}",
            user=person,
        )


def queue_form_confirmation(*, submission, page) -> None:
    """Confirm receipt to the address in the form's first email field, with fixed text only."""
    submitter = next(
        (
            submission.form_data.get(field.clean_name)
            for field in page.get_form_fields()
            if field.field_type == "email"
        ),
        None,
    )
    if not submitter:
        return
    with recipient_locale(None):
        email = render_email(
            "programs/email/form_confirmation",
            {
                "text": page.confirmation_text
                or _("Thank you. We received your message and will reply soon.")
            },
            subject=page.confirmation_subject or _("We received your message"),
        )
    queue_email(
        to=submitter,
        subject=email.subject,
        body=email.body,
        html_body=email.html_body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        key=f"form-confirmation:{submission.pk}",
        topic=f"form:{page.pk}",
        user=None,
    )
