"""Mail about form submissions, queued in the outbox in the submission's own transaction.

The submitter's confirmation carries the page's fixed text only: the address is whatever a
visitor typed, so nothing else a visitor typed may go to it. Facilitators (staff) get the content.
"""

from django.conf import settings
from django.utils.translation import gettext as _

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
    lines = []
    for field in page.get_form_fields():
        value = data.get(field.clean_name, "")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        lines.append(f"{field.label}: {value}")
    for recipient in recipients:
        queue_email(
            to=recipient,
            subject=page.subject or _("New submission: %(title)s") % {"title": page.title},
            body="\n".join(lines),
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            key=f"form-notice:{submission.pk}:{recipient}",
            topic=f"form:{page.pk}",
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
    queue_email(
        to=submitter,
        subject=page.confirmation_subject or _("We received your message"),
        body=page.confirmation_text
        or _("Thank you. We received your message and will reply soon."),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        key=f"form-confirmation:{submission.pk}",
        topic=f"form:{page.pk}",
        user=None,
    )
