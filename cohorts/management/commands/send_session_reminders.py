import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import CohortSession, Membership
from notifications.models import Kind
from notifications.services import notify


class Command(BaseCommand):
    help = "Tell members and facilitators about tomorrow's cohort sessions (run daily)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        sessions = CohortSession.objects.filter(starts_at__date=tomorrow).select_related("cohort")
        sent = 0
        for session in sessions:
            people = {
                m.user
                for m in Membership.objects.current()
                .filter(team__cohort=session.cohort)
                .select_related("user")
            }
            people.update(session.cohort.facilitators.all())
            for person in people:
                notify(
                    user=person,
                    kind=Kind.SESSION_TOMORROW,
                    title=_("Tomorrow: %(title)s") % {"title": session.title},
                    body=" · ".join(
                        filter(
                            None,
                            [
                                timezone.localtime(session.starts_at).strftime("%H:%M"),
                                session.location,
                                session.video_url,
                            ],
                        )
                    ),
                )
                sent += 1
        self.stdout.write(f"Sent {sent} session reminder(s).")
