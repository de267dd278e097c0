from django import template
from django.utils.safestring import mark_safe

from cohort_site.sanitize import clean_html

register = template.Library()


@register.filter
def sanitized(value: str) -> str:
    """Participant HTML, cleaned again as it is shown: stored bodies are never trusted as is."""
    return mark_safe(clean_html(value))  # noqa: S308  (cleaned by the one nh3 sanitizer)
