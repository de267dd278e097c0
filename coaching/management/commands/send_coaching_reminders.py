import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.models import NextStep
from notifications.emails import recipient_locale
from notifications.models import Kind
from notifications.services import notify


class Command(BaseCommand):
    help = "Remind owners of coaching next steps that are due tomorrow (run daily)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        steps = (
            NextStep.objects.open()
            .filter(due_on=tomorrow, owner__isnull=False)
            .select_related("owner", "conversation__team__cohort")
        )
        for step in steps:
            zone = step.conversation.team.cohort.time_zone
            with recipient_locale(step.owner, time_zone=zone):
                notify(
                    user=step.owner,
                    kind=Kind.COACHING_STEP_DUE,
                    title=_("Coaching next step due tomorrow: %(step)s")
                    % {"step": step.description},
                    url=step.conversation.team.get_absolute_url(),
                    time_zone=zone,
                )
        self.stdout.write(f"Reminded {len(steps)} owner(s).")
