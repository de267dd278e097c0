"""A service's ValidationError, shown on the form that called it: written once for every app.

Services (`<app>/services.py`) re-check their rules and raise `ValidationError`, either keyed by
field (`{"title": [...]}`) or not (a rule about the whole submission). The page shows either kind
beside the field, or above the form, and keeps what the person typed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def add_service_errors(form, error: ValidationError, *, rename: dict | None = None) -> None:
    """Put `error` on `form`: beside a field the form has, otherwise above the form.

    `rename` maps a service's field name to the form's (e.g. {"questions": "questions_text"}).
    A non-field error (no `error_dict`) goes above the form, never raising AttributeError.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    rename = rename or {}
    for name, errors in error.error_dict.items():
        name = rename.get(name, name)
        form.add_error(name if name in form.fields else None, errors)


class ServiceFormMixin:
    """For a FormView whose `save(form)` calls a service.

    A ValidationError from the service goes back onto the form (see `add_service_errors`) and
    the page is shown again; otherwise `success_message` is flashed and the person is sent to
    what `save` returned (a URL) or to `get_success_url()`.
    """

    success_message = ""
    service_field_names: dict = {}  # service field → form field, where they differ

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error, rename=self.service_field_names)
            return self.form_invalid(form)
        messages.success(self.request, self.get_success_message())
        return redirect(result if isinstance(result, str) else self.get_success_url())

    def get_success_message(self) -> str:
        return self.success_message
