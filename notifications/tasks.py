"""The prompt path for queued email: after commit, hand the row to Django's tasks framework.

Development and tests run it immediately (the immediate backend), so mail goes out as soon as
the change is committed. Production leaves `OUTBOX_SEND_ON_COMMIT` off and lets the
`send_outbox --loop` worker send it, with retries (see `notifications.outbox`).
"""

from django.tasks import task

from .delivery import deliver_queued


@task
def deliver_email(outgoing_email_id: int) -> None:
    deliver_queued(outgoing_email_id)
