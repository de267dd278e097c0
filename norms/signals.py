"""When someone leaves a team, an open vote is counted again without them.

`cohorts/` imports no feature app, so the norms app listens for the membership change.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from cohorts.models import Membership


@receiver(post_save, sender=Membership, dispatch_uid="norms_reevaluate_on_leave")
def reevaluate_open_vote(sender, instance, **kwargs):
    if instance.left_on is None:
        return
    from .models import NormSet
    from .services import norm_set_evaluate

    for norm_set in NormSet.objects.filter(team_id=instance.team_id, status=NormSet.Status.VOTING):
        norm_set_evaluate(norm_set)
