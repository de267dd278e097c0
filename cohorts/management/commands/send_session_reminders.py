import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from cohorts.models import CohortSession, Membership
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify


class Command(BaseCommand):
    help = "Tell members and facilitators about tomorrow's cohort sessions (run daily)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        sessions = CohortSession.objects.filter(starts_at__date=tomorrow).select_related("cohort")
        sent = 0
        for session in sessions:
            # Each person with the page they act from: members their team, facilitators the cohort.
            people = {
                m.user: m.team.get_absolute_url()
                for m in Membership.objects.current()
                .filter(team__cohort=session.cohort)
                .select_related("user", "team")
            }
            for facilitator in session.cohort.facilitators.all():
                people[facilitator] = session.cohort.get_absolute_url()
            zone = session.cohort.time_zone
            for person, url in people.items():
                # The session's time is written in the cohort's zone and the person's language.
                with recipient_locale(person, time_zone=zone):
                    notify(
                        user=person,
                        kind=Kind.SESSION_TOMORROW,
                        title=_("Tomorrow: %(title)s") % {"title": session.title},
                        body=" · ".join(
                            filter(
                                None,
                                [
                                    time_format(timezone.localtime(session.starts_at)),
                                    session.location,
                                    session.video_url,
                                ],
                            )
                        ),
                        url=url,
                        time_zone=zone,
                    )
                sent += 1
        self.stdout.write(f"Sent {sent} session reminder(s).")
