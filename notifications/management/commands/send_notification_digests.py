from django.core.management.base import BaseCommand

from notifications.services import digests_send


class Command(BaseCommand):
    help = "Queue the daily notification digest emails (run once a day, e.g. from cron)."

    def handle(self, *args, **options):
        count = digests_send()
        self.stdout.write(f"Queued {count} digest(s).")
