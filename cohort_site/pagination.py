"""A page of a list and how many there are in all, read in one query.

Django's `Paginator` counts the rows (one query), then reads the page (another). Here the page's
query carries a window count over every matching row, so a page of a growing list costs one
query; only a page number past the end (or below 1) costs more reads: the last page, as
`get_page` gives.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window


def page_with_total(queryset, number, per_page: int) -> Page:
    """`get_page(number)` of `queryset` (ordered), as `Paginator(queryset, per_page)` would give."""
    paginator = Paginator(queryset, per_page)
    try:
        wanted = int(number)
    except (TypeError, ValueError):
        wanted = 1
    if wanted < 1:
        return paginator.get_page(number)  # Django answers the last page
    start = (wanted - 1) * per_page
    rows = list(queryset.annotate(page_total=Window(Count("pk")))[start : start + per_page])
    if not rows and wanted > 1:
        return paginator.get_page(number)  # past the end: the last page
    paginator.count = rows[0].page_total if rows else 0  # what `Paginator.count` would query
    return Page(rows, wanted, paginator)
