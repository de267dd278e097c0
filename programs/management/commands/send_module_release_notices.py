from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import Cohort, Membership
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify
from programs.release import cohort_schedule


class Command(BaseCommand):
    help = "Tell each cohort's members when a module opens for them today (run daily)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        sent = 0
        for cohort in Cohort.objects.filter(starts_on__lte=today, ends_on__gte=today):
            opening = [module for module, opens in cohort_schedule(cohort) if opens == today]
            if not opening:
                continue
            members = [
                m.user
                for m in Membership.objects.current()
                .filter(team__cohort=cohort)
                .select_related("user")
            ]
            for module in opening:
                for person in members:
                    with recipient_locale(person, time_zone=cohort.time_zone):
                        notify(
                            user=person,
                            kind=Kind.MODULE_RELEASED,
                            title=_("Module %(number)s is open: %(title)s")
                            % {"number": module.number, "title": module.title},
                            url=module.url or "",
                            time_zone=cohort.time_zone,
                        )
                    sent += 1
        self.stdout.write(f"Sent {sent} module notice(s).")
