"""Email reviewers whose feedback (a draft or nothing yet) is due within two days.

Run once a day (cron or a scheduled task). Each reviewer is reminded at most once a day per
request, so running it twice on the same day sends nothing new. It also tells askers that the
answers to their anonymous requests can be read (see feedback/notifications.py for why then).
"""

from django.core.management.base import BaseCommand

from feedback.services import releases_announce, reminders_send


class Command(BaseCommand):
    help = "Remind reviewers of feedback requests due within two days."

    def handle(self, *args, **options):
        sent = reminders_send()
        announced = releases_announce()
        self.stdout.write(f"Sent {sent} reminder(s); announced {announced} released request(s).")
