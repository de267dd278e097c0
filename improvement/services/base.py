"""What every write shares: the role check and a save that reports invalid fields."""

from django.core.exceptions import PermissionDenied


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _save(instance):
    instance.full_clean()
    instance.save()
    return instance
