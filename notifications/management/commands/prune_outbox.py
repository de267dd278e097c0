from django.core.management.base import BaseCommand

from notifications.outbox import prune


class Command(BaseCommand):
    help = "Delete sent email older than --days days and failed email queued before then (daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="Keep this many days (30).")

    def handle(self, *args, days=30, **options):
        self.stdout.write(f"Deleted {prune(days=days)} outgoing email(s).")
