"""Rendered HTML kept in the cache: the one place that trusts cached markup as safe.

Pages that render the same markup for many readers (a module's body, a measure's charts, the
norms trend chart, a team space panel) keep it here under a key that names everything the
markup depends on. Keys say what is shown, so nothing needs deleting: a change is a new key.
The markup always comes from our own autoescaped templates or `format_html`; it is stored as
plain text and marked safe again only on the way out of this module. While the cache is
unreachable every read misses and the caller renders, as without a cache.
"""

import hashlib
from collections.abc import Callable, Hashable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

DAY = 60 * 60 * 24


def fragment_key(namespace: str, *parts) -> str:
    """A cache key for `namespace` from a digest of `parts` (any values with a stable repr)."""
    return f"{namespace}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:40]}"


def cached_html(key: str | None, render: Callable[[], str], timeout: int = DAY) -> SafeString:
    """The markup stored under `key`, or `render()` stored there (`key` None: rendered, never
    stored, e.g. a preview of draft content)."""
    html = cache.get(key) if key else None
    if html is None:
        html = str(render())
        if key:
            cache.set(key, html, timeout)
    return mark_safe(html)  # noqa: S308 (our own autoescaped output, see the module doc)


def cached_html_many[K: Hashable](
    keys: dict[K, str],
    render_missing: Callable[[list[K]], dict[K, tuple[str, ...]]],
    timeout: int = DAY,
) -> dict[K, tuple[SafeString, ...]]:
    """Several fragments at once ({name: key}), each a tuple of markup: one cache read for all;
    `render_missing(names)` renders only those not found (reading their data only then)."""
    stored = cache.get_many(list(keys.values())) if keys else {}
    found = {name: stored[key] for name, key in keys.items() if key in stored}
    missing = [name for name in keys if name not in found]
    if missing:
        fresh = {
            name: tuple(str(part) for part in parts)
            for name, parts in render_missing(missing).items()
        }
        cache.set_many({keys[name]: fresh[name] for name in missing}, timeout)
        found.update(fresh)
    return {name: tuple(mark_safe(part) for part in found[name]) for name in keys}  # noqa: S308
