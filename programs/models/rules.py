"""The rules the page models use at request time, passed in when the app starts.

Pages show a module's state, filter by equity tag, list resources and take form submissions;
those rules live in programs/release.py, programs/forms.py and programs/services.py, which
import the models. So that the models import none of them, `ProgramsConfig.ready()`
(programs/apps.py) hands them over once with `install`, and the pages read them through
`page_rules()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class PageRules:
    module_states: Callable  # (modules, user) -> [ModuleState]
    module_is_open: Callable  # (module, user) -> bool
    opening_date: Callable  # (module, user) -> date
    release_date_for: Callable  # (user) -> expression: the person's release date of a module
    equity_tag_filter_form: Callable  # (data) -> the CDE goal and area filter form
    resources_filtered: Callable  # (params, *, per_page) -> context for the library
    form_class_with_honeypot: Callable  # (form_class) -> form_class
    form_rate_limited: Callable  # (request, page) -> bool
    form_submission_create: Callable  # (*, page, form) -> submission


_installed: list[PageRules] = []


def install(rules: PageRules) -> None:
    _installed[:] = [rules]


def page_rules() -> PageRules:
    if not _installed:
        raise ImproperlyConfigured("programs page rules are installed by ProgramsConfig.ready()")
    return _installed[0]
