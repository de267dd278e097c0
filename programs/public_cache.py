"""Anonymous visitors' copies of public curriculum pages: cached, revalidated, purged on publish.

Module and program pages look the same to every anonymous visitor, so the rendered HTML is kept
in the cache under a key naming the page, its latest revision, the language and a site-wide
version that any publish, unpublish, move or delete bumps (a module's title also shows on its
program page and in the navigation). The CSP nonce differs per response: it is stored as a
placeholder and filled in for each visitor, and so is the CSRF token of the header's language
switch (each visitor gets their own, matching their cookie). Responses carry an ETag, so a
browser revalidating its copy gets 304 Not Modified.

Never cached: logged-in people, anything but a plain GET/HEAD, htmx requests, a visitor with a
message waiting, and any page that sets a cookie.
"""

import hashlib
import re

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "public-pages:version"
NONCE_PLACEHOLDER = "__cohort_csp_nonce__"
CSRF_PLACEHOLDER = "__cohort_csrf_token__"
CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
TIMEOUT = 60 * 60 * 24


def purge(**kwargs) -> None:
    """Every cached public page goes stale (connected to Wagtail's publish signals)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or the cache was emptied): start one
        cache.set(VERSION_KEY, 1, None)


def _cacheable(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not request.GET
        and "HX-Request" not in request.headers
        and "messages" not in request.COOKIES
        and not request.session.get("_messages")
    )


def _key(page) -> str | None:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY)
    if version is None:  # cache unavailable: serve without it
        return None
    return f"public-page:{version}:{page.pk}:{page.latest_revision_id}:{translation.get_language()}"


def serve_cached(page, request, serve) -> HttpResponse:
    """`serve()` renders the page; anonymous visitors get the cached copy when there is one."""
    key = _cacheable(request) and _key(page)
    if not key:
        return serve()
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return _headers(HttpResponseNotModified(), etag)
    nonce = str(get_nonce(request))
    stored = cache.get(key)
    if stored is None:
        response = serve()
        if hasattr(response, "render"):
            response.render()
        content = response.content.decode(response.charset)
        if response.status_code != 200 or response.cookies:
            return response
        template = CSRF_FIELD.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", content)
        cache.set(
            key, (template.replace(nonce, NONCE_PLACEHOLDER), response["Content-Type"]), TIMEOUT
        )
        return _headers(response, etag)
    content, content_type = stored
    content = content.replace(NONCE_PLACEHOLDER, nonce)
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content, content_type=content_type)
    return _headers(response, etag)


def _headers(response, etag):
    response["ETag"] = etag
    # Shared caches must not hand this copy to a logged-in person; browsers revalidate it.
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    patch_cache_control(response, no_cache=True)
    return response
