import datetime
from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.models import Membership, days_around
from improvement.models import PDSACycle
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify

ONE_DAY = datetime.timedelta(days=1)


def remind(now=None) -> int:
    """Tell each team the day before a planned cycle starts, by the cohort's clock, once."""
    now = now or timezone.now()
    cycles = [
        cycle
        for cycle in PDSACycle.objects.filter(
            planned_start__range=days_around(now, ahead=1), phase="plan"
        ).select_related("project__team__cohort")
        if cycle.planned_start == cycle.project.team.cohort.today(now) + ONE_DAY
    ]
    people = defaultdict(list)
    memberships = Membership.objects.current().filter(
        team__in={cycle.project.team_id for cycle in cycles}
    )
    for membership in memberships.select_related("user"):
        people[membership.team_id].append(membership.user)
    sent = 0
    for cycle in cycles:
        zone = cycle.project.team.cohort.time_zone
        for person in people[cycle.project.team_id]:
            with recipient_locale(person, time_zone=zone):
                notify(
                    user=person,
                    kind=Kind.PDSA_CYCLE_DUE,
                    title=_("PDSA cycle starts tomorrow: %(title)s") % {"title": cycle.title},
                    url=cycle.get_absolute_url(),
                    time_zone=zone,
                    key=f"pdsa-start:{cycle.pk}:{cycle.planned_start.isoformat()}",
                )
            sent += 1
    return sent


class Command(BaseCommand):
    help = "Remind a team the day before a planned PDSA cycle starts (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {remind()} PDSA reminder(s).")
