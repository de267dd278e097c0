from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()


def _has_errors(value) -> bool:
    if isinstance(value, BaseForm):
        return value.is_bound and bool(value.errors)
    if isinstance(value, BaseFormSet):
        return value.is_bound and value.total_error_count() > 0
    return False


@register.simple_tag(takes_context=True)
def page_has_form_errors(context) -> bool:
    """True when any form or formset the page shows came back with errors.

    base.html reads it to prefix the page title with "Error: ", so a failed submit changes
    what a screen reader announces and what the browser tab says.
    """
    return any(_has_errors(value) for value in context.flatten().values())
