from django.core.management.base import BaseCommand

from cohorts.notifications import remind_sessions_tomorrow


class Command(BaseCommand):
    help = "Tell members and facilitators about tomorrow's cohort sessions (run daily)."

    def handle(self, *args, **options):
        sent = remind_sessions_tomorrow()
        self.stdout.write(f"Sent {sent} session reminder(s).")
