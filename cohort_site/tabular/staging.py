"""Between preview and commit: an upload is staged under a signed token, read back, and marked
imported, so a second confirm cannot import it twice."""

import datetime
import uuid

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from .reading import TabularError

STAGE_SALT = "cohort_site.tabular.stage"
STAGE_MAX_AGE = 60 * 60 * 2


def stage(data: bytes, *, owner: str, rows: int = 0) -> str:
    """Keep a checked file until the person confirms; the signed token names it, its owner and
    its number of rows (which decides whether the import runs in the task queue)."""
    from ..models import StagedImport

    StagedImport.objects.filter(
        created_at__lt=timezone.now() - datetime.timedelta(seconds=STAGE_MAX_AGE)
    ).delete()
    staged_import = StagedImport.objects.create(owner=owner, data=data)
    return signing.dumps(
        {"key": staged_import.key.hex, "owner": owner, "rows": rows}, salt=STAGE_SALT
    )


def _staged_payload(token: str, owner: str) -> dict:
    try:
        payload = signing.loads(token, salt=STAGE_SALT, max_age=STAGE_MAX_AGE)
        uuid.UUID(str(payload.get("key")))
    except (signing.BadSignature, ValueError):
        payload = {}
    if not payload or payload.get("owner") != owner:
        raise TabularError(_("This import has expired. Upload the file again."))
    return payload


def _staged_import(token: str, owner: str):
    from ..models import StagedImport

    key = _staged_payload(token, owner)["key"]
    found = StagedImport.objects.filter(key=key, owner=owner).first()
    if found is None:
        raise TabularError(_("This import has expired. Upload the file again."))
    return found


def staged_name_and_rows(token: str, *, owner: str) -> tuple[str, int]:
    """The staged file's name (for a queued import to find it) and its number of rows."""
    payload = _staged_payload(token, owner)
    return payload["key"], int(payload.get("rows", 0))


def read_staged(name: str) -> bytes:
    """A staged file by name, for the task that imports it (the token stays with the person)."""
    from ..models import StagedImport

    try:
        found = StagedImport.objects.filter(key=uuid.UUID(name)).first()
    except ValueError:
        found = None
    if found is None or found.imported_at is not None:
        raise TabularError(_("This import has expired. Upload the file again."))
    return bytes(found.data)


def mark_imported(name: str) -> None:
    """Forget the file's data, keeping the row as a marker so a repeated confirmation is
    recognised as one."""
    from ..models import StagedImport

    StagedImport.objects.filter(key=uuid.UUID(name)).update(data=b"", imported_at=timezone.now())


class AlreadyImported(TabularError):
    """The same confirmed file again (a double click on Import): nothing more to do."""


def staged(token: str, *, owner: str) -> bytes:
    staged_import = _staged_import(token, owner)
    if staged_import.imported_at is not None:
        raise AlreadyImported(_("This file was already imported."))
    return bytes(staged_import.data)


def unstage(token: str, *, owner: str) -> None:
    """Forget the file, keeping the row as a marker so a repeated confirmation is recognised."""
    mark_imported(_staged_import(token, owner).key.hex)
