"""What else goes, or blocks, when a row is deleted: shown on confirmation pages first."""

from dataclasses import dataclass

from django.db import router
from django.db.models.deletion import Collector, ProtectedError


@dataclass(frozen=True)
class Linked:
    label: str  # the model's plural name, e.g. "session feedback responses"
    count: int
    blocks: bool  # True: these rows must be dealt with first (on_delete=PROTECT)


def linked_to(obj) -> list[Linked]:
    """Rows that would be deleted with `obj` (cascade) or that stop its deletion (protect).

    Uses Django's own deletion collector, so the list always matches what delete() does.
    The object itself and many-to-many link rows (a link, not content) are left out.
    """
    collector = Collector(using=router.db_for_write(type(obj)), origin=obj)
    try:
        collector.collect([obj])
    except ProtectedError as error:
        return _counted(error.protected_objects, blocks=True)
    rows = [
        row
        for model, instances in collector.data.items()
        if not model._meta.auto_created
        for row in instances
        if row != obj
    ]
    rows += [row for qs in collector.fast_deletes for row in qs if not qs.model._meta.auto_created]
    return _counted(rows, blocks=False)


def _counted(rows, *, blocks: bool) -> list[Linked]:
    counts: dict[str, int] = {}
    for row in rows:
        label = str(row._meta.verbose_name_plural)
        counts[label] = counts.get(label, 0) + 1
    return [Linked(label, count, blocks) for label, count in sorted(counts.items())]
