import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import Membership
from improvement.models import PDSACycle
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify


class Command(BaseCommand):
    help = "Remind a team the day before a planned PDSA cycle starts (run daily)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        cycles = PDSACycle.objects.filter(planned_start=tomorrow, phase="plan").select_related(
            "project__team__cohort"
        )
        sent = 0
        for cycle in cycles:
            team = cycle.project.team
            for membership in Membership.objects.current().filter(team=team).select_related("user"):
                with recipient_locale(membership.user, time_zone=team.cohort.time_zone):
                    notify(
                        user=membership.user,
                        kind=Kind.PDSA_CYCLE_DUE,
                        title=_("PDSA cycle starts tomorrow: %(title)s") % {"title": cycle.title},
                        url=cycle.get_absolute_url(),
                        time_zone=team.cohort.time_zone,
                    )
                sent += 1
        self.stdout.write(f"Sent {sent} PDSA reminder(s).")
