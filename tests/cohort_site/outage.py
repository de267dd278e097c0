"""Helpers for tests that run with the cache down: a Redis address nothing listens on."""

import re
import socket

from cohort_site.settings.base import caches_for


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_down_caches(*, resilient: bool = True) -> dict:
    """The site's own cache settings with REDIS_URL at a closed port (resilient=False: plain
    RedisCache, as configured before the cache learnt to degrade)."""
    caches = caches_for(f"redis://127.0.0.1:{closed_port()}/0")
    if not resilient:
        caches["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
    return caches


HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
NAME = re.compile(r'name="([^"]+)"')
VALUE = re.compile(r'value="([^"]*)"')


def hidden_fields(html: str) -> dict:
    """The hidden inputs of a page (CSRF token, one-time keys...), to post back with a form."""
    fields = {}
    for tag in HIDDEN.findall(html):
        name, value = NAME.search(tag), VALUE.search(tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields
