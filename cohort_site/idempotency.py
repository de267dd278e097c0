"""One-time submission keys: a double click or a resent POST stores one record.

Every create form carries a hidden key, fresh each time the empty form is rendered
(`SubmissionKeyFormMixin`). The first POST with a key claims it inside the transaction that
creates the record (`submission()`), and the claim remembers what was created. A second POST
with the same key (sequential, or at the same moment: its insert of the key waits for the first
transaction, then hits the unique constraint) creates nothing and is shown the first one's
record (`IdempotentCreateMixin`). A form answered with errors releases its key, so the person
can correct it and send again.
"""

import logging
import re
import secrets
from contextlib import contextmanager
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import SubmissionKey

logger = logging.getLogger(__name__)

FIELD = "submission_key"
KEY_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_key() -> str:
    return secrets.token_urlsafe(24)


def posted_key(request) -> str:
    """The request's submission key, or "" when there is none (or it is malformed)."""
    key = request.POST.get(FIELD, "")
    return key if KEY_RE.match(key) else ""


class AlreadySubmitted(Exception):  # noqa: N818  (an outcome, not an error)
    """This key was used: `row` says what it created and where it led."""

    def __init__(self, row: SubmissionKey | None):
        super().__init__(row)
        self.row = row

    @property
    def obj(self):
        return self.row.created_object if self.row is not None else None


class Claim:
    def __init__(self, row: SubmissionKey | None):
        self.row = row
        self.recorded = False

    def record(self, obj=None, *, location: str = "") -> None:
        """Remember what this submission created and where it sent the person."""
        self.recorded = True
        if self.row is None:
            return
        if obj is not None and getattr(obj, "pk", None) is not None:
            self.row.content_type = ContentType.objects.get_for_model(obj)
            self.row.object_id = str(obj.pk)
        self.row.location = location[:500]
        self.row.save(update_fields=["content_type", "object_id", "location"])


def _used(*, user, key: str) -> SubmissionKey | None:
    return SubmissionKey.objects.filter(user=user, key=key).select_related("content_type").first()


@contextmanager
def submission(*, user, key: str):
    """Claim `key` for the block's transaction; raises AlreadySubmitted if it was used.

    Call `claim.record(obj, location=...)` once the block created something. A block that
    records nothing (the form had errors) releases the key. Without a key (or a user) the block
    just runs. A second claim of the same key at the same moment waits for the first
    transaction (the unique constraint) and then raises AlreadySubmitted.
    """
    with transaction.atomic():
        row = None
        if key and getattr(user, "is_authenticated", False):
            try:
                with transaction.atomic():
                    row = SubmissionKey.objects.create(user=user, key=key)
            except IntegrityError:
                raise AlreadySubmitted(_used(user=user, key=key)) from None
        claim = Claim(row)
        yield claim
        if row is not None and not claim.recorded:
            row.delete()


def prune(*, days: int) -> int:
    """Forget keys claimed more than `days` days ago: a form left open that long is reloaded
    before it is sent, and a resent POST after that is rare enough to accept."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _by_model = SubmissionKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def create_once(*, user, key: str, create):
    """Run `create()` once per key. Returns (object, created); object is None if deleted since."""
    try:
        with submission(user=user, key=key) as claim:
            obj = create()
            claim.record(obj)
            return obj, True
    except AlreadySubmitted as already:
        return already.obj, False


class SubmissionKeyFormMixin:
    """Adds the hidden one-time key to a create form (rendered with the form's hidden fields).

    The key is read from the request (`posted_key`); it stays out of `cleaned_data`, so views
    that pass `**form.cleaned_data` to a service need no change.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(
            required=False, max_length=64, initial=new_key, widget=forms.HiddenInput
        )

    def clean(self):
        cleaned = super().clean()
        self.cleaned_data.pop(FIELD, None)
        if cleaned is not None:
            cleaned.pop(FIELD, None)
        return cleaned


class IdempotentCreateMixin:
    """For a create view whose form uses SubmissionKeyFormMixin: a view change of one line.

    Put it first among the view's bases: a POST runs inside the key's claim. When the view
    answers with a redirect, the claim keeps where it led (and `self.object` when the view sets
    it, as CreateView does). A later or simultaneous POST with the same key creates nothing and
    is sent to the same place.
    """

    already_submitted_message = _("This was already saved; here it is.")

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        try:
            with submission(user=request.user, key=posted_key(request)) as claim:
                response = super().dispatch(request, *args, **kwargs)
                if response.status_code in (301, 302, 303):
                    claim.record(getattr(self, "object", None), location=response["Location"])
                return response
        except AlreadySubmitted as already:
            return self.already_submitted(already)

    def already_submitted(self, already: AlreadySubmitted):
        messages.info(self.request, self.already_submitted_message)
        location = already.row.location if already.row is not None else ""
        if not location and already.obj is not None:
            location = already.obj.get_absolute_url()
        return redirect(location or self.request.get_full_path())


class IntegrityErrorMiddleware:
    """The last net: a unique constraint that a service did not turn into a form message never
    answers 500. A POST is sent back to its form with a message (a twin request or another
    person saved the same thing a moment earlier); anything else gets a 409 "try again" page.
    Services still handle the constraints they know, next to the field."""

    message = _(
        "This was not saved: the same thing was saved a moment ago, perhaps in another tab or "
        "by someone else. Check the page, then try again if it is still needed."
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IntegrityError):
            return None
        logger.warning("IntegrityError answered as a conflict: %s %s", request.method, request.path)
        if request.method == "POST":
            messages.error(request, self.message)
            response = redirect(request.get_full_path())
            response.status_code = 303  # see the form again, by GET
            return response
        return render(request, "503.html", {"message": self.message}, status=409)
