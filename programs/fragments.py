"""Parts of curriculum pages that every logged-in reader shares, rendered once and cached.

A module's body (objectives, goals, its blocks) and the resource library (its filters and one
page of resources) read the same to everyone allowed to see them, whoever they are. Each is
kept in the cache under a key naming what it shows (the page, the library's page number), the
reader's language and the site-wide version of the curriculum (`public_cache.current_version`),
which every page publish, save, move or delete bumps, and so does saving or deleting a
curriculum snippet (taxonomy, protocols, resources), a document or an image.

What differs per person is never inside a fragment: the module's progress ("Mark as done"),
its release date, the header's menus. A preview (draft content) is rendered, never cached, and
never answered from the cache. Without the cache (Redis down) each fragment is rendered.
"""

from django.template.loader import render_to_string
from django.utils import translation

from cohort_site.fragments import cached_html, fragment_key

from .public_cache import current_version


def _key(name: str, parts) -> str | None:
    version = current_version()
    if version is None:
        return None
    return fragment_key(
        f"curriculum-fragment:{name}:{version}", translation.get_language(), tuple(parts)
    )


def cached_fragment(request, name: str, parts, template: str, context) -> str:
    """`template` rendered with `context()` (called only on a miss), shared by every reader of
    the same `parts` in the same language until the curriculum changes (`parts` None: not
    shared, rendered each time)."""
    shared = parts is not None and not getattr(request, "is_preview", False)
    key = _key(name, parts) if shared else None
    return cached_html(key, lambda: render_to_string(template, context()))
