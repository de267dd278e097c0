import signal

from django.core.management.base import BaseCommand

from notifications.outbox import run_worker


class Command(BaseCommand):
    help = (
        "Send queued email, including due retries. With --loop, keep running (the production "
        "worker): it polls every second, survives database restarts, and stops cleanly on "
        "SIGTERM or SIGINT after the message in hand."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running until stopped.")
        parser.add_argument(
            "--idle-seconds",
            type=float,
            default=1.0,
            help="How long to wait when nothing is due (default 1).",
        )

    def handle(self, *args, loop=False, idle_seconds=1.0, **options):
        stopping = []
        if loop:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stopping.append(True))
        tried = run_worker(loop=loop, idle_seconds=idle_seconds, should_stop=lambda: stopping)
        self.stdout.write(f"Tried {tried} email(s).")
