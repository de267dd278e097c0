from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import Cohort, Membership, days_around
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify
from programs.release import cohort_schedule


def announce(now=None) -> int:
    """Tell each cohort's members when a module opens today by the cohort's clock, once."""
    now = now or timezone.now()
    first, last = days_around(now)
    sent = 0
    cohorts = Cohort.objects.filter(starts_on__lte=last, ends_on__gte=first)
    for cohort in cohorts:
        today = cohort.today(now)
        if not cohort.starts_on <= today <= cohort.ends_on:
            continue
        opening = [module for module, opens in cohort_schedule(cohort) if opens == today]
        if not opening:
            continue
        members = [
            m.user
            for m in Membership.objects.current().filter(team__cohort=cohort).select_related("user")
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
                        key=f"module-open:{cohort.pk}:{module.pk}",
                    )
                sent += 1
    return sent


class Command(BaseCommand):
    help = "Tell each cohort's members when a module opens for them today (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {announce()} module notice(s).")
