import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.models import NextStep
from cohorts.models import days_around
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify

ONE_DAY = datetime.timedelta(days=1)


def remind(now=None) -> int:
    """Remind owners the day before a next step is due, by the cohort's clock, once."""
    now = now or timezone.now()
    steps = [
        step
        for step in NextStep.objects.open()
        .filter(due_on__range=days_around(now, ahead=1), owner__isnull=False)
        .select_related("owner", "conversation__team__cohort")
        if step.due_on == step.conversation.team.cohort.today(now) + ONE_DAY
    ]
    for step in steps:
        zone = step.conversation.team.cohort.time_zone
        with recipient_locale(step.owner, time_zone=zone):
            notify(
                user=step.owner,
                kind=Kind.COACHING_STEP_DUE,
                title=_("Coaching next step due tomorrow: %(step)s") % {"step": step.description},
                url=step.conversation.team.get_absolute_url(),
                time_zone=zone,
                key=f"coaching-due:{step.pk}:{step.due_on.isoformat()}",
            )
    return len(steps)


class Command(BaseCommand):
    help = "Remind owners of coaching next steps that are due tomorrow (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Reminded {remind()} owner(s).")
