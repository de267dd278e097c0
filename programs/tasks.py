"""Mail about form submissions leaves through Django's tasks framework, after commit.

The submitter's confirmation carries the page's fixed text only: the address is whatever a
visitor typed, so nothing else a visitor typed may go to it. Facilitators (staff) get the content.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils.translation import gettext as _


def _submission(submission_id: int):
    from wagtail.contrib.forms.models import FormSubmission

    submission = FormSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return None, None
    return submission, submission.page.specific


@task
def email_form_notice(submission_id: int) -> None:
    """Tell the page's to-address, else the facilitators, what was submitted."""
    from accounts.roles import facilitators_group

    submission, page = _submission(submission_id)
    if submission is None:
        return
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
    send_mail(
        subject=page.subject or _("New submission: %(title)s") % {"title": page.title},
        message="\n".join(lines),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )


@task
def email_form_confirmation(submission_id: int) -> None:
    """Confirm receipt to the address in the form's first email field, with fixed text only."""
    submission, page = _submission(submission_id)
    if submission is None:
        return
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
    send_mail(
        subject=page.confirmation_subject or _("We received your message"),
        message=page.confirmation_text
        or _("Thank you. We received your message and will reply soon."),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        recipient_list=[submitter],
    )
