from django.core.management.base import BaseCommand

from cohort_site.idempotency import prune


class Command(BaseCommand):
    help = "Delete one-time form submission keys older than --days days (daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Keep this many days (7).")

    def handle(self, *args, days=7, **options):
        self.stdout.write(f"Deleted {prune(days=days)} submission key(s).")
