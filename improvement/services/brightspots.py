"""Stores each measure's bright spots (see `improvement.brightspots`) when its data changes."""

from django.db import transaction

from ..models import BrightSpot


@transaction.atomic
def bright_spots_store(measures, found: dict[int, list[BrightSpot]]) -> None:
    """Replace the stored bright spots of `measures` with `found` (measure pk -> unsaved rows).

    Two queries whatever the number of measures; called by `measure_signals_refresh`.
    """
    BrightSpot.objects.filter(measure__in=[m.pk for m in measures]).delete()
    BrightSpot.objects.bulk_create(
        [spot for measure in measures for spot in found.get(measure.pk, [])], batch_size=500
    )
